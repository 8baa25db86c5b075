using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Cli.Packaging;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>
    /// The packed managed solution has every component in the shape a real Dataverse export gives it: the root components with
    /// their types and behaviours, Yes/No columns with their two options, the system columns of the tables it creates, and
    /// Custom API files as exports write them. Each validator rule is also shown to catch a broken copy of the solution.
    /// References: a real 2026 managed export, meandtech2001/Apollo-HealthCare-Management-D365-CRM- at commit
    /// 4af90e9294495d736f1f1087e206d1b997e8bfa9 (ApolloHospitalProject_1_0_0_3_managed/solution.xml, Other/Solution.xml,
    /// Entities/*/Entity.xml), and Microsoft's managed Custom API exports in microsoft/PowerApps-Samples at commit
    /// 3297c082f229b0fd37220b5cb1d8d662aecc0d92 (dataverse/orgsvc/CSharp/IsSystemAdminCustomAPI/IsSystemAdminFunction_1_0_0_0_managed.zip,
    /// dataverse/orgsvc/CSharp/ExportDataUsingFetchXmlToAnnotation/ExportDataUsingFetchXmlToAnnotation_1_0_0_0_managed.zip).
    /// </summary>
    public sealed class ExportShapeTests : IDisposable
    {
        private readonly string _work = Directory.CreateTempSubdirectory("leadalign-shape-").FullName;
        private SolutionCopy? _copy;

        public void Dispose()
        {
            _copy?.Dispose();
            Directory.Delete(_work, recursive: true);
        }

        private static string[] Assemblies => SolutionCopy.Assemblies;

        private static string Shipped(params string[] parts) => RepositoryLayout.PathInRepo(new[] { "Solution" }.Concat(parts).ToArray());

        private static XDocument Packed(string entry) => PackedSolution.Xml(entry);

        /// <summary>A copy of the solution folder to break; its path.</summary>
        private string Copy()
        {
            _copy = new SolutionCopy();
            return _copy.Folder;
        }

        private static IReadOnlyList<string> Findings(string solution) => new SolutionValidator(solution, Assemblies).Findings();

        private static string Id(string text) => "{" + Guid.Parse(text).ToString("D") + "}";

        [Fact]
        public void The_managed_zip_lists_every_root_component_with_the_type_and_behaviour_a_real_export_gives_it()
        {
            // Shape: ApolloHospitalProject_1_0_0_3_managed/solution.xml (commit 4af90e9): tables the solution creates behavior 0,
            // standard tables it only extends behavior 2 (systemuser, appointment, contact there), option sets 9, roles 20,
            // workflows 29, dashboards 60, web resources 61 (by name, as apollo_highlight in commit ad50cef), site map 62, field security profile 70 (by id, its "Invoice Cols Restrictions"), app module
            // 80, assembly 91 (id and full name), steps 92, ordered by type;
            // table forms, views and charts are not root components. The Custom API exports of PowerApps-Samples (commit 3297c08)
            // list only their assembly.
            var listed = Packed("solution.xml").Descendants("RootComponent")
                .Select(element => (Type: (int)element.Attribute("type")!, Key: (string?)element.Attribute("id") ?? (string)element.Attribute("schemaName")!, Behavior: (int)element.Attribute("behavior")!, Name: (string?)element.Attribute("schemaName")))
                .ToList();

            var tables = Directory.GetDirectories(Shipped("Entities")).Select(folder => Path.GetFileName(folder).ToLowerInvariant()).ToList();
            Assert.Equal(tables.OrderBy(name => name, StringComparer.Ordinal), listed.Where(entry => entry.Type == 1).Select(entry => entry.Key).OrderBy(name => name, StringComparer.Ordinal));
            // Lead carries a table setting (IsSLAEnabled), so it is listed with its table properties (behavior 1), as the
            // reference lists account; the other standard tables carry only columns (behavior 2).
            Assert.All(listed.Where(entry => entry.Type == 1), entry => Assert.Equal(entry.Key.StartsWith("la_", StringComparison.Ordinal) ? 0 : entry.Key == "lead" ? 1 : 2, entry.Behavior));
            Assert.Contains(listed, entry => entry is { Type: 1, Key: "systemuser", Behavior: 2 });
            Assert.Contains(listed, entry => entry is { Type: 1, Key: "lead", Behavior: 1 });
            Assert.Contains(listed, entry => entry is { Type: 1, Key: AgreementTable.EntityName, Behavior: 0 });
            Assert.Equal(Directory.GetFiles(Shipped("OptionSets")).Select(Path.GetFileNameWithoutExtension).OrderBy(name => name, StringComparer.Ordinal), Keys(listed, 9));
            Assert.Equal(Directory.GetFiles(Shipped("Roles")).Select(file => Id((string)XDocument.Load(file).Root!.Attribute("id")!)).OrderBy(id => id, StringComparer.Ordinal), Keys(listed, 20));
            Assert.Equal(Directory.GetFiles(Shipped("Workflows"), "*.data.xml").Select(file => Id((string)XDocument.Load(file).Root!.Attribute("WorkflowId")!)).OrderBy(id => id, StringComparer.Ordinal), Keys(listed, 29));
            Assert.Equal(new[] { "{1254527e-4273-5d9d-bcb0-a4d1e832c9ac}" }, Keys(listed, 60));
            Assert.Equal(Directory.GetFiles(Shipped("WebResources"), "*.data.xml").Select(file => Path.GetFileName(file)[..^".data.xml".Length]).OrderBy(name => name, StringComparer.Ordinal), Keys(listed, 61));
            Assert.Equal(new[] { "la_LeadAlignment" }, Keys(listed, 62));
            Assert.Equal(new[] { "la_LeadAlignment" }, Keys(listed, 80));
            Assert.Equal(XDocument.Load(Shipped("Other", "FieldSecurityProfiles.xml")).Root!.Elements("FieldSecurityProfile").Select(profile => Id((string)profile.Attribute("fieldsecurityprofileid")!)).OrderBy(id => id, StringComparer.Ordinal), Keys(listed, 70));
            Assert.Equal(
                new[] { "LeadAlign.Plugins, Version=1.0.0.0, Culture=neutral, PublicKeyToken=8d4dc8547008946c", "LeadAlign.WorkflowActivities, Version=1.0.0.0, Culture=neutral, PublicKeyToken=8d4dc8547008946c" },
                listed.Where(entry => entry.Type == 91).Select(entry => entry.Name).OrderBy(name => name, StringComparer.Ordinal));
            Assert.Equal(Directory.GetFiles(Shipped("SdkMessageProcessingSteps")).Select(file => Path.GetFileNameWithoutExtension(file)).OrderBy(id => id, StringComparer.Ordinal), Keys(listed, 92));
            Assert.Equal(new[] { 1, 9, 20, 29, 60, 61, 62, 70, 80, 91, 92 }, listed.Select(entry => entry.Type).Distinct());
            Assert.All(listed.Where(entry => entry.Type != 1), entry => Assert.Equal(0, entry.Behavior));
            Assert.Equal(listed.Select(entry => entry.Type), listed.Select(entry => entry.Type).OrderBy(type => type));

            // The unpacked Other/Solution.xml lists the same components, in the order pac solution unpack leaves (type as text: 1, 20, ..., 9, 91, 92).
            var unpacked = XDocument.Load(Shipped("Other", "Solution.xml")).Descendants("RootComponent").Select(element => ((string)element.Attribute("type")!, (string?)element.Attribute("id") ?? (string)element.Attribute("schemaName")!, (string)element.Attribute("behavior")!)).ToList();
            Assert.Equal(listed.Select(entry => (entry.Type.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Key, entry.Behavior.ToString(System.Globalization.CultureInfo.InvariantCulture))).OrderBy(entry => entry), unpacked.OrderBy(entry => entry));
            Assert.Equal(unpacked.Select(entry => entry.Item1), unpacked.Select(entry => entry.Item1).OrderBy(type => type, StringComparer.Ordinal));
        }

        private static IEnumerable<string> Keys(IEnumerable<(int Type, string Key, int Behavior, string? Name)> listed, int type) =>
            listed.Where(entry => entry.Type == type).Select(entry => entry.Key).OrderBy(key => key, StringComparer.Ordinal);

        [Fact]
        public void A_component_missing_from_RootComponents_one_that_does_not_exist_or_a_wrong_behaviour_is_a_finding()
        {
            var solution = Copy();
            var manifest = Path.Combine("Other", "Solution.xml");
            _copy!.Break(manifest, "      <RootComponent type=\"20\" id=\"{5a7e3cdc-4585-5f34-8423-6a3c0309f3a5}\" behavior=\"0\" />\n", string.Empty);
            _copy!.Break(manifest, "<RootComponent type=\"1\" schemaName=\"systemuser\" behavior=\"2\" />", "<RootComponent type=\"1\" schemaName=\"systemuser\" behavior=\"0\" />");
            _copy!.Break(manifest, "<RootComponent type=\"9\" schemaName=\"la_scoreband\" behavior=\"0\" />", "<RootComponent type=\"9\" schemaName=\"la_scoreband\" behavior=\"0\" /><RootComponent type=\"9\" schemaName=\"la_scorebands\" behavior=\"0\" />");

            var findings = Findings(solution);

            Assert.Contains(findings, finding => finding.StartsWith("Other/Solution.xml:", StringComparison.Ordinal) && finding.Contains("the role LeadAlign Sales Rep (type 20, {5a7e3cdc-4585-5f34-8423-6a3c0309f3a5}) is missing from RootComponents", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.Contains("the table systemuser is listed with behavior 0; a real export lists it with behavior 2", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.Contains("RootComponents lists type 9 la_scorebands, which no file of the solution holds", StringComparison.Ordinal));
            Assert.All(findings, finding => Assert.Matches(@"^Other/Solution\.xml:\d+: ", finding));
            Assert.Equal(3, findings.Count);
        }

        [Fact]
        public void The_components_command_writes_the_root_components_the_folders_hold_and_checks_them()
        {
            var solution = Copy();
            var manifest = Path.Combine(solution, "Other", "Solution.xml");
            var shipped = File.ReadAllText(manifest);
            File.WriteAllText(manifest, System.Text.RegularExpressions.Regex.Replace(shipped, "<RootComponents>.*</RootComponents>", "<RootComponents />", System.Text.RegularExpressions.RegexOptions.Singleline));
            var output = new StringWriter();
            var error = new StringWriter();

            var drifted = LeadAlign.Cli.Program.Run(new[] { "components", "--check", "--solution", solution }, output, error);
            var written = LeadAlign.Cli.Program.Run(new[] { "components", "--solution", solution }, output, error);
            var error2 = new StringWriter();
            var checkedAgain = LeadAlign.Cli.Program.Run(new[] { "components", "--check", "--solution", solution }, output, error2);

            Assert.Equal(5, drifted);
            Assert.Contains("is missing from RootComponents", error.ToString());
            Assert.Equal(0, written);
            Assert.Equal(0, checkedAgain);
            Assert.Equal(string.Empty, error2.ToString());
            Assert.Equal(shipped, File.ReadAllText(manifest));
        }

        [Fact]
        public void Every_yes_no_column_carries_its_two_options_as_a_real_export_writes_them()
        {
            // Shape: Entities/SystemUser/Entity.xml, apollo_availableforhomevisit (commit 4af90e9): a local <optionset> named
            // prefix_table_column, OptionSetType bit, option 1 "Yes" then option 0 "No", each with its label.
            var bits = Packed("customizations.xml").Descendants("attribute").Where(attribute => (string?)attribute.Element("Type") == "bit").ToList();

            Assert.Equal(
                new[]
                {
                    MarketingInteractionTable.BrokePause, LeadTable.CleanHandoff, AgreementTable.EmailHandoff, LeadTable.HasRequiredData, LeadTable.HasValidEmailDomain,
                    ScoringRuleTable.HighIntent, LeadTable.HotLane, AgreementTable.IsActive, LeadAlertTable.IsActive, ScoringModelTable.IsActive, ScoringRuleTable.IsActive,
                    LeadTable.IsDuplicate, SystemUserTable.IsUnavailable, LeadTable.NurturePaused, ScoringModelTable.NurtureResetsEngagement,
                },
                bits.Select(attribute => (string)attribute.Element("LogicalName")!).OrderBy(name => name, StringComparer.Ordinal));
            Assert.All(bits, attribute =>
            {
                var optionSet = attribute.Element("optionset");
                Assert.NotNull(optionSet);
                Assert.Equal("bit", (string?)optionSet!.Element("OptionSetType"));
                var table = (string)attribute.Ancestors("entity").First().Attribute("Name")!;
                Assert.Equal("la_" + table.ToLowerInvariant().Replace("la_", string.Empty, StringComparison.Ordinal) + "_" + (string)attribute.Element("LogicalName")!, (string?)optionSet.Attribute("Name"));
                var options = optionSet.Element("options")!.Elements("option").Select(option => ((string)option.Attribute("value")!, (string)option.Element("labels")!.Element("label")!.Attribute("description")!)).ToList();
                Assert.Equal(new[] { ("1", "Yes"), ("0", "No") }, options);
            });
        }

        [Fact]
        public void A_yes_no_column_without_its_options_is_a_finding()
        {
            var solution = Copy();
            var entity = Path.Combine(solution, "Entities", "SystemUser", "Entity.xml");
            var document = XDocument.Load(entity);
            document.Descendants("optionset").Single().Remove();
            document.Save(entity);
            var model = Path.Combine(solution, "Entities", ScoringModelTable.EntityName, "Entity.xml");
            var modelDocument = XDocument.Load(model);
            modelDocument.Descendants("optionset").First(optionSet => (string?)optionSet.Element("OptionSetType") == "bit").Descendants("option").Single(option => (string?)option.Attribute("value") == "0").SetAttributeValue("value", "2");
            modelDocument.Save(model);

            var findings = Findings(solution);

            Assert.Contains(findings, finding => finding.StartsWith("Entities/SystemUser/Entity.xml:", StringComparison.Ordinal) && finding.Contains("the Yes/No column la_isunavailable has no <optionset>", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.StartsWith("Entities/la_scoringmodel/Entity.xml:", StringComparison.Ordinal) && finding.Contains("has the options 1, 2; it needs exactly 1 (true) and 0 (false)", StringComparison.Ordinal));
            Assert.Equal(2, findings.Count);
        }

        [Fact]
        public void The_in_memory_dataverse_answers_a_yes_no_column_with_its_two_labels()
        {
            var org = LeadAlignOrganization.Start();

            var attribute = ((RetrieveAttributeResponse)org.SystemService.Execute(new RetrieveAttributeRequest { EntityLogicalName = "systemuser", LogicalName = SystemUserTable.IsUnavailable })).AttributeMetadata;
            var state = ((RetrieveAttributeResponse)org.SystemService.Execute(new RetrieveAttributeRequest { EntityLogicalName = ScoringModelTable.EntityName, LogicalName = "statecode" })).AttributeMetadata;
            var owner = ((RetrieveAttributeResponse)org.SystemService.Execute(new RetrieveAttributeRequest { EntityLogicalName = LeadFeedbackTable.EntityName, LogicalName = "ownerid" })).AttributeMetadata;

            var yesNo = Assert.IsType<BooleanAttributeMetadata>(attribute);
            Assert.Equal("Yes", yesNo.OptionSet.TrueOption.Label.LocalizedLabels[0].Label);
            Assert.Equal(1, yesNo.OptionSet.TrueOption.Value);
            Assert.Equal("No", yesNo.OptionSet.FalseOption.Label.LocalizedLabels[0].Label);
            Assert.Equal(0, yesNo.OptionSet.FalseOption.Value);
            Assert.Contains(((StateAttributeMetadata)state).OptionSet.Options, option => option.Value == 1 && option.Label.LocalizedLabels[0].Label == "Inactive");
            Assert.Equal(new[] { "systemuser", "team" }, ((LookupAttributeMetadata)owner).Targets);
            Assert.Equal("Owner", owner.DisplayName.LocalizedLabels[0].Label);
        }

        [Fact]
        public void Every_table_the_solution_creates_carries_the_system_columns_a_real_export_carries()
        {
            // Shape: Entities/apollo_Reward/Entity.xml (user-owned) and Entities/apollo_InsuranceClaim/Entity.xml (organization-owned),
            // commit 4af90e9: createdby ... utcconversiontimezonecode, with ownerid, owningbusinessunit, owningteam, owninguser or organizationid.
            foreach (var entity in Packed("customizations.xml").Descendants("EntityInfo").Elements("entity").Where(entity => ((string)entity.Attribute("Name")!).StartsWith("la_", StringComparison.Ordinal) && (string?)entity.Element("IsActivity") == "0"))
            {
                var columns = entity.Element("attributes")!.Elements("attribute").Select(attribute => (string)attribute.Element("LogicalName")!).ToList();
                var owned = (string)entity.Element("OwnershipTypeMask")! == "UserOwned" ? ExportShapeRules.UserOwnedColumns : ExportShapeRules.OrganizationOwnedColumns;
                Assert.All(ExportShapeRules.SystemColumns.Concat(owned), column => Assert.Contains(column, columns));
                var state = entity.Element("attributes")!.Elements("attribute").Single(attribute => (string)attribute.Element("LogicalName")! == "statecode");
                Assert.Equal(((string)entity.Attribute("Name")!).ToLowerInvariant() + "_statecode", (string?)state.Element("optionset")!.Attribute("Name"));
            }

            var solution = Copy();
            var agreement = Path.Combine(solution, "Entities", AgreementTable.EntityName, "Entity.xml");
            var document = XDocument.Load(agreement);
            document.Descendants("attribute").Single(attribute => (string?)attribute.Element("LogicalName") == "organizationid").Remove();
            document.Save(agreement);

            var finding = Assert.Single(Findings(solution));
            Assert.StartsWith("Entities/la_agreement/Entity.xml:", finding, StringComparison.Ordinal);
            Assert.EndsWith("the table la_agreement lacks the system columns a real export carries for it: organizationid.", finding, StringComparison.Ordinal);
        }

        [Fact]
        public void Custom_api_files_have_no_empty_elements_are_in_folders_named_by_unique_name_and_keep_the_export_order()
        {
            // Shape: customapis/sample_ExportDataUsingFetchXmlToAnnotation/customapirequestparameters/FetchXml/customapirequestparameter.xml
            // and customapis/sample_IsSystemAdmin/customapi.xml (PowerApps-Samples, commit 3297c08): no empty elements (a global API
            // has no boundentitylogicalname), each folder named by its uniquename, elements in alphabetical order.
            var files = PackedSolution.Managed.Keys.Where(name => name.StartsWith("customapis/", StringComparison.Ordinal)).ToList();
            Assert.Equal(Directory.GetDirectories(Shipped("customapis")).Length, files.Count(name => name.EndsWith("/customapi.xml", StringComparison.Ordinal)));
            Assert.Contains("customapis/la_RecalculateLeadScores/customapirequestparameters/FetchXml/customapirequestparameter.xml", files);
            Assert.Contains("customapis/la_SendRejectionFeedback/customapiresponseproperties/Feedback/customapiresponseproperty.xml", files);
            foreach (var file in files)
            {
                var root = Packed(file).Root!;
                Assert.Equal(file.Split('/')[^2], (string?)root.Attribute("uniquename"));
                Assert.DoesNotContain(root.Descendants(), element => !element.HasAttributes && !element.HasElements && string.IsNullOrWhiteSpace(element.Value));
                var names = root.Elements().Select(element => element.Name.LocalName).ToList();
                Assert.Equal(names.OrderBy(name => name, StringComparer.Ordinal), names);
            }

            Assert.Null(Packed("customapis/la_EvaluateLeadSlas/customapi.xml").Root!.Element("boundentitylogicalname"));
            Assert.Equal("lead", (string?)Packed("customapis/la_SendRejectionFeedback/customapi.xml").Root!.Element("boundentitylogicalname"));
        }

        [Fact]
        public void An_empty_element_or_a_folder_not_named_by_unique_name_in_a_custom_api_is_a_finding()
        {
            var solution = Copy();
            _copy!.Break(Path.Combine("customapis", "la_AcceptLead", "customapi.xml"), "  <iscustomizable>", "  <executeprivilegename />\n  <iscustomizable>");
            Directory.Move(
                Path.Combine(solution, "customapis", "la_EvaluateLeadSlas", "customapirequestparameters", "PageSize"),
                Path.Combine(solution, "customapis", "la_EvaluateLeadSlas", "customapirequestparameters", "la_EvaluateLeadSlas.PageSize"));
            _copy!.Break(Path.Combine("customapis", "la_SendRejectionFeedback", "customapirequestparameters", "Notes", "customapirequestparameter.xml"), "  <name>", "  <type>10</type>\n  <name>");

            var findings = Findings(solution);

            Assert.Contains(findings, finding => finding.StartsWith("customapis/la_AcceptLead/customapi.xml:", StringComparison.Ordinal) && finding.EndsWith("the empty <executeprivilegename> element: a real export omits an element that has no value.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.StartsWith("customapis/la_EvaluateLeadSlas/customapirequestparameters/la_EvaluateLeadSlas.PageSize/customapirequestparameter.xml:", StringComparison.Ordinal) && finding.Contains("a real export names the folder by its unique name, PageSize", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.StartsWith("customapis/la_SendRejectionFeedback/customapirequestparameters/Notes/", StringComparison.Ordinal) && finding.Contains("in alphabetical order", StringComparison.Ordinal));
            Assert.All(findings, finding => Assert.Matches(@"^[^:]+:\d+: ", finding));
        }

        [Fact]
        public void Pack_refuses_while_validate_has_a_finding()
        {
            var solution = Copy();
            _copy!.Break(Path.Combine("Other", "Solution.xml"), "<RootComponent type=\"1\" schemaName=\"systemuser\" behavior=\"2\" />", "<RootComponent type=\"1\" schemaName=\"systemuser\" behavior=\"1\" />");
            var zips = Path.Combine(_work, "zips");
            var output = new StringWriter();
            var error = new StringWriter();

            var exit = LeadAlign.Cli.Program.Run(new[] { "pack", "--solution", solution, "--output", zips }, output, error);

            Assert.Equal(5, exit);
            Assert.Contains("Other/Solution.xml:", error.ToString());
            Assert.Contains("the table systemuser is listed with behavior 1; a real export lists it with behavior 2", error.ToString());
            Assert.Contains("1 findings: nothing packed.", error.ToString());
            Assert.DoesNotContain("   at ", error.ToString());
            Assert.DoesNotContain("Packed", output.ToString());
            Assert.False(Directory.Exists(zips) && Directory.EnumerateFiles(zips).Any());
        }
    }
}
