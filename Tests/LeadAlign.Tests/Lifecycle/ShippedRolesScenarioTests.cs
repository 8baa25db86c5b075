using System;
using System.Collections.Generic;
using System.ServiceModel;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>
    /// The shipped process run by users who hold only the shipped roles (plus a platform base role), in an organization that
    /// enforces security roles and column security, with every LeadAlign step and workflow running: marketing creates the lead,
    /// it is handed off, the rep accepts it and rejects it, and the rejection-feedback workflow, running as the rep, sends the
    /// feedback. LeadAlign's computed lead columns are secured; the shipped profile lets its members read them, and nobody write them.
    /// </summary>
    public sealed class ShippedRolesScenarioTests
    {
        private const string ComputedColumns = "LeadAlign computed lead columns (read only)";

        [Fact]
        public void A_marketer_and_a_rep_with_the_shipped_roles_run_the_process_from_handoff_to_rejection_feedback()
        {
            var given = new Process();

            var (id, owner) = given.RunToRejection();

            Assert.True(given.Org.FailedAsyncJobs.Count == 0, string.Join("\n", given.Org.FailedAsyncJobs));
            Assert.Equal(LifecycleFixture.Rejected, given.Fixture.StageOf(id));
            var feedback = Assert.Single(given.Org.All(LeadFeedbackTable.EntityName));
            Assert.Equal(owner, feedback.GetAttributeValue<EntityReference>("createdby").Id);
            Assert.Single(given.Org.All("email"));
        }

        [Fact]
        public void Outside_the_column_security_profile_the_users_see_no_score_and_LeadAlign_still_scores_stamps_and_sends_feedback_once()
        {
            var given = new Process();

            var (id, owner) = given.RunToRejection();
            given.Org.As(owner).Update(new Entity(LeadTable.EntityName, id) { [LeadTable.RejectionNotes] = "Budget frozen until Q3" });
            given.Org.DrainAsync();

            var stored = given.Org.Get(LeadTable.EntityName, id)!;
            Assert.NotNull(stored[LeadTable.Score]);
            Assert.NotNull(stored[LeadTable.RejectedOn]);
            Assert.Equal(owner, stored.GetAttributeValue<EntityReference>(LeadTable.RejectedBy).Id);
            var feedback = Assert.Single(given.Org.All(LeadFeedbackTable.EntityName));
            Assert.Equal(stored[LeadTable.Score], feedback[LeadFeedbackTable.ScoreAtRejection]);
            Assert.False(given.Org.As(owner).Retrieve(LeadTable.EntityName, id, new ColumnSet(LeadTable.Score, LeadTable.RejectedOn)).Contains(LeadTable.Score));
            Assert.False(given.Org.As(given.Fixture.Marketer).Retrieve(LeadTable.EntityName, id, new ColumnSet(LeadTable.Score)).Contains(LeadTable.Score));
        }

        [Fact]
        public void In_the_profile_sales_and_marketing_read_the_score_and_the_rep_cannot_change_it()
        {
            var given = new Process();
            foreach (var user in given.Fixture.Reps)
            {
                given.Org.AddFieldSecurityProfileMember(ComputedColumns, user);
            }

            given.Org.AddFieldSecurityProfileMember(ComputedColumns, given.Fixture.Marketer);
            var (id, owner) = given.RunToRejection();
            var score = given.Org.Get(LeadTable.EntityName, id)![LeadTable.Score];

            var asRep = given.Org.As(owner).Retrieve(LeadTable.EntityName, id, new ColumnSet(LeadTable.Score, LeadTable.ScoreReasons));
            var asMarketer = given.Org.As(given.Fixture.Marketer).Retrieve(LeadTable.EntityName, id, new ColumnSet(LeadTable.Score));
            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() => given.Org.As(owner).Update(new Entity(LeadTable.EntityName, id) { [LeadTable.Score] = 99999 }));

            Assert.Equal(score, asRep[LeadTable.Score]);
            Assert.Equal(score, asMarketer[LeadTable.Score]);
            Assert.Equal(-2147158777, refused.Detail.ErrorCode);
            Assert.Equal(score, given.Org.Get(LeadTable.EntityName, id)![LeadTable.Score]);
        }

        /// <summary>The lifecycle organization with security enforced, its users holding the shipped roles.</summary>
        private sealed class Process
        {
            public Process()
            {
                Fixture = ShippedRoles.Organization();
            }

            public LifecycleFixture Fixture { get; }

            public LeadAlign.Dataverse.InMemoryDataverse Org => Fixture.Org;

            /// <summary>Marketing creates a qualified lead of a campaign; its owner accepts it and rejects it for no budget.</summary>
            public (Guid Lead, Guid Owner) RunToRejection()
            {
                var campaignOwner = Org.AddUser("Carla Campaigns");
                var campaign = Org.SystemService.Create(new Entity("campaign") { ["name"] = "Spring webinar", ["ownerid"] = new EntityReference("systemuser", campaignOwner) });
                var lead = LifecycleFixture.QualifiedLead();
                lead["campaignid"] = new EntityReference("campaign", campaign);
                var id = Org.As(Fixture.Marketer).Create(lead);
                var owner = Fixture.OwnerOf(id);
                Fixture.SetStage(owner, id, LifecycleFixture.Sal);
                Fixture.SetStage(owner, id, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NoBudget) });
                Org.DrainAsync();
                return (id, owner);
            }
        }
    }
}
