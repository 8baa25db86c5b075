using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>
    /// What LeadAlign computes stays as LeadAlign computed it, whatever a rep sends: each attempt below succeeded before
    /// (issue 14) and left forged data behind; now it is refused with a message naming what to do, and nothing changes.
    /// </summary>
    public sealed class ForgeryTests
    {
        private static IReadOnlyDictionary<string, object?> Bant => LifecycleFixture.Bant;

        private readonly LifecycleFixture _fixture = new();

        private Guid Rep => _fixture.Reps[0];

        /// <summary>A lead a rep created that does not qualify: score 20, no company.</summary>
        private Guid WeakLead() => _fixture.Org.As(Rep).Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Weak", ["jobtitle"] = "Analyst" });

        [Fact]
        public void A_rep_cannot_set_a_score_that_turns_a_lead_into_an_mql()
        {
            var lead = WeakLead();
            var score = _fixture.Lead(lead).GetAttributeValue<int>(LeadTable.Score);

            var fault = TestOrganization.Fault(() => _fixture.Org.As(Rep).Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.Score] = 99_999, ["companyname"] = "Contoso" }));

            Assert.Contains("LeadAlign computes " + LeadTable.Score, fault.Message);
            Assert.Equal(LifecycleFixture.Inquiry, _fixture.StageOf(lead));
            Assert.Equal(score, _fixture.Lead(lead).GetAttributeValue<int>(LeadTable.Score));
            Assert.False(_fixture.Lead(lead).Contains("companyname"));
            Assert.Empty(_fixture.Org.All(SlaKpiInstanceTable.EntityName));
        }

        [Fact]
        public void A_rep_cannot_write_engagement_into_the_ledger()
        {
            var lead = WeakLead();

            var fault = TestOrganization.Fault(() => _fixture.Org.As(Rep).Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.EngagementLedger] = "forged" }));

            Assert.Contains(LeadTable.EngagementLedger, fault.Message);
            Assert.Equal(0m, _fixture.Lead(lead).GetAttributeValue<decimal>(LeadTable.EngagementScore));
        }

        [Fact]
        public void A_rep_cannot_stamp_a_first_contact_or_point_a_clock_lookup_elsewhere_or_clear_a_rejection()
        {
            var lead = _fixture.HandedOffLead();
            var other = _fixture.HandedOffLead("Other");
            var owner = _fixture.OwnerOf(lead);
            var othersClock = _fixture.Lead(other).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId);

            var stamp = TestOrganization.Fault(() => _fixture.Org.As(owner).Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.FirstContactOn] = _fixture.Org.UtcNow }));
            var clock = TestOrganization.Fault(() => _fixture.Org.As(owner).Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.AcceptByKpiId] = othersClock }));
            var cleared = TestOrganization.Fault(() => _fixture.Org.As(owner).Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.HandoffOn] = null }));

            Assert.Contains(LeadTable.FirstContactOn, stamp.Message);
            Assert.Contains(LeadTable.AcceptByKpiId, clock.Message);
            Assert.Contains(LeadTable.HandoffOn, cleared.Message);
            Assert.False(_fixture.Lead(lead).Contains(LeadTable.FirstContactOn));
            Assert.NotEqual(othersClock.Id, _fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId).Id);
            Assert.Equal((int)SlaKpiStatus.InProgress, _fixture.Org.Get(SlaKpiInstanceTable.EntityName, othersClock.Id)!.GetAttributeValue<OptionSetValue>(SlaKpiInstanceTable.Status).Value);
        }

        [Fact]
        public void A_computed_value_sent_back_unchanged_is_accepted_and_forges_nothing()
        {
            var lead = WeakLead();
            var stored = _fixture.Lead(lead);

            _fixture.Org.As(Rep).Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.Score] = stored[LeadTable.Score], [LeadTable.ScoredOn] = stored[LeadTable.ScoredOn], ["jobtitle"] = "Senior Analyst" });

            Assert.Equal("Senior Analyst", _fixture.Lead(lead)["jobtitle"]);
            Assert.Equal(stored[LeadTable.Score], _fixture.Lead(lead)[LeadTable.Score]);
        }

        [Fact]
        public void Accepting_another_reps_lead_by_taking_it_over_in_the_same_save_is_refused()
        {
            var lead = _fixture.HandedOffLead();
            var owner = _fixture.OwnerOf(lead);
            var intruder = _fixture.Reps.First(rep => rep != owner);

            var fault = TestOrganization.Fault(() => _fixture.SetStage(intruder, lead, LifecycleFixture.Sal, new Dictionary<string, object?> { ["ownerid"] = new EntityReference(SystemUserTable.EntityName, intruder) }));

            Assert.Contains("Only the lead's owner or a LeadAlign administrator can accept this lead", fault.Message);
            Assert.Equal(owner, _fixture.OwnerOf(lead));
            Assert.Equal(LifecycleFixture.Mql, _fixture.StageOf(lead));
        }

        [Fact]
        public void Setting_the_stage_converted_without_qualifying_is_refused()
        {
            var lead = _fixture.HandedOffLead();
            var owner = _fixture.OwnerOf(lead);
            _fixture.SetStage(owner, lead, LifecycleFixture.Sal);
            _fixture.SetStage(owner, lead, LifecycleFixture.Sql, Bant);

            var fault = TestOrganization.Fault(() => _fixture.SetStage(owner, lead, LifecycleFixture.Converted));

            Assert.Contains("Qualify the lead instead of setting its stage", fault.Message);
            Assert.Equal(LifecycleFixture.Sql, _fixture.StageOf(lead));
            Assert.Equal(0, _fixture.Lead(lead).GetAttributeValue<OptionSetValue>(LeadTable.StateCode).Value);
        }

        [Fact]
        public void A_back_dated_call_counts_as_first_contact_when_it_was_completed_not_when_the_rep_says()
        {
            var lead = _fixture.HandedOffLead();
            var owner = _fixture.OwnerOf(lead);
            var handoff = _fixture.Lead(lead).GetAttributeValue<DateTime>(LeadTable.HandoffOn);
            _fixture.Org.Advance(TimeSpan.FromDays(5));

            var call = _fixture.Org.As(owner).Create(new Entity("phonecall")
            {
                ["subject"] = "Intro call",
                ["directioncode"] = true,
                ["actualend"] = handoff.AddMinutes(30),
                ["regardingobjectid"] = new EntityReference(LeadTable.EntityName, lead),
            });
            _fixture.Org.As(owner).Execute(new SetStateRequest { EntityMoniker = new EntityReference("phonecall", call), State = new OptionSetValue(1), Status = new OptionSetValue(2) });

            var contacted = _fixture.Lead(lead);
            Assert.Equal(_fixture.Org.UtcNow, contacted.GetAttributeValue<DateTime>(LeadTable.FirstContactOn));
            Assert.True(contacted.GetAttributeValue<int>(LeadTable.MinutesToFirstContact) >= (int)TimeSpan.FromDays(5).TotalMinutes);
            var clock = _fixture.Org.Get(SlaKpiInstanceTable.EntityName, contacted.GetAttributeValue<EntityReference>(LeadTable.FirstContactByKpiId).Id)!;
            Assert.Equal((int)SlaKpiStatus.Noncompliant, clock.GetAttributeValue<OptionSetValue>(SlaKpiInstanceTable.Status).Value);
        }

        [Fact]
        public void The_rejection_email_carries_a_leads_name_and_notes_as_text_not_markup()
        {
            var campaignOwner = _fixture.Org.AddUser("Carla Campaigns");
            var campaign = _fixture.Org.As(campaignOwner).Create(new Entity("campaign") { ["name"] = "Spring webinar" });
            var lead = _fixture.Org.As(_fixture.Marketer).Create(new Entity(LeadTable.EntityName)
            {
                ["firstname"] = "<script>alert(1)</script>",
                ["lastname"] = "Novak",
                ["campaignid"] = new EntityReference("campaign", campaign),
            });
            _fixture.SetStage(Rep, lead, LifecycleFixture.Rejected, new Dictionary<string, object?>
            {
                [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.Other),
                [LeadTable.RejectionNotes] = "<b>Reseller</b> & partner",
            });
            _fixture.Org.DrainAsync();

            Assert.Empty(_fixture.Org.FailedAsyncJobs);
            var body = Assert.Single(_fixture.Org.All("email")).GetAttributeValue<string>("description");
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", body);
            Assert.Contains("&lt;b&gt;Reseller&lt;/b&gt; &amp; partner", body);
            Assert.DoesNotContain("<script>", body);
            Assert.DoesNotContain("<b>Reseller", body);
        }

        [Fact]
        public void The_rejection_emails_link_to_the_lead_is_absolute_to_the_organizations_web_application()
        {
            // Read outside the app, a relative link leads nowhere: the address is RetrieveCurrentOrganization's WebApplication
            // endpoint (the in-memory organization's https://leadalign.crm.dynamics.com/) with the record URL of Microsoft Learn's
            // "Open apps, forms, views, dialogs, and reports with a URL", naming LeadAlign's app by its unique name (appname).
            var campaignOwner = _fixture.Org.AddUser("Carla Campaigns");
            var campaign = _fixture.Org.As(campaignOwner).Create(new Entity("campaign") { ["name"] = "Spring webinar" });
            var lead = _fixture.Org.As(_fixture.Marketer).Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Novak", ["campaignid"] = new EntityReference("campaign", campaign) });
            _fixture.SetStage(Rep, lead, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NotAFit) });
            _fixture.Org.DrainAsync();

            var body = Assert.Single(_fixture.Org.All("email")).GetAttributeValue<string>("description");
            Assert.Contains($"<a href=\"https://leadalign.crm.dynamics.com/main.aspx?appname=la_LeadAlignment&amp;pagetype=entityrecord&amp;etn=lead&amp;id={lead:D}\">Open the lead</a>", body);
        }
    }
}
