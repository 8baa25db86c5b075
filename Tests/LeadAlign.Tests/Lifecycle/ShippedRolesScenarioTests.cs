using System.Collections.Generic;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>
    /// The shipped process run by users who hold only the shipped roles (plus a platform base role), in an organization that
    /// enforces security roles, with every LeadAlign step and workflow running: marketing creates the lead, it is handed off,
    /// the rep accepts it and rejects it, and the rejection-feedback workflow, running as the rep, sends the feedback.
    /// </summary>
    public sealed class ShippedRolesScenarioTests
    {
        [Fact]
        public void A_marketer_and_a_rep_with_the_shipped_roles_run_the_process_from_handoff_to_rejection_feedback()
        {
            var fixture = new LifecycleFixture(organization: options => options with { EnforceSecurityRoles = true });
            var org = fixture.Org;
            org.AddRole("Basic User", new Dictionary<string, PrivilegeDepths>
            {
                ["prvReadUser"] = PrivilegeDepths.Global,
                ["prvReadTeam"] = PrivilegeDepths.Global,
                ["prvReadBusinessUnit"] = PrivilegeDepths.Global,
                ["prvReadQueue"] = PrivilegeDepths.Global,
            });
            foreach (var rep in fixture.Reps)
            {
                org.AssignRole(rep, "Basic User");
                org.AssignRole(rep, "LeadAlign Sales Rep");
            }

            org.AssignRole(fixture.Marketer, "Basic User");
            org.AssignRole(fixture.Marketer, "LeadAlign Marketing User");
            var campaignOwner = org.AddUser("Carla Campaigns");
            var campaign = org.SystemService.Create(new Entity("campaign") { ["name"] = "Spring webinar", ["ownerid"] = new EntityReference("systemuser", campaignOwner) });

            var lead = LifecycleFixture.QualifiedLead();
            lead["campaignid"] = new EntityReference("campaign", campaign);
            var id = org.As(fixture.Marketer).Create(lead);
            var owner = fixture.OwnerOf(id);
            fixture.SetStage(owner, id, LifecycleFixture.Sal);
            fixture.SetStage(owner, id, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NoBudget) });
            org.DrainAsync();

            Assert.True(org.FailedAsyncJobs.Count == 0, string.Join("\n", org.FailedAsyncJobs));
            Assert.Equal(LifecycleFixture.Rejected, fixture.StageOf(id));
            var feedback = Assert.Single(org.All(LeadFeedbackTable.EntityName));
            Assert.Equal(owner, feedback.GetAttributeValue<EntityReference>("createdby").Id);
            Assert.Single(org.All("email"));
        }
    }
}
