using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>
    /// The shipped column security in the shape of a real export: meandtech2001/Apollo-HealthCare-Management-D365-CRM- at
    /// 4af90e9294495d736f1f1087e206d1b997e8bfa9. Its unpacked <c>Other/FieldSecurityProfiles.xml</c> is a FieldSecurityProfiles root
    /// (xmlns:xsi) holding FieldSecurityProfile elements with the attributes name, description and fieldsecurityprofileid (a braced
    /// id), and FieldPermissions/FieldPermission rows whose children are EntityName, AttributeName, CanRead, CanUpdate, CanCreate
    /// and CanReadUnmasked, in that order, the permissions 4 or 0; the secured column says <c>&lt;IsSecured&gt;1&lt;/IsSecured&gt;</c>
    /// right after IsAuditEnabled in its Entity.xml (Entities/apollo_ApolloInvoice/Entity.xml, apollo_apollopaymentmode); and its
    /// managed customizations.xml carries FieldSecurityProfiles between Workflows and Templates
    /// (ApolloHospitalProject_1_0_0_3_managed/customizations.xml).
    /// </summary>
    public sealed class FieldSecurityExportShapeTests
    {
        private static readonly string[] PermissionChildren = { "EntityName", "AttributeName", "CanRead", "CanUpdate", "CanCreate", "CanReadUnmasked" };

        private static XDocument ShippedProfiles() => XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Other", "FieldSecurityProfiles.xml"));

        [Fact]
        public void The_profile_file_has_the_elements_attributes_and_order_of_a_real_export()
        {
            var root = ShippedProfiles().Root!;

            Assert.Equal("FieldSecurityProfiles", root.Name.LocalName);
            Assert.Equal("http://www.w3.org/2001/XMLSchema-instance", (string?)root.Attribute(XNamespace.Xmlns + "xsi"));
            Assert.Equal(3, root.Elements().Count());
            Assert.All(root.Elements(), profile =>
            {
                Assert.Equal("FieldSecurityProfile", profile.Name.LocalName);
                Assert.Equal(new[] { "name", "description", "fieldsecurityprofileid" }, profile.Attributes().Select(attribute => attribute.Name.LocalName));
                Assert.Matches("^\\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\}$", (string)profile.Attribute("fieldsecurityprofileid")!);
                Assert.Equal(new[] { "FieldPermissions" }, profile.Elements().Select(element => element.Name.LocalName));
                var permissions = profile.Element("FieldPermissions")!.Elements().ToList();
                Assert.NotEmpty(permissions);
                Assert.All(permissions, permission =>
                {
                    Assert.Equal("FieldPermission", permission.Name.LocalName);
                    Assert.Equal(PermissionChildren, permission.Elements().Select(element => element.Name.LocalName));
                    Assert.Equal("4", permission.Element("CanRead")!.Value);
                    Assert.Equal("0", permission.Element("CanReadUnmasked")!.Value);
                });
            });
        }

        // The computed lead columns are read-only for everyone; each approvers profile lets its members give their team's decision
        // and comment on a scoring model version (read, update and create), and nothing else.
        [Theory]
        [InlineData("LeadAlign computed lead columns (read only)", "0", null)]
        [InlineData("LeadAlign scoring approvers (marketing)", "4", ScoringModelTable.MarketingDecision + "," + ScoringModelTable.MarketingComment)]
        [InlineData("LeadAlign scoring approvers (sales)", "4", ScoringModelTable.SalesDecision + "," + ScoringModelTable.SalesComment)]
        public void Each_profile_grants_what_its_members_need(string name, string write, string? columns)
        {
            var profile = ShippedProfiles().Root!.Elements("FieldSecurityProfile").Single(candidate => (string?)candidate.Attribute("name") == name);
            var permissions = profile.Descendants("FieldPermission").ToList();

            Assert.All(permissions, permission =>
            {
                Assert.Equal(write, permission.Element("CanUpdate")!.Value);
                Assert.Equal(write, permission.Element("CanCreate")!.Value);
            });
            if (columns != null)
            {
                Assert.Equal(columns.Split(','), permissions.Select(permission => permission.Element("AttributeName")!.Value));
                Assert.All(permissions, permission => Assert.Equal(ScoringModelTable.EntityName, permission.Element("EntityName")!.Value));
            }
        }

        [Fact]
        public void Every_column_the_profile_names_is_secured_right_after_its_audit_setting()
        {
            var permissions = ShippedProfiles().Descendants("FieldPermission").ToList();

            Assert.All(permissions, permission =>
            {
                var table = permission.Element("EntityName")!.Value;
                var column = permission.Element("AttributeName")!.Value;
                var folder = Directory.GetDirectories(RepositoryLayout.PathInRepo("Solution", "Entities")).Single(path => string.Equals(Path.GetFileName(path), table, StringComparison.OrdinalIgnoreCase));
                var attribute = XDocument.Load(Path.Combine(folder, "Entity.xml")).Descendants("attribute").Single(element => (string?)element.Element("LogicalName") == column);
                var secured = attribute.Element("IsSecured");
                Assert.Equal("1", secured?.Value);
                Assert.Equal("IsAuditEnabled", (secured!.PreviousNode as XElement)?.Name.LocalName);
            });
        }

        [Fact]
        public void The_managed_customizations_carry_the_profiles_between_the_workflows_and_the_templates()
        {
            var customizations = PackedSolution.Xml("customizations.xml").Root!;
            var sections = customizations.Elements().Select(element => element.Name.LocalName).ToList();

            Assert.Equal(sections.IndexOf("Workflows") + 1, sections.IndexOf("FieldSecurityProfiles"));
            Assert.Equal(sections.IndexOf("FieldSecurityProfiles") + 1, sections.IndexOf("Templates"));
            Assert.Equal(
                ShippedProfiles().Descendants("FieldPermission").Select(permission => permission.Element("AttributeName")!.Value),
                customizations.Element("FieldSecurityProfiles")!.Descendants("FieldPermission").Select(permission => permission.Element("AttributeName")!.Value));
        }
    }
}
