using System;
using System.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Security;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Security
{
    /// <summary>Where roles come from, and the ways a user comes to hold one.</summary>
    public sealed class RoleAssignmentTests
    {
        [Fact]
        public void The_solutions_roles_are_read_from_its_Roles_folder_with_their_ids_and_depths()
        {
            var roles = SecurityRole.FromSolutionFolder(RepositoryLayout.PathInRepo("Solution")).ToDictionary(role => role.Name);

            Assert.Equal(new[] { "LeadAlign Administrator", "LeadAlign Marketing User", "LeadAlign Sales Manager", "LeadAlign Sales Rep" }, roles.Keys.OrderBy(name => name, StringComparer.Ordinal));
            Assert.Equal(Guid.Parse("5a7e3cdc-4585-5f34-8423-6a3c0309f3a5"), roles["LeadAlign Sales Rep"].Id);
            Assert.Equal(PrivilegeDepths.Local, roles["LeadAlign Sales Rep"].Privileges["prvReadLead"]);
            Assert.Equal(PrivilegeDepths.Global, roles["LeadAlign Administrator"].Privileges["prvCreatela_agreement"]);
        }

        [Fact]
        public void A_role_row_associated_by_hand_through_systemuserroles_counts_by_its_name()
        {
            var given = new SecurityScenario();
            var admin = given.Org.AddUser("Ada Admin", given.South);
            var role = given.Org.SystemService.Create(new Entity("role") { ["name"] = "LeadAlign Administrator", ["businessunitid"] = new EntityReference("businessunit", given.Org.RootBusinessUnitId) });
            given.Org.SystemService.Associate("systemuser", admin, new Relationship("systemuserroles_association"), new EntityReferenceCollection { new EntityReference("role", role) });
            var lead = given.LeadOf(given.User("Rita Rep", given.North), "North's");

            var read = given.Org.As(admin).Retrieve(LeadTable.EntityName, lead, new ColumnSet("lastname"));

            Assert.Equal("North's", read["lastname"]);
        }

        [Fact]
        public void System_Administrator_grants_every_privilege_at_the_deepest_depth_it_allows()
        {
            var metadata = MetadataCatalog.Standard();

            var administrator = SecurityRole.SystemAdministrator(metadata);

            Assert.Equal(metadata.Privileges.Count, administrator.Privileges.Count);
            Assert.Equal(PrivilegeDepths.Global, administrator.Privileges["prvReadLead"]);
        }
    }
}
