using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LeadAlign.Cli.Packaging;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>
    /// The lead's commands and form as the admin imports them: read from the packed managed zip.
    /// <para>
    /// The commands are classic commands (the table's &lt;RibbonDiffXml&gt;), not modern commands (appactions): a modern command can
    /// be hidden only by a Power Fx visibility formula, which lives in a command component library (.msapp) the command designer
    /// writes, and "classic visibility ... won't be exposed in command designer" (Microsoft Learn, "Modern commanding known
    /// limitations", learn.microsoft.com/power-apps/maker/model-driven-apps/command-designer-limitations). A classic DisplayRule
    /// with an EntityPrivilegeRule hides the button from a user who lacks the privilege, declaratively (Microsoft Learn,
    /// "&lt;EntityPrivilegeRule&gt; (RibbonDiffXml)", gg334239). The shape follows a real unpacked export of lead commands,
    /// YarSol/deploytest Entities/Lead/RibbonDiff.xml (commit 582143bdbfd51da95dc797d34909243a1d6aac48): CustomAction at
    /// Mscrm.Form.lead.MainTab.Actions.Controls._children with a Button of TemplateAlias o1 and $LocLabels texts, a
    /// CommandDefinition with EnableRules, DisplayRules and a JavaScriptFunction (Library $webresource:…, CrmParameter
    /// PrimaryControl), DisplayRule Mscrm.CanWriteLead = EntityPrivilegeRule Write/Basic on lead, EnableRule FormStateRule Existing;
    /// and Apollo 2026's empty RibbonDiffXml (commit 4af90e92) for the element order. The pack validates it against Microsoft's
    /// RibbonCore.xsd (build/schemas). The grid's group is Mscrm.HomepageGrid.lead.MainTab.Management, the group every table's
    /// home grid has.
    /// </para>
    /// </summary>
    public sealed class LeadCommandsExportShapeTests : IDisposable
    {
        private static readonly string[] Apis = { "la_AcceptLead", "la_RejectLead", "la_RecycleLead" };

        private readonly string _output = Directory.CreateTempSubdirectory("leadalign-commands-").FullName;
        private readonly ZipArchive _zip;
        private readonly XElement _lead;

        public LeadCommandsExportShapeTests()
        {
            var packer = new SolutionPacker(RepositoryLayout.PathInRepo("Solution"), RepositoryLayout.PathInRepo("build", "schemas"));
            _zip = ZipFile.OpenRead(packer.Pack(managed: true, SolutionCopy.Assemblies, _output));
            _lead = Customizations().Descendants("Entity").Single(entity => (string?)entity.Element("Name") == "Lead");
        }

        public void Dispose()
        {
            _zip.Dispose();
            Directory.Delete(_output, recursive: true);
        }

        private XDocument Customizations() => XDocument.Load(_zip.GetEntry("customizations.xml")!.Open());

        private string Entry(string name)
        {
            using var reader = new StreamReader(_zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        private string Script()
        {
            var webResource = Customizations().Descendants("WebResource").Single(resource => (string?)resource.Element("Name") == "la_leadcommands.js");
            Assert.Equal("3", (string?)webResource.Element("WebResourceType"));
            return Entry(((string)webResource.Element("FileName")!).TrimStart('/'));
        }

        [Fact]
        public void The_lead_carries_accept_reject_and_recycle_on_its_form_and_its_main_grid()
        {
            var ribbon = _lead.Element("RibbonDiffXml")!;

            var actions = ribbon.Element("CustomActions")!.Elements("CustomAction").Select(action => ((string)action.Attribute("Location")!, (string)action.Element("CommandUIDefinition")!.Element("Button")!.Attribute("LabelText")!)).ToList();

            Assert.Equal(new[] { "CustomActions", "Templates", "CommandDefinitions", "RuleDefinitions", "LocLabels" }, ribbon.Elements().Select(element => element.Name.LocalName));
            foreach (var location in new[] { "Mscrm.Form.lead.MainTab.Actions.Controls._children", "Mscrm.HomepageGrid.lead.MainTab.Management.Controls._children" })
            {
                Assert.Equal(new[] { "$LocLabels:la.lead.Accept.LabelText", "$LocLabels:la.lead.Reject.LabelText", "$LocLabels:la.lead.Recycle.LabelText" }, actions.Where(action => action.Item1 == location).Select(action => action.Item2));
            }

            var labels = ribbon.Element("LocLabels")!.Elements("LocLabel").ToDictionary(label => (string)label.Attribute("Id")!, label => (string)label.Descendants("Title").Single().Attribute("description")!);
            Assert.Equal(new[] { "Accept", "Reject", "Recycle to Nurture" }, new[] { "Accept", "Reject", "Recycle" }.Select(name => labels[$"la.lead.{name}.LabelText"]));
        }

        [Fact]
        public void Form_commands_pass_the_form_and_grid_commands_the_selected_rows_to_the_shipped_script()
        {
            var commands = _lead.Element("RibbonDiffXml")!.Element("CommandDefinitions")!.Elements("CommandDefinition").ToList();
            var script = Script();

            Assert.Equal(6, commands.Count);
            foreach (var command in commands)
            {
                var function = command.Element("Actions")!.Element("JavaScriptFunction")!;
                var parameters = function.Elements("CrmParameter").Select(parameter => (string)parameter.Attribute("Value")!).ToList();
                var isForm = ((string)command.Attribute("Id")!).Contains(".Form.", StringComparison.Ordinal);

                Assert.Equal("$webresource:la_leadcommands.js", (string?)function.Attribute("Library"));
                Assert.Equal(isForm ? new[] { "PrimaryControl" } : new[] { "SelectedControlSelectedItemIds", "SelectedControl" }, parameters);
                var name = ((string)function.Attribute("FunctionName")!).Split('.').Last();
                Assert.Matches(new Regex($@"\b{name}: function\b"), script);
                Assert.Equal(isForm ? "la.lead.IsSaved" : "la.lead.OneOrMoreSelected", (string?)command.Element("EnableRules")!.Element("EnableRule")!.Attribute("Id"));
            }
        }

        [Fact]
        public void Each_command_calls_a_custom_api_of_the_zip_bound_to_lead_with_the_parameters_it_declares()
        {
            var script = Script();

            var calls = Regex.Matches(script, @"boundRequest\(""(?<api>[^""]+)"", leadId, \{(?<parameters>[^;]*?)\}\);").ToDictionary(
                call => call.Groups["api"].Value,
                call => Regex.Matches(call.Groups["parameters"].Value, @"(?<name>\w+): \{ typeName: ""(?<type>[^""]+)""").Select(parameter => (parameter.Groups["name"].Value, parameter.Groups["type"].Value)).ToList());

            Assert.Equal(Apis, calls.Keys);
            foreach (var (api, sent) in calls)
            {
                var declaration = XDocument.Parse(Entry($"customapis/{api}/customapi.xml")).Root!;
                Assert.Equal("1", (string?)declaration.Element("bindingtype"));
                Assert.Equal("lead", (string?)declaration.Element("boundentitylogicalname"));
                var declared = _zip.Entries.Where(entry => entry.FullName.StartsWith($"customapis/{api}/customapirequestparameters/", StringComparison.Ordinal))
                    .Select(entry => XDocument.Load(entry.Open()).Root!)
                    .ToDictionary(parameter => (string)parameter.Attribute("uniquename")!, parameter => ((string)parameter.Element("type")!, (string)parameter.Element("isoptional")!));
                Assert.Equal(declared.Keys.OrderBy(key => key, StringComparer.Ordinal), sent.Select(parameter => parameter.Item1).OrderBy(key => key, StringComparer.Ordinal));
                foreach (var (name, type) in sent)
                {
                    // Custom API Picklist (9) and Integer (7) parameters are Edm.Int32 in the Web API; String (10) is Edm.String.
                    Assert.Equal(type, declared[name].Item1 switch { "9" or "7" => "Edm.Int32", "10" => "Edm.String", var other => "type " + other });
                }
            }

            Assert.Contains("operationType: 0", script);
            Assert.Contains("boundParameter: \"entity\"", script);
            Assert.Contains("typeName: \"mscrm.lead\", structuralProperty: 5", script);
        }

        [Fact]
        public void The_commands_show_to_whoever_may_execute_the_apis_the_reps_and_not_marketing()
        {
            var rules = _lead.Element("RibbonDiffXml")!.Element("RuleDefinitions")!.Element("DisplayRules")!.Elements("DisplayRule")
                .ToDictionary(rule => (string)rule.Attribute("Id")!, rule => rule.Elements("EntityPrivilegeRule").Select(privilege => "prv" + (string)privilege.Attribute("PrivilegeType")! + "Lead").ToList());
            var roles = Customizations().Root!.Element("Roles")!.Elements("Role").ToDictionary(role => (string)role.Attribute("name")!, role => role.Descendants("RolePrivilege").Select(privilege => (string)privilege.Attribute("name")!).ToHashSet());
            var commands = _lead.Element("RibbonDiffXml")!.Element("CommandDefinitions")!.Elements("CommandDefinition").ToList();

            foreach (var api in Apis)
            {
                Assert.Equal("prvWriteLead", (string?)XDocument.Parse(Entry($"customapis/{api}/customapi.xml")).Root!.Element("executeprivilegename"));
            }

            foreach (var command in commands)
            {
                var needed = command.Element("DisplayRules")!.Elements("DisplayRule").SelectMany(rule => rules[(string)rule.Attribute("Id")!]).ToList();
                Assert.Contains("prvWriteLead", needed);
                Assert.All(needed, privilege => Assert.Contains(privilege, roles["LeadAlign Sales Rep"]));
                Assert.All(needed, privilege => Assert.Contains(privilege, roles["LeadAlign Administrator"]));
                Assert.DoesNotContain("prvWriteLead", roles["LeadAlign Marketing User"]);
            }

            Assert.Equal(new[] { "prvWriteLead", "prvAssignLead" }, commands.Single(command => (string?)command.Attribute("Id") == "la.lead.Recycle.Form.Command").Element("DisplayRules")!.Elements("DisplayRule").SelectMany(rule => rules[(string)rule.Attribute("Id")!]));
        }

        [Fact]
        public void The_packed_lead_form_has_the_bant_columns_and_the_timeline()
        {
            var form = _lead.Element("FormXml")!.Descendants("systemform").Single();
            var fields = form.Descendants("control").Select(control => (string?)control.Attribute("datafieldname")).ToList();
            var timeline = form.Descendants("control").Single(control => (string?)control.Attribute("id") == "notescontrol");

            Assert.Equal(new List<string?> { "budgetamount", "budgetstatus", "decisionmaker", "need", "purchasetimeframe" }, fields.Intersect(new[] { "budgetamount", "budgetstatus", "decisionmaker", "need", "purchasetimeframe" }).ToList());
            Assert.Equal("{06375649-C143-495E-A496-C962E5B4488E}", (string?)timeline.Attribute("classid"));
            Assert.NotNull(Customizations().Descendants("WebResource").SingleOrDefault(resource => (string?)resource.Element("Name") == "la_rejectleaddialog.html"));
        }

        // The two clocks are Timer controls, the control the case form uses for its SLA KPIs. Its classid is Microsoft Learn's
        // TimerControl, "<control> (FormXml)", remarks,
        // https://learn.microsoft.com/en-us/previous-versions/dynamicscrm-2016/developers-guide/gg334472(v=crm.8); its parameters
        // are FormXml.xsd's "Timer Control parameters" (build/schemas/FormXml.xsd, the schema the SDK ships), FailureTimeField,
        // SuccessConditionName and SuccessConditionValue occurring once ("<FailureTimeField> (FormXml)",
        // https://learn.microsoft.com/en-us/previous-versions/dynamicscrm-2016/developers-guide/dn689047(v=crm.8), and its
        // SuccessConditionName/Value pages dn689043 and dn689023), the others at most once. The failure time field is the lead's
        // lookup to the clock's SLA KPI instance, as the case form's timers name firstresponsebykpiid and resolvebykpiid.
        [Theory]
        [InlineData("la_accepttimer", LeadTable.AcceptByKpiId, (int)LeadStage.Sal)]
        [InlineData("la_firstcontacttimer", LeadTable.FirstContactByKpiId, (int)LeadStage.Sql)]
        public void The_packed_lead_form_shows_each_clock_as_a_timer_on_its_sla_kpi_instance(string id, string clock, int succeeded)
        {
            var form = _lead.Element("FormXml")!.Descendants("systemform").Single();
            var timer = form.Descendants("control").Single(control => (string?)control.Attribute("id") == id);
            var parameters = timer.Element("parameters")!.Elements().ToDictionary(parameter => parameter.Name.LocalName, parameter => parameter.Value);

            Assert.Equal("{9C5CA0A1-AB4D-4781-BE7E-8DFBE867B87E}", (string?)timer.Attribute("classid"));
            Assert.Null(timer.Attribute("datafieldname"));
            Assert.Equal(clock, parameters["FailureTimeField"]);
            Assert.Equal((LeadTable.Stage, succeeded.ToString(System.Globalization.CultureInfo.InvariantCulture)), (parameters["SuccessConditionName"], parameters["SuccessConditionValue"]));
            Assert.Equal((LeadTable.Stage, ((int)LeadStage.Rejected).ToString(System.Globalization.CultureInfo.InvariantCulture)), (parameters["CancelConditionName"], parameters["CancelConditionValue"]));
            Assert.DoesNotContain(form.Descendants("control"), control => (string?)control.Attribute("datafieldname") == clock);
        }
    }
}
