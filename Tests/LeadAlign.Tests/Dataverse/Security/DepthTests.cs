using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Security;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Security
{
    /// <summary>Deep reaches the user's unit and the units below it; Global every row; a team's role reaches its members and its rows.</summary>
    public sealed class DepthTests
    {
        [Fact]
        public void Deep_reads_the_units_below_but_not_a_sibling_unit_and_Global_reads_every_unit()
        {
            var given = new SecurityScenario();
            given.Org.AddRole("Regional manager", new Dictionary<string, PrivilegeDepths> { ["prvReadLead"] = PrivilegeDepths.Deep });
            var manager = given.User("Max Manager", given.North, "Regional manager");
            var director = given.User("Dora Director", given.South, SecurityRole.SystemAdministratorName);
            var north = given.LeadOf(given.User("Rita Rep", given.North), "North's");
            var northEast = given.LeadOf(given.User("Ed East", given.NorthEast), "North-East's");
            var south = given.LeadOf(given.User("Sam South", given.South), "South's");

            var managerSees = given.Org.As(manager).RetrieveMultiple(new QueryExpression(LeadTable.EntityName)).Entities.Select(row => row.Id);
            var directorSees = given.Org.As(director).RetrieveMultiple(new QueryExpression(LeadTable.EntityName)).Entities.Select(row => row.Id);
            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() => given.Org.As(manager).Retrieve(LeadTable.EntityName, south, new ColumnSet(true)));

            Assert.Equal(new[] { north, northEast }.OrderBy(id => id), managerSees.OrderBy(id => id));
            Assert.Equal(new[] { north, northEast, south }.OrderBy(id => id), directorSees.OrderBy(id => id));
            Assert.Contains("prvReadLead at depth Deep; this lead row needs Global.", refused.Detail.Message);
        }

        [Fact]
        public void A_teams_role_is_its_members_and_Basic_reaches_the_rows_the_team_owns()
        {
            var given = new SecurityScenario();
            var member = given.User("Tom Member", given.North);
            var outsider = given.User("Olga Outsider", given.North);
            var team = given.Org.SystemService.Create(new Entity("team") { ["name"] = "Inside sales", ["businessunitid"] = new EntityReference("businessunit", given.North) });
            given.Org.SystemService.Execute(new Microsoft.Crm.Sdk.Messages.AddMembersTeamRequest { TeamId = team, MemberIds = new[] { member } });
            given.Org.AddRole("Own leads", new Dictionary<string, PrivilegeDepths> { ["prvReadLead"] = PrivilegeDepths.Basic, ["prvWriteLead"] = PrivilegeDepths.Basic });
            given.Org.AssignTeamRole(team, "Own leads");
            given.Org.AssignRole(outsider, "Own leads");
            var lead = given.Org.NewId();
            given.Org.Seed(new Entity(LeadTable.EntityName, lead) { ["lastname"] = "Novak", ["ownerid"] = new EntityReference("team", team) });

            given.Org.As(member).Update(new Entity(LeadTable.EntityName, lead) { ["lastname"] = "Team's" });
            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() => given.Org.As(outsider).Retrieve(LeadTable.EntityName, lead, new ColumnSet(true)));

            Assert.Equal("Team's", given.Org.Get(LeadTable.EntityName, lead)!["lastname"]);
            Assert.Contains("OwnerIdType: 9", refused.Detail.Message);
            Assert.Contains("this lead row needs Local.", refused.Detail.Message);
        }
    }
}
