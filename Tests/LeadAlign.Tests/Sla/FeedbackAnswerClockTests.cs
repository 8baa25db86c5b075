using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Plugins.Sla;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.WorkflowActivities.Feedback;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Sla
{
    /// <summary>
    /// Marketing's commitment as a clock: rejection feedback sent to marketing starts "Feedback answered by", owned by the
    /// marketing team, due in the agreement's feedback business days; it warns the marketer the feedback went to, breaches to the
    /// marketing team's administrator, and succeeds when marketing answers. Users hold the shipped roles; security is enforced.
    /// </summary>
    public sealed class FeedbackAnswerClockTests
    {
        private const int InProgress = 0;
        private const int Noncompliant = 1;
        private const int Nearing = 2;
        private const int Succeeded = 4;
        private const int Canceled = 5;
        private readonly LifecycleFixture _fixture = ShippedRoles.Organization();

        public FeedbackAnswerClockTests()
        {
            // The marketing team's Administrator (team.administratorid) stands for marketing's manager.
            Org.SystemService.Update(new Entity("team", _fixture.MarketingTeam) { ["administratorid"] = new EntityReference("systemuser", _fixture.Admin) });
        }

        private InMemoryDataverse Org => _fixture.Org;

        private static int StatusOf(Entity kpi) => kpi.GetAttributeValue<OptionSetValue>("status").Value;

        /// <summary>A lead of the marketer's campaign, handed off, accepted and rejected by its rep, whose feedback the rep sends.</summary>
        private (Guid Lead, Guid Rep, Entity Feedback) FeedbackSent()
        {
            var campaign = Org.SystemService.Create(new Entity("campaign") { ["name"] = "Spring webinar", ["ownerid"] = new EntityReference("systemuser", _fixture.Marketer) });
            var lead = LifecycleFixture.QualifiedLead();
            lead["campaignid"] = new EntityReference("campaign", campaign);
            var id = Org.As(_fixture.Marketer).Create(lead);
            var rep = _fixture.OwnerOf(id);
            _fixture.SetStage(rep, id, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NoBudget) });
            var sent = Org.RunWorkflowActivity(
                new SendRejectionFeedback(),
                new Dictionary<string, object?> { ["Lead"] = new EntityReference("lead", id) },
                rep,
                new EntityReference("lead", id));
            return (id, rep, Org.Get(LeadFeedbackTable.EntityName, ((EntityReference)sent["Feedback"]).Id)!);
        }

        private Entity ClockOf(Entity feedback) => Org.Get("slakpiinstance", feedback.GetAttributeValue<EntityReference>(LeadFeedbackTable.AnswerByKpiId).Id)!;

        private void Answer(Entity feedback, Guid marketer) =>
            Org.RunWorkflowActivity(
                new RespondToFeedback(),
                new Dictionary<string, object?> { ["Feedback"] = feedback.ToEntityReference(), ["Response"] = "The webinar form now asks for budget.", ["Outcome"] = new OptionSetValue((int)FeedbackOutcome.FixedAtSource) },
                marketer,
                feedback.ToEntityReference());

        private void AdvanceTo(DateTime utc) => Org.Advance(utc - Org.UtcNow);

        [Fact]
        public void Sending_feedback_starts_marketings_clock_owned_by_the_marketing_team_due_when_the_feedback_is_due()
        {
            var (lead, _, feedback) = FeedbackSent();

            var clock = ClockOf(feedback);
            Assert.Equal(SlaKpiInstanceTable.FeedbackAnsweredByName, clock["name"]);
            Assert.Equal(InProgress, StatusOf(clock));
            Assert.Equal(new EntityReference("lead", lead), clock.GetAttributeValue<EntityReference>("regarding"));
            Assert.Equal(new EntityReference("team", _fixture.MarketingTeam), clock.GetAttributeValue<EntityReference>("ownerid"));
            Assert.Equal(feedback[LeadFeedbackTable.DueOn], clock["failuretime"]);

            // Three business days of eight hours from the send; the warning at 75 %, after 18 business hours.
            var sentOn = feedback.GetAttributeValue<DateTime>("createdon");
            Assert.Equal(TimeSpan.FromHours(24), BusinessHoursBetween(sentOn, clock.GetAttributeValue<DateTime>("failuretime")));
            Assert.Equal(TimeSpan.FromHours(18), BusinessHoursBetween(sentOn, clock.GetAttributeValue<DateTime>("warningtime")));
        }

        [Fact]
        public void The_shipped_workflow_warns_the_marketer_then_breaches_to_the_marketing_teams_administrator()
        {
            var (lead, rep, feedback) = FeedbackSent();
            var clock = ClockOf(feedback);
            Org.DrainAsync();

            AdvanceTo(clock.GetAttributeValue<DateTime>("warningtime").AddMinutes(1));
            Org.DrainAsync();
            Assert.Equal(Nearing, StatusOf(Org.Get("slakpiinstance", clock.Id)!));
            var warning = Assert.Single(Org.All("appnotification"), note => note.GetAttributeValue<string>("title") == "Nearly due: answer sales' feedback");
            Assert.Equal(_fixture.Marketer, warning.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains(lead.ToString("D"), warning.GetAttributeValue<string>("data"), StringComparison.Ordinal);

            AdvanceTo(clock.GetAttributeValue<DateTime>("failuretime").AddMinutes(1));
            Org.DrainAsync();
            Assert.Equal(Noncompliant, StatusOf(Org.Get("slakpiinstance", clock.Id)!));
            var missed = Org.All("appnotification").Where(note => note.GetAttributeValue<string>("title") == "Missed by marketing: feedback answered by").Select(note => note.GetAttributeValue<EntityReference>("ownerid").Id).OrderBy(id => id);
            Assert.Equal(new[] { _fixture.Admin, _fixture.Marketer }.OrderBy(id => id), missed);
            Assert.DoesNotContain(Org.All("appnotification"), note => note.GetAttributeValue<EntityReference>("ownerid").Id == rep && note.GetAttributeValue<string>("title").Contains("feedback answered", StringComparison.OrdinalIgnoreCase));
            Assert.Empty(Org.FailedAsyncJobs);
        }

        [Fact]
        public void Marketing_answering_in_time_succeeds_the_clock_in_at_most_two_calls()
        {
            var (_, _, feedback) = FeedbackSent();
            Org.Advance(TimeSpan.FromHours(2));
            Org.Log.Clear();

            Answer(feedback, _fixture.Marketer);

            var clock = ClockOf(feedback);
            Assert.Equal(Succeeded, StatusOf(clock));
            Assert.Equal(Org.Get(LeadFeedbackTable.EntityName, feedback.Id)![LeadFeedbackTable.RespondedOn], clock["succeededon"]);
            Assert.True(Org.Log.Of(typeof(FeedbackAnsweredPlugin)).Single().TotalCalls <= 2);

            Org.Advance(TimeSpan.FromDays(7));
            Org.DrainAsync();
            Assert.Equal(Succeeded, StatusOf(ClockOf(feedback)));
            Assert.DoesNotContain(Org.All("appnotification"), note => note.GetAttributeValue<string>("title").Contains("feedback", StringComparison.OrdinalIgnoreCase) && note.GetAttributeValue<string>("title") != "Marketing answered: fixed at source");
        }

        [Fact]
        public void Marketing_answering_late_leaves_the_clock_noncompliant_and_records_when_it_answered()
        {
            var (_, _, feedback) = FeedbackSent();
            AdvanceTo(ClockOf(feedback).GetAttributeValue<DateTime>("failuretime").AddHours(3));

            Answer(feedback, _fixture.Marketer);

            var clock = ClockOf(feedback);
            Assert.Equal(Noncompliant, StatusOf(clock));
            Assert.Equal(Org.UtcNow, clock["succeededon"]);
        }

        [Fact]
        public void A_team_administrator_who_cannot_read_the_lead_is_not_told_of_the_breach()
        {
            var outsider = Org.AddUser("Otto Outsider");
            Org.AssignRole(outsider, ShippedRoles.BaseRole);
            Org.SystemService.Update(new Entity("team", _fixture.MarketingTeam) { ["administratorid"] = new EntityReference("systemuser", outsider) });
            var (_, _, feedback) = FeedbackSent();

            AdvanceTo(ClockOf(feedback).GetAttributeValue<DateTime>("failuretime").AddMinutes(1));
            var response = Org.SystemService.Execute(new OrganizationRequest("la_EvaluateLeadSlas"));

            Assert.Equal(1, (int)response["Breached"]);
            Assert.Equal(Noncompliant, StatusOf(ClockOf(feedback)));
            Assert.DoesNotContain(Org.All("appnotification"), note => note.GetAttributeValue<EntityReference>("ownerid").Id == outsider);
            Assert.Contains(Org.All("appnotification"), note => note.GetAttributeValue<EntityReference>("ownerid").Id == _fixture.Marketer && note.GetAttributeValue<string>("title") == "Missed by marketing: feedback answered by");
        }

        [Fact]
        public void Recycling_the_lead_before_marketing_answers_cancels_the_clock()
        {
            var (lead, _, feedback) = FeedbackSent();

            Org.RunWorkflowActivity(
                new RecycleLeadToNurture(),
                new Dictionary<string, object?> { ["Lead"] = new EntityReference("lead", lead), ["Reason"] = "Budget returns in Q3." },
                _fixture.Admin,
                new EntityReference("lead", lead));

            Assert.Equal(Canceled, StatusOf(ClockOf(feedback)));
        }

        /// <summary>Business hours (Monday to Friday, 09:00-17:00 UTC, the shipped agreement's) between two times.</summary>
        private static TimeSpan BusinessHoursBetween(DateTime from, DateTime to)
        {
            var total = TimeSpan.Zero;
            for (var minute = from; minute < to; minute = minute.AddMinutes(1))
            {
                if (minute.DayOfWeek != DayOfWeek.Saturday && minute.DayOfWeek != DayOfWeek.Sunday && minute.Hour >= 9 && minute.Hour < 17)
                {
                    total += TimeSpan.FromMinutes(1);
                }
            }

            return total;
        }
    }
}
