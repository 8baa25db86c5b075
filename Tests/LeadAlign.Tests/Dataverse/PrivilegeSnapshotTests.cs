using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Dataverse
{
    /// <summary>
    /// The privilege snapshot of the in-memory Dataverse: the platform's privilege names and the depths each allows, for the
    /// standard tables (Metadata/StandardPrivileges.xml) and the solution's custom tables (derived from their Entity.xml).
    /// </summary>
    public sealed class PrivilegeSnapshotTests : IDisposable
    {
        private static readonly MetadataCatalog Catalog = MetadataCatalog.ForSolution(RepositoryLayout.PathInRepo("Solution"));

        private static readonly string[] ActivityPrivileges =
        {
            "prvCreateActivity", "prvReadActivity", "prvWriteActivity", "prvDeleteActivity",
            "prvAppendActivity", "prvAppendToActivity", "prvAssignActivity", "prvShareActivity",
        };

        private readonly string _folder = Directory.CreateTempSubdirectory("leadalign-privileges-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        // Names as a real 2026 managed export writes them: meandtech2001/Apollo-HealthCare-Management-D365-CRM- at
        // 4af90e9294495d736f1f1087e206d1b997e8bfa9, Roles/Apollo Staff.xml (prvReadActivity, prvReadUser, prvReadNote,
        // prvReadSLAKPIInstance, prvAppendToQueue, prvReadTransactionCurrency); prvReadLead and prvReadCampaign from
        // https://learn.microsoft.com/en-us/previous-versions/dynamicscrm-2015/developers-guide/gg334808(v=crm.7) and
        // https://learn.microsoft.com/en-us/previous-versions/dynamicscrm-2013/developers-guide/gg309347(v=crm.6).
        // Depths from delegateas/XrmMockup's SystemAdministrator.xml (CanBeBasic/Local/Deep/Global per table).
        [Theory]
        [InlineData("prvReadActivity", "activitypointer", AccessRight.Read, PrivilegeDepths.All)]
        [InlineData("prvCreateActivity", "activitypointer", AccessRight.Create, PrivilegeDepths.All)]
        [InlineData("prvReadUser", "systemuser", AccessRight.Read, PrivilegeDepths.Local | PrivilegeDepths.Deep | PrivilegeDepths.Global)]
        [InlineData("prvAppendToUser", "systemuser", AccessRight.AppendTo, PrivilegeDepths.Local | PrivilegeDepths.Deep | PrivilegeDepths.Global)]
        [InlineData("prvReadNote", "annotation", AccessRight.Read, PrivilegeDepths.All)]
        [InlineData("prvReadSLAKPIInstance", "slakpiinstance", AccessRight.Read, PrivilegeDepths.All)]
        [InlineData("prvReadLead", "lead", AccessRight.Read, PrivilegeDepths.All)]
        [InlineData("prvAppendToLead", "lead", AccessRight.AppendTo, PrivilegeDepths.All)]
        [InlineData("prvReadCampaign", "campaign", AccessRight.Read, PrivilegeDepths.All)]
        [InlineData("prvAppendToQueue", "queue", AccessRight.AppendTo, PrivilegeDepths.All)]
        [InlineData("prvCreateBusinessUnit", "businessunit", AccessRight.Create, PrivilegeDepths.Deep | PrivilegeDepths.Global)]
        [InlineData("prvReadTransactionCurrency", "transactioncurrency", AccessRight.Read, PrivilegeDepths.Global)]
        [InlineData("prvWriteOpportunity", "opportunity", AccessRight.Write, PrivilegeDepths.All)]
        public void The_snapshot_answers_the_platforms_real_names(string name, string table, AccessRight right, PrivilegeDepths depths)
        {
            var privilege = Catalog.Privilege(name);

            Assert.NotNull(privilege);
            Assert.Equal(table, privilege!.Table);
            Assert.Equal(right, privilege.AccessRight);
            Assert.Equal(depths, privilege.Depths);
        }

        // The names the comparison with a real managed export found in LeadAlign's roles: none exists in Dataverse
        // (https://learn.microsoft.com/en-us/previous-versions/dynamicscrm-2013/developers-guide/gg328384(v=crm.6): every
        // activity table uses the prv…Activity privileges), nor do user and note privileges named after their tables.
        [Theory]
        [InlineData("prvReadEmail")]
        [InlineData("prvCreatePhoneCall")]
        [InlineData("prvWriteTask")]
        [InlineData("prvReadAppointment")]
        [InlineData("prvReadActivityPointer")]
        [InlineData("prvReadla_marketinginteraction")]
        [InlineData("prvReadSystemUser")]
        [InlineData("prvReadAnnotation")]
        [InlineData("prvReadslakpiinstance")]
        [InlineData("prvShareappnotification")]
        [InlineData("prvAssignla_leadstagechange")]
        public void Invented_names_are_refused(string name)
        {
            Assert.Null(Catalog.Privilege(name));
        }

        // https://learn.microsoft.com/en-us/previous-versions/dynamicscrm-2013/developers-guide/gg328384(v=crm.6) (standard
        // activity tables) and https://learn.microsoft.com/en-us/power-apps/developer/data-platform/custom-activities (a custom
        // activity table inherits the privileges of activitypointer; la_marketinginteraction's Entity.xml says IsActivity 1).
        [Theory]
        [InlineData("activitypointer")]
        [InlineData("email")]
        [InlineData("phonecall")]
        [InlineData("task")]
        [InlineData("appointment")]
        [InlineData("opportunityclose")]
        [InlineData(MarketingInteractionTable.EntityName)]
        public void Every_activity_table_uses_the_shared_activity_privileges(string table)
        {
            Assert.Equal(ActivityPrivileges, Catalog.PrivilegesOf(table).Select(privilege => privilege.Name));
            Assert.Contains(table, Catalog.Privilege("prvCreateActivity")!.Tables);
        }

        // https://learn.microsoft.com/en-us/power-apps/developer/data-platform/security-concepts: the access levels of an
        // organization-owned table can only be Global or None; such a table has no owner to assign or share with.
        [Fact]
        public void An_organization_owned_table_has_its_privileges_only_at_Global_and_no_Assign_or_Share()
        {
            var privileges = Catalog.PrivilegesOf(LeadStageChangeTable.EntityName).ToList();

            Assert.Equal(
                new[] { "prvCreatela_leadstagechange", "prvReadla_leadstagechange", "prvWritela_leadstagechange", "prvDeletela_leadstagechange", "prvAppendla_leadstagechange", "prvAppendTola_leadstagechange" },
                privileges.Select(privilege => privilege.Name));
            Assert.All(privileges, privilege => Assert.Equal(PrivilegeDepths.Global, privilege.Depths));
            Assert.False(Catalog.Privilege("prvReadla_leadstagechange")!.Allows(PrivilegeDepths.Local));
        }

        // A user-owned custom table: all eight rights at all four depths, named after the schema name (Apollo's export names
        // custom tables' privileges after the schema name as written: prvReadmsdyn_AIModel).
        [Fact]
        public void A_user_owned_custom_table_has_eight_privileges_at_every_depth()
        {
            var privileges = Catalog.PrivilegesOf(LeadFeedbackTable.EntityName).ToList();

            Assert.Equal(
                new[] { "prvCreatela_leadfeedback", "prvReadla_leadfeedback", "prvWritela_leadfeedback", "prvDeletela_leadfeedback", "prvAppendla_leadfeedback", "prvAppendTola_leadfeedback", "prvAssignla_leadfeedback", "prvSharela_leadfeedback" },
                privileges.Select(privilege => privilege.Name));
            Assert.All(privileges, privilege => Assert.Equal(PrivilegeDepths.All, privilege.Depths));
        }

        // Apollo's export (commit 4af90e9…, Roles/Apollo Staff.xml) writes prvReadmsdyn_AIModel and prvAppendTomsdyn_AIModel:
        // a custom table's privileges carry its schema name as written, capitals included, never the logical name.
        [Fact]
        public void A_custom_tables_privileges_carry_its_schema_name_as_written()
        {
            WriteEntity("la_Sample", "UserOwned");
            WriteEntity("la_Setting", "OrgOwned");

            var catalog = MetadataCatalog.ForSolution(_folder);

            Assert.Equal("la_sample", catalog.Privilege("prvReadla_Sample")?.Table);
            Assert.Null(catalog.Privilege("prvReadla_sample"));
            Assert.NotNull(catalog.Privilege("prvSharela_Sample"));
            Assert.Equal(PrivilegeDepths.Global, catalog.Privilege("prvWritela_Setting")?.Depths);
            Assert.Null(catalog.Privilege("prvSharela_Setting"));
        }

        // https://learn.microsoft.com/en-us/power-apps/developer/data-platform/reference/entities/appnotification: SchemaName
        // appnotification; a lower-case schema name stays lower case in the privilege names, as Apollo's export shows for
        // flowsession and connector (prvReadflowsession, prvReadconnector). XrmMockup's SystemAdministrator.xml lists no
        // ShareAccess for appnotification (an elastic table).
        [Fact]
        public void Notification_privileges_keep_the_lower_case_schema_name_and_have_no_Share()
        {
            Assert.Equal(
                new[] { "prvCreateappnotification", "prvReadappnotification", "prvWriteappnotification", "prvDeleteappnotification", "prvAppendappnotification", "prvAppendToappnotification", "prvAssignappnotification" },
                Catalog.PrivilegesOf("appnotification").Select(privilege => privilege.Name));
            Assert.Null(Catalog.Privilege("prvReadAppNotification"));
        }

        [Fact]
        public void Every_standard_table_is_in_the_privilege_snapshot()
        {
            var tables = XDocument.Load(RepositoryLayout.PathInRepo("Dataverse", "Metadata", "StandardTables.xml")).Root!.Elements("table").Select(table => (string)table.Attribute("name")!);
            var snapshot = XDocument.Load(RepositoryLayout.PathInRepo("Dataverse", "Metadata", "StandardPrivileges.xml")).Root!.Elements("table").Select(table => (string)table.Attribute("name")!).ToList();

            Assert.Empty(tables.Except(snapshot, StringComparer.Ordinal));
            Assert.Empty(snapshot.Except(tables, StringComparer.Ordinal));
        }

        // Intersect tables and activity parties are secured through the rows they join: XrmMockup's SystemAdministrator.xml
        // lists no privileges for teammembership, systemuserroles or activityparty.
        [Theory]
        [InlineData("teammembership")]
        [InlineData("systemuserroles")]
        [InlineData("activityparty")]
        public void Tables_without_privileges_of_their_own_have_none(string table)
        {
            Assert.NotNull(Catalog.Table(table));
            Assert.Empty(Catalog.PrivilegesOf(table));
        }

        private void WriteEntity(string schemaName, string ownership)
        {
            var folder = Directory.CreateDirectory(Path.Combine(_folder, "Entities", schemaName)).FullName;
            new XDocument(
                new XElement("Entity",
                    new XElement("Name", schemaName),
                    new XElement("EntityInfo",
                        new XElement("entity",
                            new XAttribute("Name", schemaName),
                            new XElement("OwnershipTypeMask", ownership),
                            new XElement("IsActivity", "0"),
                            new XElement("attributes")))))
                .Save(Path.Combine(folder, "Entity.xml"));
        }
    }
}
