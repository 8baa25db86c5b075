using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Cli.Packaging;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>The zips an admin imports: their layout, a customizations.xml the solution schema accepts, the same bytes every time, no SDK inside.</summary>
    public sealed class SolutionPackerTests : IDisposable
    {
        private readonly string _output = Directory.CreateTempSubdirectory("leadalign-pack-").FullName;

        public void Dispose() => Directory.Delete(_output, recursive: true);

        private static string[] Assemblies => new[] { RepositoryLayout.Net462Output("LeadAlign.Plugins"), RepositoryLayout.Net462Output("LeadAlign.WorkflowActivities") };

        private static SolutionPacker Packer(string? solution = null) => new(solution ?? RepositoryLayout.PathInRepo("Solution"), RepositoryLayout.PathInRepo("build", "schemas"));

        [Fact]
        public void The_managed_zip_holds_the_platform_layout_with_the_version_set_once()
        {
            var zip = Packer().Pack(managed: true, Assemblies, _output);

            using var archive = ZipFile.OpenRead(zip);
            var names = archive.Entries.Select(entry => entry.FullName).ToList();
            Assert.Equal("LeadAlign_1_0_0_0_managed.zip", Path.GetFileName(zip));
            Assert.Contains("[Content_Types].xml", names);
            Assert.Contains("solution.xml", names);
            Assert.Contains("customizations.xml", names);
            Assert.Contains(names, name => name.StartsWith("PluginAssemblies/LeadAlignPlugins-", StringComparison.Ordinal) && name.EndsWith("/LeadAlignPlugins.dll", StringComparison.Ordinal));
            Assert.Contains(names, name => name.StartsWith("PluginAssemblies/LeadAlignWorkflowActivities-", StringComparison.Ordinal));
            Assert.Contains(names, name => name.StartsWith("Workflows/LeadAlignSLAclock-", StringComparison.Ordinal));
            Assert.Contains("customapis/la_AcceptLead/customapi.xml", names);
            Assert.DoesNotContain(names, name => name.Contains("Microsoft.Xrm.Sdk", StringComparison.Ordinal) || name.Contains("System.Activities", StringComparison.Ordinal));
            var manifest = XDocument.Load(archive.GetEntry("solution.xml")!.Open());
            Assert.Equal("1", manifest.Descendants("Managed").Single().Value);
            Assert.Equal("1.0.0.0", manifest.Descendants("Version").Single().Value);
        }

        [Fact]
        public void The_customizations_validate_against_the_solution_schema_and_register_every_step_and_plugin_type()
        {
            var packer = Packer();
            using var archive = ZipFile.OpenRead(packer.Pack(managed: false, Assemblies, _output));
            var customizations = XDocument.Load(archive.GetEntry("customizations.xml")!.Open());

            Assert.Empty(packer.ValidationErrors(customizations));
            Assert.Equal(Directory.GetFiles(RepositoryLayout.PathInRepo("Solution", "SdkMessageProcessingSteps")).Length, customizations.Descendants("SdkMessageProcessingStep").Count());
            var pluginTypes = customizations.Descendants("PluginType").Select(type => (string)type.Attribute("Name")!).ToList();
            Assert.Contains("LeadAlign.Plugins.Scoring.ScoreLeadPlugin", pluginTypes);
            Assert.Contains("LeadAlign.WorkflowActivities.Sla.EvaluateLeadSla", pluginTypes);
            Assert.DoesNotContain("LeadAlign.Plugins.PluginBase", pluginTypes);
            Assert.Equal("0", XDocument.Load(archive.GetEntry("solution.xml")!.Open()).Descendants("Managed").Single().Value);
        }

        [Fact]
        public void Packing_twice_gives_the_same_bytes()
        {
            var first = Packer().Pack(managed: true, Assemblies, Path.Combine(_output, "first"));
            var second = Packer().Pack(managed: true, Assemblies, Path.Combine(_output, "second"));

            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        }

        [Fact]
        public void An_sdk_stand_in_is_never_packed()
        {
            var standIn = typeof(Microsoft.Xrm.Sdk.Entity).Assembly.Location;

            var refused = Assert.Throws<InvalidDataException>(() => Packer().Pack(managed: true, Assemblies.Append(standIn).ToList(), _output));

            Assert.Contains("Microsoft.Xrm.Sdk", refused.Message);
            Assert.Contains("build-time references only", refused.Message);
            Assert.Empty(Directory.GetFiles(_output));
        }

        [Fact]
        public void A_customization_the_schema_rejects_stops_the_pack_naming_the_line()
        {
            var broken = Path.Combine(_output, "solution");
            foreach (var file in Directory.EnumerateFiles(RepositoryLayout.PathInRepo("Solution"), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(broken, Path.GetRelativePath(RepositoryLayout.PathInRepo("Solution"), file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var entity = Path.Combine(broken, "Entities", AgreementTable.EntityName, "Entity.xml");
            File.WriteAllText(entity, File.ReadAllText(entity).Replace("<IsAuditEnabled>1</IsAuditEnabled>", "<IsAuditEnabled>maybe</IsAuditEnabled>", StringComparison.Ordinal));

            var refused = Assert.Throws<InvalidDataException>(() => Packer(broken).Pack(managed: true, Assemblies, Path.Combine(_output, "zips")));

            Assert.Contains("does not validate against CustomizationsSolution.xsd", refused.Message);
            Assert.Contains("customizations.xml line ", refused.Message);
            Assert.Contains("maybe", refused.Message);
        }
    
        [Fact]
        public void The_four_roles_ship_with_least_privilege()
        {
            var packer = Packer();
            using var archive = ZipFile.OpenRead(packer.Pack(managed: true, Assemblies, _output));
            var roles = XDocument.Load(archive.GetEntry("customizations.xml")!.Open()).Root!.Element("Roles")!.Elements("Role")
                .ToDictionary(role => (string)role.Attribute("name")!, role => role.Descendants("RolePrivilege").ToDictionary(privilege => (string)privilege.Attribute("name")!, privilege => (string)privilege.Attribute("level")!));

            Assert.Equal(new[] { "LeadAlign Administrator", "LeadAlign Marketing User", "LeadAlign Sales Manager", "LeadAlign Sales Rep" }, roles.Keys.OrderBy(name => name, StringComparer.Ordinal));
            var rep = roles["LeadAlign Sales Rep"];
            Assert.Equal("Basic", rep["prvWriteLead"]);
            Assert.Equal("Global", rep["prvReadla_scoringrule"]);
            Assert.False(rep.ContainsKey("prvWritela_scoringrule"));
            Assert.False(rep.ContainsKey("prvWritela_scoringmodel"));
            var marketing = roles["LeadAlign Marketing User"];
            Assert.Equal("Global", marketing["prvWritela_scoringrule"]);
            Assert.Equal("Global", marketing["prvWritela_leadfeedback"]);
            Assert.False(marketing.ContainsKey("prvWriteLead"));
            Assert.Equal("Global", roles["LeadAlign Administrator"]["prvWritela_agreement"]);

            // The sales manager: what a rep holds, the business unit's clocks (reading them, and linking a lead to one when deciding
            // on a rep's lead), assigning the business unit's leads (a rep assigns their own: nurturing hands a lead to marketing),
            // Write on feedback (the report's privilege), and Write on scoring models, so that a sales approver can save sales'
            // decision on a scoring model version (Append, because LeadAlign links the version it replaces as it goes live; the decision columns themselves are granted by the sales approvers profile).
            var manager = roles["LeadAlign Sales Manager"];
            Assert.All(rep.Keys.Where(name => name != "prvReadSLAKPIInstance" && name != "prvAppendToSLAKPIInstance" && name != "prvAssignLead"), name => Assert.Equal(rep[name], manager[name]));
            Assert.Equal("Basic", rep["prvAssignLead"]);
            Assert.Equal("Local", manager["prvAssignLead"]);
            Assert.Equal("Global", rep["prvAppendTola_scoringmodel"]);
            Assert.Equal("Local", manager["prvReadSLAKPIInstance"]);
            Assert.Equal("Local", manager["prvAppendToSLAKPIInstance"]);
            Assert.Equal("Basic", rep["prvAppendToSLAKPIInstance"]);
            Assert.Equal("Local", manager["prvWritela_leadfeedback"]);
            Assert.Equal("Global", manager["prvWritela_scoringmodel"]);
            Assert.False(manager.ContainsKey("prvWritela_scoringrule"));
            Assert.False(manager.ContainsKey("prvCreatela_scoringmodel"));
            Assert.Equal("Global", manager["prvAppendla_scoringmodel"]);
            Assert.Equal(rep.Count + 3, manager.Count);
            Assert.False(rep.ContainsKey("prvWritela_leadfeedback"));
        }
    
        [Fact]
        public void The_lead_alignment_app_its_site_map_and_the_alignment_dashboard_are_packed()
        {
            using var archive = ZipFile.OpenRead(Packer().Pack(managed: true, Assemblies, _output));
            var customizations = XDocument.Load(archive.GetEntry("customizations.xml")!.Open());

            var app = customizations.Descendants("AppModule").Single();
            Assert.Equal("la_LeadAlignment", app.Element("UniqueName")!.Value);
            Assert.Equal("Lead Alignment", app.Descendants("LocalizedName").First().Attribute("description")!.Value);
            Assert.Equal(4, app.Descendants("AppModuleRoleMaps").Elements("Role").Count());
            var subAreas = customizations.Descendants("AppModuleSiteMap").Descendants("SubArea").Select(subArea => (string?)subArea.Attribute("Entity")).Where(entity => entity != null).ToList();
            Assert.Contains("lead", subAreas);
            Assert.Contains(LeadFeedbackTable.EntityName, subAreas);
            var dashboard = customizations.Descendants("Dashboard").Single();
            Assert.Equal("Sales & Marketing Alignment", dashboard.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value);
            Assert.Contains("{1ead5c0e-d100-4000-8000-000000000001}", dashboard.Descendants("VisualizationId").Select(id => id.Value));
        }
    
        [Fact]
        public void The_default_model_and_agreement_are_packed_as_configuration_migration_data()
        {
            var zip = Packer().PackData(_output);

            using var archive = ZipFile.OpenRead(zip);
            Assert.Equal(new[] { "[Content_Types].xml", "data.xml", "data_schema.xml" }, archive.Entries.Select(entry => entry.FullName).OrderBy(name => name, StringComparer.Ordinal));
            var data = XDocument.Load(archive.GetEntry("data.xml")!.Open());
            Assert.Equal(new[] { AgreementTable.EntityName, ScoringModelTable.EntityName, ScoringRuleTable.EntityName }, data.Root!.Elements("entity").Select(entity => (string)entity.Attribute("name")!).OrderBy(name => name, StringComparer.Ordinal));
            Assert.Equal(20, data.Descendants("entity").Single(entity => (string)entity.Attribute("name")! == ScoringRuleTable.EntityName).Descendants("record").Count());
            var schema = XDocument.Load(archive.GetEntry("data_schema.xml")!.Open());
            Assert.Equal("optionsetvalue", schema.Descendants("field").First(field => (string)field.Attribute("name")! == ScoringRuleTable.Category).Attribute("type")!.Value);
            Assert.Equal(File.ReadAllBytes(zip), File.ReadAllBytes(Packer().PackData(Path.Combine(_output, "again"))));
        }
    }
}
