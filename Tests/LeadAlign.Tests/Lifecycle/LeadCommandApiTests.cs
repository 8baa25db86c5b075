using System;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>
    /// The Custom APIs behind the lead's Accept, Reject and Recycle commands (la_AcceptLead, la_RejectLead, la_RecycleLead), called
    /// by users who hold only the shipped roles in an organization that enforces them: each sets the stage as the caller, so the
    /// lifecycle's rules, stamps and feedback apply as when the rep sets the stage, and each needs Write on the lead (the privilege
    /// the commands' display rule checks), which marketing does not hold.
    /// </summary>
    public sealed class LeadCommandApiTests
    {
        private readonly LifecycleFixture _fixture = ShippedRoles.Organization();

        private InMemoryDataverse Org => _fixture.Org;

        [Fact]
        public void A_rep_rejects_their_lead_with_a_reason_and_marketing_gets_the_feedback()
        {
            var (id, owner) = HandedOffCampaignLead();

            var response = Org.As(owner).Execute(Reject(id, RejectionReason.NoBudget, "Budget frozen until Q3"));
            Org.DrainAsync();

            var lead = _fixture.Lead(id);
            Assert.Equal(LifecycleFixture.Rejected, ((OptionSetValue)response["Stage"]).Value);
            Assert.Equal(LifecycleFixture.Rejected, _fixture.StageOf(id));
            Assert.Equal((int)RejectionReason.NoBudget, lead.GetAttributeValue<OptionSetValue>(LeadTable.RejectionReason).Value);
            Assert.Equal("Budget frozen until Q3", lead[LeadTable.RejectionNotes]);
            Assert.Equal(owner, lead.GetAttributeValue<EntityReference>(LeadTable.RejectedBy).Id);
            Assert.Equal("MQL → Rejected", _fixture.History(id).Last()[LeadStageChangeTable.Name]);
            var feedback = Assert.Single(Org.All(LeadFeedbackTable.EntityName));
            Assert.Equal(id, feedback.GetAttributeValue<EntityReference>(LeadFeedbackTable.LeadId).Id);
            Assert.Equal(owner, feedback.GetAttributeValue<EntityReference>("createdby").Id);
        }

        [Fact]
        public void A_reject_without_a_reason_is_refused_naming_the_reason_and_nothing_changes()
        {
            var (id, owner) = HandedOffCampaignLead();
            var withoutReason = new OrganizationRequest("la_RejectLead") { ["Target"] = new EntityReference(LeadTable.EntityName, id) };

            var missing = TestOrganization.Fault(() => Org.As(owner).Execute(withoutReason));
            var otherWithoutNotes = TestOrganization.Fault(() => Org.As(owner).Execute(Reject(id, RejectionReason.Other, "  ")));
            Org.DrainAsync();

            Assert.Equal("The Custom API 'la_RejectLead' requires the parameter 'Reason' (Picklist).", missing.Message);
            Assert.Equal("The rejection reason is Other: add rejection notes that tell marketing why.", otherWithoutNotes.Message);
            var lead = _fixture.Lead(id);
            Assert.Equal(LifecycleFixture.Mql, _fixture.StageOf(id));
            Assert.False(lead.Contains(LeadTable.RejectionReason));
            Assert.False(lead.Contains(LeadTable.RejectedOn));
            Assert.Empty(Org.All(LeadFeedbackTable.EntityName));
        }

        [Theory]
        [InlineData("la_AcceptLead")]
        [InlineData("la_RejectLead")]
        [InlineData("la_RecycleLead")]
        public void A_marketer_is_refused_the_lead_commands_for_want_of_write_on_leads(string api)
        {
            var (id, _) = HandedOffCampaignLead();
            var request = api == "la_RejectLead" ? Reject(id, RejectionReason.NotAFit, null) : new OrganizationRequest(api) { ["Target"] = new EntityReference(LeadTable.EntityName, id) };

            var fault = TestOrganization.Fault(() => Org.As(_fixture.Marketer).Execute(request));

            Assert.Contains("is missing prvWriteLead privilege", fault.Message);
            Assert.Equal(LifecycleFixture.Mql, _fixture.StageOf(id));
        }

        [Fact]
        public void Another_rep_cannot_accept_through_the_api_and_the_owner_can()
        {
            var (id, owner) = HandedOffCampaignLead();
            var otherRep = _fixture.Reps.First(rep => rep != owner);

            var refused = TestOrganization.Fault(() => Org.As(otherRep).Execute(new OrganizationRequest("la_AcceptLead") { ["Target"] = new EntityReference(LeadTable.EntityName, id) }));
            var accepted = Org.As(owner).Execute(new OrganizationRequest("la_AcceptLead") { ["Target"] = new EntityReference(LeadTable.EntityName, id) });

            Assert.StartsWith("Only the lead's owner or a LeadAlign administrator can accept this lead.", refused.Message);
            Assert.Equal(LifecycleFixture.Sal, ((OptionSetValue)accepted["Stage"]).Value);
            Assert.Equal(LifecycleFixture.Sal, _fixture.StageOf(id));
        }

        [Fact]
        public void A_rep_recycles_an_accepted_lead_to_nurture_and_marketing_owns_it_again()
        {
            var (id, owner) = HandedOffCampaignLead();
            Org.As(owner).Execute(new OrganizationRequest("la_AcceptLead") { ["Target"] = new EntityReference(LeadTable.EntityName, id) });

            var response = Org.As(owner).Execute(new OrganizationRequest("la_RecycleLead") { ["Target"] = new EntityReference(LeadTable.EntityName, id), ["Reason"] = "Evaluating next fiscal year" });

            var lead = _fixture.Lead(id);
            Assert.Equal(LifecycleFixture.Nurture, ((OptionSetValue)response["Stage"]).Value);
            Assert.Equal(LifecycleFixture.Nurture, _fixture.StageOf(id));
            Assert.Equal("Evaluating next fiscal year", lead[LeadTable.RecycleReason]);
            Assert.Equal(_fixture.MarketingTeam, lead.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(Org.UtcNow, lead.GetAttributeValue<DateTime>(LeadTable.NurturedOn));
            Assert.False(lead.Contains(LeadTable.AcceptedOn));
            Assert.Equal("SAL → Nurture", _fixture.History(id).Last()[LeadStageChangeTable.Name]);
        }

        [Fact]
        public void A_rejected_lead_cannot_be_accepted_and_recycles_to_nurture_with_its_feedback_marked_recycled()
        {
            var (id, owner) = HandedOffCampaignLead();
            Org.As(owner).Execute(Reject(id, RejectionReason.Duplicate, null));
            Org.DrainAsync();
            var awaiting = Assert.Single(Org.All(LeadFeedbackTable.EntityName)).GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Status).Value;

            var accept = TestOrganization.Fault(() => Org.As(owner).Execute(new OrganizationRequest("la_AcceptLead") { ["Target"] = new EntityReference(LeadTable.EntityName, id) }));
            Org.As(owner).Execute(new OrganizationRequest("la_RecycleLead") { ["Target"] = new EntityReference(LeadTable.EntityName, id) });

            Assert.Equal("This lead is Rejected: it cannot move to SAL. From Rejected it can move to Nurture.", accept.Message);
            Assert.Equal(LifecycleFixture.Nurture, _fixture.StageOf(id));
            Assert.Equal("Rejected → Nurture", _fixture.History(id).Last()[LeadStageChangeTable.Name]);
            Assert.Equal((int)FeedbackStatus.AwaitingResponse, awaiting);
            Assert.Equal((int)FeedbackStatus.Recycled, Assert.Single(Org.All(LeadFeedbackTable.EntityName)).GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Status).Value);
        }

        [Fact]
        public void A_rejected_lead_set_back_to_nurture_by_hand_has_its_feedback_marked_recycled_like_the_command()
        {
            var (id, owner) = HandedOffCampaignLead();
            Org.As(owner).Execute(Reject(id, RejectionReason.NotReadyYet, null));
            Org.DrainAsync();

            _fixture.SetStage(owner, id, LifecycleFixture.Nurture);

            var feedback = Assert.Single(Org.All(LeadFeedbackTable.EntityName));
            Assert.Equal((int)FeedbackStatus.Recycled, feedback.GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Status).Value);
            Assert.Equal(LifecycleFixture.Nurture, _fixture.StageOf(id));
        }

        private static OrganizationRequest Reject(Guid lead, RejectionReason reason, string? notes)
        {
            var request = new OrganizationRequest("la_RejectLead") { ["Target"] = new EntityReference(LeadTable.EntityName, lead), ["Reason"] = new OptionSetValue((int)reason) };
            if (notes != null)
            {
                request["Notes"] = notes;
            }

            return request;
        }

        /// <summary>Marketing creates a qualified lead of a campaign (whose owner receives feedback); it is handed off to a rep.</summary>
        private (Guid Lead, Guid Owner) HandedOffCampaignLead()
        {
            var campaignOwner = Org.AddUser("Carla Campaigns");
            var campaign = Org.SystemService.Create(new Entity("campaign") { ["name"] = "Spring webinar", ["ownerid"] = new EntityReference("systemuser", campaignOwner) });
            var lead = LifecycleFixture.QualifiedLead();
            lead["campaignid"] = new EntityReference("campaign", campaign);
            var id = Org.As(_fixture.Marketer).Create(lead);
            return (id, _fixture.OwnerOf(id));
        }
    }
}
