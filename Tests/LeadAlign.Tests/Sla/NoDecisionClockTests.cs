using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Plugins.Sla;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Sla
{
    /// <summary>
    /// Sales' commitment to decide: accepting a lead starts a third clock, "Decision by", due in the agreement's decision business
    /// days (5 in the shipped agreement). It warns the owner, and at its failure time the lead returns to marketing as Nurture with
    /// the recycle reason "No decision in time", through the lifecycle as SYSTEM. It succeeds when the lead becomes an SQL and is
    /// canceled when the rep rejects or nurtures it. Users hold the shipped roles; security is enforced.
    /// </summary>
    public sealed class NoDecisionClockTests
    {
        private const int InProgress = 0;
        private const int Noncompliant = 1;
        private const int Nearing = 2;
        private const int Succeeded = 4;
        private const int Canceled = 5;
        private readonly LifecycleFixture _fixture = ShippedRoles.Organization();

        private InMemoryDataverse Org => _fixture.Org;

        private static int StatusOf(Entity kpi) => kpi.GetAttributeValue<OptionSetValue>("status").Value;

        private Entity DecisionClock(Guid lead) => Org.Get("slakpiinstance", _fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.DecisionByKpiId).Id)!;

        private (Guid Lead, Guid Rep) AcceptedLead()
        {
            var lead = _fixture.HandedOffLead();
            var rep = _fixture.OwnerOf(lead);
            Org.Advance(TimeSpan.FromHours(1));
            _fixture.SetStage(rep, lead, LifecycleFixture.Sal);
            return (lead, rep);
        }

        private void AdvanceTo(DateTime utc) => Org.Advance(utc - Org.UtcNow);

        [Fact]
        public void Accepting_a_lead_starts_the_decision_clock_for_its_owner_with_one_create()
        {
            var lead = _fixture.HandedOffLead();
            var rep = _fixture.OwnerOf(lead);
            Org.Advance(TimeSpan.FromHours(1));
            Org.Log.Clear();

            _fixture.SetStage(rep, lead, LifecycleFixture.Sal);

            var clock = DecisionClock(lead);
            Assert.Equal(SlaKpiInstanceTable.DecisionByName, clock["name"]);
            Assert.Equal(InProgress, StatusOf(clock));
            Assert.Equal(rep, clock.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(new EntityReference("lead", lead), clock.GetAttributeValue<EntityReference>("regarding"));
            // Accepted Monday 2026-01-05 at 10:00: five business days of 09:00-17:00 end the next Monday at 10:00; 75 % is 30 hours.
            Assert.Equal(new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc), _fixture.Lead(lead)[LeadTable.AcceptedOn]);
            Assert.Equal(new DateTime(2026, 1, 12, 10, 0, 0, DateTimeKind.Utc), clock["failuretime"]);
            Assert.Equal(new DateTime(2026, 1, 8, 16, 0, 0, DateTimeKind.Utc), clock["warningtime"]);
            var start = Assert.Single(Org.Log.Of(typeof(StartLeadSlaClocksPlugin)));
            // The query that makes a replay start nothing and the clock's create; the agreement is read only when its cache is cold
            // (an hour after the handoff here), and lead's SLA setting once per organization per cache age.
            Assert.Equal(1, start.Calls("Create"));
            Assert.True(start.Calls("RetrieveMultiple") <= 2 && start.Calls("RetrieveEntity") <= 1 && start.CallsByMessage.Count <= 3, string.Join(", ", start.CallsByMessage.Select(call => call.Key + " " + call.Value)));
        }

        [Fact]
        public void Without_decision_days_on_the_agreement_accepting_starts_no_decision_clock()
        {
            Org.SystemService.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.DecisionDays] = null });
            Org.DrainAsync();

            var (lead, _) = AcceptedLead();

            Assert.Null(_fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.DecisionByKpiId));
            Assert.DoesNotContain(Org.All("slakpiinstance"), kpi => kpi.GetAttributeValue<string>("name") == SlaKpiInstanceTable.DecisionByName);
        }

        [Fact]
        public void An_undecided_lead_warns_its_owner_then_returns_to_marketing_as_nurture_with_history_and_reason()
        {
            var (lead, rep) = AcceptedLead();
            var clock = DecisionClock(lead);
            Org.DrainAsync();

            AdvanceTo(clock.GetAttributeValue<DateTime>("warningtime").AddMinutes(1));
            Org.DrainAsync();
            Assert.Equal(Nearing, StatusOf(Org.Get("slakpiinstance", clock.Id)!));
            Assert.Contains(Org.All("appnotification"), note => note.GetAttributeValue<string>("title") == "Nearly due: Decision by" && note.GetAttributeValue<EntityReference>("ownerid").Id == rep);
            Assert.Equal(LifecycleFixture.Sal, _fixture.StageOf(lead));

            AdvanceTo(clock.GetAttributeValue<DateTime>("failuretime").AddMinutes(1));
            Org.DrainAsync();

            var returned = _fixture.Lead(lead);
            Assert.Equal(Noncompliant, StatusOf(Org.Get("slakpiinstance", clock.Id)!));
            Assert.Equal(LifecycleFixture.Nurture, returned.GetAttributeValue<OptionSetValue>(LeadTable.Stage).Value);
            Assert.Equal("No decision in time", returned[LeadTable.RecycleReason]);
            Assert.Equal(new EntityReference("team", _fixture.MarketingTeam), returned.GetAttributeValue<EntityReference>("ownerid"));
            var last = _fixture.History(lead).Last();
            Assert.Equal(LifecycleFixture.Sal, last.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.FromStage).Value);
            Assert.Equal(LifecycleFixture.Nurture, last.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage).Value);
            Assert.Equal(Org.SystemUserId, last.GetAttributeValue<EntityReference>(LeadStageChangeTable.ChangedBy).Id);
            var missed = Org.All("appnotification").Single(note => note.GetAttributeValue<string>("title") == "Missed: Decision by");
            Assert.Equal(rep, missed.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("returns to marketing as Nurture", missed.GetAttributeValue<string>("body"), StringComparison.Ordinal);
            Assert.Empty(Org.FailedAsyncJobs);
        }

        [Fact]
        public void The_sweep_returns_an_undecided_lead_like_the_workflow()
        {
            var (lead, _) = AcceptedLead();
            AdvanceTo(DecisionClock(lead).GetAttributeValue<DateTime>("failuretime").AddMinutes(1));

            var response = Org.SystemService.Execute(new OrganizationRequest("la_EvaluateLeadSlas"));

            Assert.True((int)response["Breached"] >= 1);
            Assert.Equal(Noncompliant, StatusOf(DecisionClock(lead)));
            Assert.Equal(LifecycleFixture.Nurture, _fixture.StageOf(lead));
            Assert.Equal("No decision in time", _fixture.Lead(lead)[LeadTable.RecycleReason]);
        }

        [Fact]
        public void Qualifying_the_lead_in_time_succeeds_the_decision_clock_in_at_most_two_calls_and_nothing_returns_it()
        {
            var (lead, rep) = AcceptedLead();
            Org.Advance(TimeSpan.FromDays(2));
            Org.Log.Clear();

            // The rep qualifies: the rescoring the BANT columns cause links the scoring model, which the Sales Rep role appends to.
            _fixture.SetStage(rep, lead, LifecycleFixture.Sql, LifecycleFixture.Bant);

            Assert.Equal(Succeeded, StatusOf(DecisionClock(lead)));
            Assert.Equal(Org.UtcNow, DecisionClock(lead)["succeededon"]);
            Assert.True(Org.Log.Of(typeof(StopLeadSlaClocksPlugin)).Single().TotalCalls <= 2);
            Org.Advance(TimeSpan.FromDays(14));
            Org.DrainAsync();
            Assert.Equal(LifecycleFixture.Sql, _fixture.StageOf(lead));
        }

        /// <summary>The rep rejects, or nurtures (which hands the lead to the marketing team: the Sales Rep role assigns its own leads).</summary>
        [Theory]
        [InlineData(LifecycleFixture.Rejected)]
        [InlineData(LifecycleFixture.Nurture)]
        public void A_person_rejecting_or_nurturing_the_lead_cancels_the_decision_clock(int stage)
        {
            var (lead, rep) = AcceptedLead();

            _fixture.SetStage(rep, lead, stage, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NotReadyYet) });

            Assert.Equal(Canceled, StatusOf(DecisionClock(lead)));
            Assert.Null(_fixture.Lead(lead).GetAttributeValue<string>(LeadTable.RecycleReason));
        }

        [Fact]
        public void An_agreement_whose_decision_days_are_out_of_range_is_refused_with_what_to_give()
        {
            var fault = TestOrganization.Fault(() => Org.SystemService.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.DecisionDays] = 0 }));

            Assert.Equal("Agreement 'Sales and marketing agreement': Decision within (business days) is 0. Give the business days sales has to decide on an accepted lead (SQL, Rejected or Nurture) before it returns to marketing, from 1 to 365, or leave it empty for no such commitment.", fault.Message);
        }
    }
}
