using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using LeadAlign.WorkflowActivities.Feedback;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Feedback
{
    /// <summary>Rejection feedback: the activities run through the in-memory Dataverse as a workflow runs them.</summary>
    public sealed class RejectionFeedbackTests
    {
        private const int NoBudget = (int)RejectionReason.NoBudget;
        private const int Other = (int)RejectionReason.Other;
        private readonly LifecycleFixture _fixture = new();
        private readonly Guid _campaignOwner;
        private readonly Guid _campaign;

        public RejectionFeedbackTests()
        {
            _campaignOwner = Org.AddUser("Carla Campaigns");
            _campaign = Org.As(_campaignOwner).Create(new Entity("campaign") { ["name"] = "Spring webinar" });
        }

        private InMemoryDataverse Org => _fixture.Org;

        private Guid Rep => _fixture.Reps[0];

        private Guid RejectedLead(bool withCampaign = true, int reason = NoBudget, string? notes = null)
        {
            var lead = LifecycleFixture.QualifiedLead();
            lead["leadsourcecode"] = new OptionSetValue(6);
            if (withCampaign)
            {
                lead["campaignid"] = new EntityReference("campaign", _campaign);
            }

            var id = Org.As(_fixture.Marketer).Create(lead);
            _fixture.SetStage(Rep, id, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue(reason), [LeadTable.RejectionNotes] = notes });
            return id;
        }

        private IDictionary<string, object> Send(Guid lead, Guid asUser, int? reason = null, string? notes = null) =>
            Org.RunWorkflowActivity(
                new SendRejectionFeedback(),
                new Dictionary<string, object?> { ["Lead"] = new EntityReference("lead", lead), ["Reason"] = reason == null ? null : new OptionSetValue(reason.Value), ["Notes"] = notes },
                asUser,
                new EntityReference("lead", lead));

        [Fact]
        public void Feedback_on_a_rejected_lead_goes_to_the_campaign_owner_with_everything_marketing_needs()
        {
            var lead = RejectedLead(notes: "Budget frozen until Q3.");
            Org.Advance(TimeSpan.FromHours(1));

            var outputs = Send(lead, Rep);

            var feedback = Org.Get(LeadFeedbackTable.EntityName, ((EntityReference)outputs["Feedback"]).Id)!;
            Assert.Equal(new EntityReference("systemuser", _campaignOwner), outputs["RecipientUser"]);
            Assert.Null(outputs["RecipientQueue"]);
            Assert.Equal(new EntityReference("lead", lead), feedback.GetAttributeValue<EntityReference>(LeadFeedbackTable.LeadId));
            Assert.Equal(NoBudget, feedback.GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Reason).Value);
            Assert.Equal("Budget frozen until Q3.", feedback[LeadFeedbackTable.Notes]);
            Assert.Equal(Rep, feedback.GetAttributeValue<EntityReference>(LeadFeedbackTable.RejectedBy).Id);
            Assert.Equal("6", feedback[LeadFeedbackTable.LeadSource]);
            Assert.Equal(_campaign, feedback.GetAttributeValue<EntityReference>(LeadFeedbackTable.CampaignId).Id);
            Assert.Equal(65, feedback[LeadFeedbackTable.ScoreAtRejection]);
            Assert.Equal(LifecycleFixture.Mql, feedback.GetAttributeValue<OptionSetValue>(LeadFeedbackTable.StageBeforeRejection).Value);
            Assert.Equal(_campaignOwner, feedback.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal((int)FeedbackStatus.AwaitingResponse, feedback.GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Status).Value);
            Assert.Equal(new DateTime(2026, 1, 8, 10, 0, 0, DateTimeKind.Utc), feedback[LeadFeedbackTable.DueOn]);

            var email = Org.Get("email", feedback.GetAttributeValue<EntityReference>(LeadFeedbackTable.EmailId).Id)!;
            Assert.Equal("Rejected: Novak (no budget)", email["subject"]);
            var body = XElement.Parse(email.GetAttributeValue<string>("description"));
            Assert.Equal("Sales rejected Novak of Contoso.", body.Elements("p").First().Value);
            Assert.Contains(body.Elements("p"), paragraph => paragraph.Value == "Reason: no budget");
            Assert.Contains(body.Elements("p"), paragraph => paragraph.Value == "Notes: Budget frozen until Q3.");
            Assert.Contains(body.Elements("p"), paragraph => paragraph.Value == "Score: 65");
            Assert.Contains("+25 Job title names the C-suite", body.Element("ul")!.Elements("li").Select(item => item.Value));
            Assert.Contains(body.Elements("p"), paragraph => paragraph.Value == "Rejected by Rep 1 on 2026-01-05 09:00 UTC.");
            Assert.EndsWith("etn=lead&id=" + lead, (string)body.Descendants("a").Single().Attribute("href")!);
            Assert.Equal(1, email.GetAttributeValue<OptionSetValue>("statecode").Value);
            var parties = Org.All("activityparty").Where(party => party.GetAttributeValue<EntityReference>("activityid").Id == email.Id).ToList();
            Assert.Contains(parties, party => party.GetAttributeValue<OptionSetValue>("participationtypemask").Value == 1 && party.GetAttributeValue<EntityReference>("partyid").Id == Rep);
            Assert.Contains(parties, party => party.GetAttributeValue<OptionSetValue>("participationtypemask").Value == 2 && party.GetAttributeValue<EntityReference>("partyid").Id == _campaignOwner);
            Assert.Equal(Rep, email.GetAttributeValue<EntityReference>("createdby").Id);

            var marked = _fixture.Lead(lead);
            Assert.Equal(Rep, marked.GetAttributeValue<EntityReference>(LeadTable.RejectedBy).Id);
            Assert.Equal(NoBudget, marked.GetAttributeValue<OptionSetValue>(LeadTable.RejectionReason).Value);
        }

        [Fact]
        public void The_email_is_well_formed_html_with_the_notes_as_text_and_an_absolute_link_that_opens_the_lead_in_the_app()
        {
            // Dataverse renders an e-mail activity's description as HTML, so the body is markup and what a rep typed is encoded.
            // The link follows Microsoft Learn, "Open apps, forms, views, dialogs, and reports with a URL": the organization's web
            // address (RetrieveCurrentOrganization's WebApplication endpoint, https://leadalign.crm.dynamics.com/ in the in-memory
            // organization) + main.aspx with pagetype=entityrecord, etn and id, and the app by its unique name (appname).
            var lead = RejectedLead(notes: "Called twice.\n<script>alert('x')</script> & <b>no</b> budget");

            Send(lead, Rep);

            var email = Assert.Single(Org.All("email"), row => row.GetAttributeValue<string>("subject").StartsWith("Rejected:", StringComparison.Ordinal));
            var html = email.GetAttributeValue<string>("description");
            Assert.DoesNotContain("<script>", html);
            Assert.DoesNotContain("<b>", html);
            var body = XElement.Parse(html);
            var notes = body.Elements("p").Single(paragraph => paragraph.Value.StartsWith("Notes:", StringComparison.Ordinal));
            Assert.Equal(new[] { "br" }, notes.Elements().Select(element => element.Name.LocalName));
            Assert.Equal("Notes: Called twice.<script>alert('x')</script> & <b>no</b> budget", notes.Value);
            Assert.Equal(
                $"https://leadalign.crm.dynamics.com/main.aspx?appname=la_LeadAlignment&pagetype=entityrecord&etn=lead&id={lead:D}",
                (string)body.Descendants("a").Single().Attribute("href")!);
        }

        [Fact]
        public void The_organizations_web_address_is_read_once_for_many_emails()
        {
            Send(RejectedLead(), Rep);
            Org.Log.Clear();

            Send(RejectedLead(), Rep);
            Send(RejectedLead(), Rep);

            // Each send creates its e-mail, its feedback and marketing's answer clock, and links to its lead with the address kept
            // from the first send (LeadLink).
            var sends = Org.Log.Of(typeof(SendRejectionFeedback));
            Assert.Equal(2, sends.Count);
            Assert.All(sends, send => Assert.Equal(3, send.Calls("Create")));
            Assert.All(sends, send => Assert.Equal(0, send.Calls("RetrieveCurrentOrganization")));
            Assert.Equal(3, Org.All("email").Count(row => row.GetAttributeValue<string>("subject").StartsWith("Rejected:", StringComparison.Ordinal)));
        }

        [Fact]
        public void Without_a_campaign_owner_the_feedback_goes_to_the_agreements_marketing_queue_then_the_teams_queue()
        {
            var queue = Org.SystemService.Create(new Entity("queue") { ["name"] = "Marketing inbox" });
            var teamQueue = Org.SystemService.Create(new Entity("queue") { ["name"] = "Marketing team queue" });
            Org.SystemService.Update(new Entity("team", _fixture.MarketingTeam) { ["queueid"] = new EntityReference("queue", teamQueue) });
            Org.SystemService.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.MarketingQueueId] = new EntityReference("queue", queue) });

            var toQueue = Send(RejectedLead(withCampaign: false), Rep);
            Org.SystemService.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.MarketingQueueId] = null });
            var toTeamQueue = Send(RejectedLead(withCampaign: false), Rep);

            Assert.Equal(new EntityReference("queue", queue), toQueue["RecipientQueue"]);
            Assert.Equal(new EntityReference("queue", teamQueue), toTeamQueue["RecipientQueue"]);
        }

        [Fact]
        public void No_resolvable_recipient_is_refused_saying_what_to_configure_and_nothing_is_written()
        {
            var lead = RejectedLead(withCampaign: false);
            var emails = Org.All("email").Count;

            var fault = TestOrganization.Fault(() => Send(lead, Rep));

            Assert.Equal("No one in marketing can receive this feedback: give the lead's campaign an owner, or set the agreement's Marketing queue, or give the agreement's Marketing team a default queue.", fault.Message);
            Assert.Empty(Org.All(LeadFeedbackTable.EntityName));
            Assert.Equal(emails, Org.All("email").Count);
        }

        [Fact]
        public void A_failure_after_the_email_rolls_back_the_email_the_feedback_and_the_lead_columns_together()
        {
            var lead = RejectedLead();
            Org.SystemService.Delete("campaign", _campaign);
            var emails = Org.All("email").Count;

            var fault = TestOrganization.Fault(() => Send(lead, Rep));

            Assert.Contains("campaign With Id", fault.Message);
            Assert.Equal(emails, Org.All("email").Count);
            Assert.Empty(Org.All(LeadFeedbackTable.EntityName));
            Assert.False(_fixture.Lead(lead).Contains(LeadTable.RejectedBy));
        }

        [Fact]
        public void Running_it_again_for_the_same_rejection_creates_nothing_new()
        {
            var lead = RejectedLead();

            var first = Send(lead, Rep);
            var again = Send(lead, Rep);

            Assert.Equal(first["Feedback"], again["Feedback"]);
            Assert.Single(Org.All(LeadFeedbackTable.EntityName));
            Assert.Single(Org.All("email"), email => email.GetAttributeValue<string>("subject").StartsWith("Rejected:", StringComparison.Ordinal));
        }

        [Fact]
        public void A_missing_lead_or_a_lead_that_is_not_rejected_is_refused_naming_its_stage()
        {
            var mql = _fixture.HandedOffLead("Open");
            var missing = Guid.NewGuid();

            var notRejected = TestOrganization.Fault(() => Send(mql, Rep));
            var gone = TestOrganization.Fault(() => Send(missing, Rep));

            Assert.Equal("Feedback goes with rejected leads only, and this lead is MQL. Reject it first, with a reason.", notRejected.Message);
            Assert.Equal($"The lead {missing} does not exist (any more): there is nothing to send feedback on.", gone.Message);
        }

        [Fact]
        public void The_shipped_workflow_sends_feedback_when_a_lead_is_rejected()
        {
            var lead = RejectedLead(reason: Other, notes: "Reseller, not an end customer.");
            Assert.Empty(Org.All(LeadFeedbackTable.EntityName));

            Org.DrainAsync();

            Assert.Empty(Org.FailedAsyncJobs);
            var feedback = Assert.Single(Org.All(LeadFeedbackTable.EntityName));
            Assert.Equal(lead, feedback.GetAttributeValue<EntityReference>(LeadFeedbackTable.LeadId).Id);
            Assert.Equal("Reseller, not an end customer.", feedback[LeadFeedbackTable.Notes]);
            Assert.Equal(Rep, feedback.GetAttributeValue<EntityReference>("createdby").Id);
            Assert.Empty(Org.FailedAsyncJobs);
        }

        [Fact]
        public void Disqualifying_a_lead_sends_feedback_too()
        {
            var id = Org.As(_fixture.Marketer).Create(new Entity("lead") { ["lastname"] = "Quiet", ["campaignid"] = new EntityReference("campaign", _campaign), [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.BadContactData) });

            Org.As(_fixture.Marketer).Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", id), State = new OptionSetValue(2), Status = new OptionSetValue(-1) });
            Org.DrainAsync();

            Assert.Equal((int)RejectionReason.BadContactData, Assert.Single(Org.All(LeadFeedbackTable.EntityName)).GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Reason).Value);
        }

        [Fact]
        public void The_custom_api_sends_the_same_feedback_as_the_calling_rep()
        {
            var lead = RejectedLead();

            var response = Org.As(Rep).Execute(new OrganizationRequest("la_SendRejectionFeedback") { ["Target"] = new EntityReference("lead", lead), ["Notes"] = "From a flow." });

            var feedback = Org.Get(LeadFeedbackTable.EntityName, ((EntityReference)response["Feedback"]).Id)!;
            Assert.Equal("From a flow.", feedback[LeadFeedbackTable.Notes]);
            Assert.Equal(new EntityReference("systemuser", _campaignOwner), response["RecipientUser"]);
        }

        [Fact]
        public void Recycling_a_disqualified_lead_reopens_it_in_nurture_and_marks_its_feedback_recycled()
        {
            var lead = RejectedLead();
            Org.As(Rep).Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", lead), State = new OptionSetValue(2), Status = new OptionSetValue(-1) });
            Send(lead, Rep);

            Org.RunWorkflowActivity(new RecycleLeadToNurture(), new Dictionary<string, object?> { ["Lead"] = new EntityReference("lead", lead), ["Reason"] = "Budget opens in Q3: nurture until then." }, _fixture.Marketer, new EntityReference("lead", lead));

            var recycled = _fixture.Lead(lead);
            Assert.Equal(LifecycleFixture.Nurture, _fixture.StageOf(lead));
            Assert.Equal(0, recycled.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal("Budget opens in Q3: nurture until then.", recycled[LeadTable.RecycleReason]);
            Assert.Equal((int)FeedbackStatus.Recycled, Assert.Single(Org.All(LeadFeedbackTable.EntityName)).GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Status).Value);
            var refused = TestOrganization.Fault(() => Org.RunWorkflowActivity(new RecycleLeadToNurture(), new Dictionary<string, object?> { ["Lead"] = new EntityReference("lead", lead), ["Reason"] = "Again" }, _fixture.Marketer, new EntityReference("lead", lead)));
            Assert.Equal("Only a rejected lead is recycled to Nurture, and this lead is Nurture.", refused.Message);
        }

        [Fact]
        public void Marketing_responds_and_the_rep_who_rejected_the_lead_is_told()
        {
            var lead = RejectedLead();
            var feedback = (EntityReference)Send(lead, Rep)["Feedback"];
            Org.Advance(TimeSpan.FromHours(5));

            Org.RunWorkflowActivity(
                new RespondToFeedback(),
                new Dictionary<string, object?> { ["Feedback"] = feedback, ["Response"] = "Fixed the webinar form's budget question.", ["Outcome"] = new OptionSetValue((int)FeedbackOutcome.FixedAtSource) },
                _campaignOwner,
                feedback);

            var answered = Org.Get(LeadFeedbackTable.EntityName, feedback.Id)!;
            Assert.Equal((int)FeedbackStatus.Responded, answered.GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Status).Value);
            Assert.Equal((int)FeedbackOutcome.FixedAtSource, answered.GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Outcome).Value);
            Assert.Equal(Org.UtcNow, answered[LeadFeedbackTable.RespondedOn]);
            Assert.Equal(_campaignOwner, answered.GetAttributeValue<EntityReference>(LeadFeedbackTable.RespondedBy).Id);
            var note = Org.All("appnotification").Single(row => row.GetAttributeValue<string>("title") == "Marketing answered: fixed at source");
            Assert.Equal(Rep, note.GetAttributeValue<EntityReference>("ownerid").Id);
        }
    }
}
