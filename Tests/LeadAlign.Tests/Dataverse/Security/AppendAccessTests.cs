using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Security
{
    /// <summary>A lookup written needs Append on the row being written and AppendTo on the row it refers to (the Sales Rep: prvAppendActivity Basic, prvAppendToLead Basic).</summary>
    public sealed class AppendAccessTests
    {
        private const string SalesRep = "LeadAlign Sales Rep";

        [Fact]
        public void A_rep_sets_a_tasks_regarding_to_their_own_lead_but_not_to_a_colleagues()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.North, SalesRep);
            var own = given.LeadOf(rep, "Own");
            var colleagues = given.LeadOf(given.User("Colin Colleague", given.North, SalesRep), "Colleague's");

            var task = given.Org.As(rep).Create(new Entity("task") { ["subject"] = "Call back", ["regardingobjectid"] = new EntityReference("lead", own) });
            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                given.Org.As(rep).Update(new Entity("task", task) { ["regardingobjectid"] = new EntityReference("lead", colleagues) }));

            Assert.Equal(own, given.Org.Get("task", task)!.GetAttributeValue<EntityReference>("regardingobjectid").Id);
            Assert.Contains("AccessRights: AppendToAccess", refused.Detail.Message);
            Assert.Contains("prvAppendToLead at depth Basic; this lead row needs Local.", refused.Detail.Message);
        }

        [Fact]
        public void A_user_without_prvAppendActivity_cannot_set_a_tasks_regarding()
        {
            var given = new SecurityScenario();
            given.Org.AddRole("Task keeper", new System.Collections.Generic.Dictionary<string, LeadAlign.Dataverse.Metadata.PrivilegeDepths>
            {
                ["prvCreateActivity"] = LeadAlign.Dataverse.Metadata.PrivilegeDepths.Basic,
                ["prvAppendToLead"] = LeadAlign.Dataverse.Metadata.PrivilegeDepths.Global,
            });
            var keeper = given.User("Kim Keeper", given.North, "Task keeper");
            var lead = given.LeadOf(keeper, "Own");

            var plain = given.Org.As(keeper).Create(new Entity("task") { ["subject"] = "Plain" });
            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                given.Org.As(keeper).Create(new Entity("task") { ["subject"] = "Linked", ["regardingobjectid"] = new EntityReference("lead", lead) }));

            Assert.NotNull(given.Org.Get("task", plain));
            Assert.Contains("is missing prvAppendActivity privilege", refused.Detail.Message);
        }
    }
}
