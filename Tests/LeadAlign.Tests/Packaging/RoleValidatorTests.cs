using System;
using System.IO;
using System.Linq;
using LeadAlign.Cli.Packaging;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>
    /// leadalign validate checks the security roles against the platform's privileges: a broken copy of the solution reports
    /// an unknown privilege name or an impossible depth as file:line: message; the shipped roles pass.
    /// </summary>
    public sealed class RoleValidatorTests : IDisposable
    {
        private const string SalesRep = "Roles/LeadAlignSalesRep.xml";
        private const string Administrator = "Roles/LeadAlignAdministrator.xml";
        private readonly SolutionCopy _solution = new();

        private string CopyFolder => _solution.Folder;

        public void Dispose() => _solution.Dispose();

        private static string[] Assemblies => SolutionCopy.Assemblies;

        [Fact]
        public void The_shipped_roles_pass()
        {
            var solution = RepositoryLayout.PathInRepo("Solution");

            Assert.Empty(new RoleValidator(solution, MetadataCatalog.ForSolution(solution)).Findings());
        }

        // The name the comparison with a real managed export found (meandtech2001/Apollo-HealthCare-Management-D365-CRM- at
        // 4af90e9294495d736f1f1087e206d1b997e8bfa9, Roles/Apollo Staff.xml, grants prvReadActivity; no role anywhere grants
        // prvReadEmail, which does not exist).
        [Fact]
        public void A_role_naming_prvReadEmail_is_refused_with_file_and_line()
        {
            var line = Break(SalesRep, "name=\"prvReadActivity\"", "name=\"prvReadEmail\"");

            Assert.Contains($"{SalesRep}:{line}: the privilege prvReadEmail does not exist: email's Read privilege is prvReadActivity.", Findings());
        }

        // https://learn.microsoft.com/en-us/power-apps/developer/data-platform/custom-activities: a custom activity table
        // inherits the activitypointer privileges, so la_marketinginteraction has none named after it.
        [Fact]
        public void A_role_naming_a_custom_activity_tables_own_privilege_is_refused()
        {
            var line = Break(SalesRep, "name=\"prvCreateActivity\"", "name=\"prvCreatela_marketinginteraction\"");

            Assert.Contains($"{SalesRep}:{line}: the privilege prvCreatela_marketinginteraction does not exist: la_marketinginteraction's Create privilege is prvCreateActivity.", Findings());
        }

        // https://learn.microsoft.com/en-us/power-apps/developer/data-platform/security-concepts: an organization-owned
        // table's access levels can only be Global or None (la_leadstagechange's Entity.xml: OrgOwned).
        [Fact]
        public void A_role_granting_an_organization_owned_table_at_Local_is_refused()
        {
            var line = Break(SalesRep, "<RolePrivilege name=\"prvReadla_leadstagechange\" level=\"Global\" />", "<RolePrivilege name=\"prvReadla_leadstagechange\" level=\"Local\" />");

            Assert.Contains($"{SalesRep}:{line}: the privilege prvReadla_leadstagechange cannot be granted at Local: la_leadstagechange is organization-owned, so its privileges exist only at Global.", Findings());
        }

        // https://learn.microsoft.com/en-us/previous-versions/dynamicscrm-2013/developers-guide/gg328102(v=crm.6): the user
        // privileges have Local, Deep and Global depths only (a user is owned by a business unit, not by a user).
        [Fact]
        public void A_role_granting_a_user_privilege_at_Basic_is_refused()
        {
            var line = Break(SalesRep, "<RolePrivilege name=\"prvAppendToUser\" level=\"Global\" />", "<RolePrivilege name=\"prvAppendToUser\" level=\"Basic\" />");

            Assert.Contains($"{SalesRep}:{line}: the privilege prvAppendToUser cannot be granted at Basic: it exists only at Local, Deep, Global.", Findings());
        }

        [Fact]
        public void A_role_granting_Assign_on_an_organization_owned_table_is_refused()
        {
            var line = Break(Administrator, "    <RolePrivilege name=\"prvCreatela_agreement\" level=\"Global\" />", "    <RolePrivilege name=\"prvAssignla_agreement\" level=\"Global\" />\n    <RolePrivilege name=\"prvCreatela_agreement\" level=\"Global\" />");

            Assert.Contains($"{Administrator}:{line}: the privilege prvAssignla_agreement does not exist: la_agreement is organization-owned and has no Assign privilege.", Findings());
        }

        // https://learn.microsoft.com/en-us/power-apps/developer/data-platform/reference/entities/appnotification: SchemaName
        // appnotification, so the platform writes prvReadappnotification, not prvReadAppNotification.
        [Fact]
        public void A_privilege_in_the_wrong_case_is_refused_naming_the_platforms_spelling()
        {
            var line = Break(SalesRep, "name=\"prvReadappnotification\"", "name=\"prvReadAppNotification\"");

            Assert.Contains($"{SalesRep}:{line}: the privilege prvReadAppNotification does not exist: the platform writes it prvReadappnotification.", Findings());
        }

        [Fact]
        public void A_privilege_granted_twice_is_refused()
        {
            var line = Break(SalesRep, "    <RolePrivilege name=\"prvWriteLead\" level=\"Basic\" />", "    <RolePrivilege name=\"prvWriteLead\" level=\"Basic\" />\n    <RolePrivilege name=\"prvWriteLead\" level=\"Local\" />") + 1;

            Assert.Contains($"{SalesRep}:{line}: the role grants the privilege prvWriteLead twice.", Findings());
        }

        [Fact]
        public void A_level_that_is_no_depth_is_refused()
        {
            var line = Break(SalesRep, "<RolePrivilege name=\"prvWriteLead\" level=\"Basic\" />", "<RolePrivilege name=\"prvWriteLead\" level=\"User\" />");

            Assert.Contains($"{SalesRep}:{line}: the privilege prvWriteLead has the level 'User', which is not Basic, Local, Deep or Global.", Findings());
        }

        [Fact]
        public void The_validate_command_fails_on_an_impossible_depth()
        {
            Break(SalesRep, "<RolePrivilege name=\"prvReadla_leadstagechange\" level=\"Global\" />", "<RolePrivilege name=\"prvReadla_leadstagechange\" level=\"Local\" />");
            var output = new StringWriter();
            var error = new StringWriter();

            var exit = LeadAlign.Cli.Program.Run(new[] { "validate", "--solution", CopyFolder }, output, error);

            Assert.Equal(5, exit);
            Assert.Contains("the privilege prvReadla_leadstagechange cannot be granted at Local", error.ToString());
            Assert.Contains("1 findings.", output.ToString());
        }

        private string[] Findings() => new SolutionValidator(CopyFolder, Assemblies).Findings().ToArray();

        /// <summary>Replaces the text once and returns the 1-based line where the replacement starts.</summary>
        private int Break(string relativePath, string from, string to)
        {
            var path = Path.Combine(CopyFolder, relativePath);
            var text = File.ReadAllText(path);
            var at = text.IndexOf(from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{relativePath} no longer holds {from}");
            File.WriteAllText(path, text[..at] + to + text[(at + from.Length)..]);
            return text[..at].Count(character => character == '\n') + 1;
        }
    }
}
