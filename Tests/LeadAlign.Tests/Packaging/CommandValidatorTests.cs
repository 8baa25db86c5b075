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
    /// leadalign validate's command rules (<see cref="CommandValidator"/>): the shipped lead commands have no findings; a copy whose
    /// command names a function its script lacks, calls a Custom API the solution lacks, sends a parameter the API does not declare
    /// or of the wrong type, leaves out a required one, or asks for a privilege the organization does not have, gets one finding
    /// each, with its file and line.
    /// </summary>
    public sealed class CommandValidatorTests : IDisposable
    {
        private static readonly string Ribbon = Path.Combine("Entities", "Lead", "RibbonDiff.xml");
        private static readonly string Script = Path.Combine("WebResources", "la_leadcommands.js");

        private readonly SolutionCopy _copy = new();

        public void Dispose() => _copy.Dispose();

        private static string[] Findings(string folder) => new CommandValidator(folder, MetadataCatalog.ForSolution(folder)).Findings().ToArray();

        [Fact]
        public void The_shipped_lead_commands_have_no_findings()
        {
            Assert.Empty(Findings(RepositoryLayout.PathInRepo("Solution")));
        }

        [Fact]
        public void A_command_naming_a_function_its_script_does_not_define_is_a_finding()
        {
            _copy.Break(Ribbon, "LeadAlign.LeadCommands.acceptFromForm\"", "LeadAlign.LeadCommands.acceptFromFrom\"");

            var finding = Assert.Single(Findings(_copy.Folder));

            Assert.Matches(@"^Entities/Lead/RibbonDiff\.xml:\d+: the command calls LeadAlign\.LeadCommands\.acceptFromFrom, which la_leadcommands\.js does not define\.$", finding);
        }

        [Fact]
        public void A_script_calling_a_custom_api_the_solution_lacks_is_a_finding()
        {
            _copy.Break(Script, "boundRequest(\"la_AcceptLead\"", "boundRequest(\"la_AcceptLeads\"");

            var finding = Assert.Single(Findings(_copy.Folder));

            Assert.Matches(@"^WebResources/la_leadcommands\.js:\d+: the script calls the Custom API la_AcceptLeads, which is not in customapis/\.$", finding);
        }

        [Fact]
        public void A_misnamed_parameter_is_undeclared_and_leaves_the_required_one_out()
        {
            _copy.Break(Script, "Reason: { typeName: \"Edm.Int32\", value: reason }", "Reasons: { typeName: \"Edm.Int32\", value: reason }");

            var findings = Findings(_copy.Folder);

            Assert.Equal(2, findings.Length);
            Assert.Contains(findings, finding => finding.EndsWith("the script sends la_RejectLead the parameter Reasons, which the API does not declare.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.EndsWith("the script calls la_RejectLead without its required parameter Reason.", StringComparison.Ordinal));
        }

        [Fact]
        public void A_parameter_sent_as_the_wrong_web_api_type_is_a_finding()
        {
            _copy.Break(Script, "Reason: { typeName: \"Edm.Int32\", value: reason }", "Reason: { typeName: \"Edm.String\", value: reason }");

            var finding = Assert.Single(Findings(_copy.Folder));

            Assert.EndsWith("the script sends la_RejectLead.Reason as Edm.String, but the parameter is a Picklist (Edm.Int32).", finding);
        }

        [Fact]
        public void Privilege_rules_on_a_privilege_or_table_the_organization_lacks_and_undefined_rules_are_findings()
        {
            _copy.Break(Ribbon, "<EntityPrivilegeRule PrivilegeType=\"Assign\" PrivilegeDepth=\"Basic\" EntityName=\"lead\" />", "<EntityPrivilegeRule PrivilegeType=\"Assign\" PrivilegeDepth=\"Basic\" EntityName=\"leads\" />");
            _copy.Break(Ribbon, "<EntityPrivilegeRule PrivilegeType=\"Write\" PrivilegeDepth=\"Basic\" EntityName=\"lead\" />", "<EntityPrivilegeRule PrivilegeType=\"Write\" PrivilegeDepth=\"Basic\" EntityName=\"lead\" /><MiscellaneousPrivilegeRule PrivilegeName=\"prvAcceptLead\" />");
            _copy.Break(Ribbon, "<EnableRule Id=\"la.lead.IsSaved\">", "<EnableRule Id=\"la.lead.IsSavedToo\">");

            var findings = Findings(_copy.Folder);

            Assert.Contains(findings, finding => finding.EndsWith("the privilege rule names the table leads, which does not exist.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.EndsWith("the privilege rule names the privilege prvAcceptLead, which the organization does not have.", StringComparison.Ordinal));
            Assert.Equal(3, findings.Count(finding => finding.EndsWith("the command uses the enable rule la.lead.IsSaved, which RuleDefinitions does not define.", StringComparison.Ordinal)));
            Assert.Equal(5, findings.Length);
        }

        [Fact]
        public void Validate_reports_the_command_findings_with_the_rest()
        {
            _copy.Break(Script, "boundRequest(\"la_RecycleLead\"", "boundRequest(\"la_RecycleLeads\"");

            var findings = new SolutionValidator(_copy.Folder, SolutionCopy.Assemblies).Findings();

            Assert.Contains(findings, finding => finding.Contains("the script calls the Custom API la_RecycleLeads, which is not in customapis/.", StringComparison.Ordinal));
        }
    }
}
