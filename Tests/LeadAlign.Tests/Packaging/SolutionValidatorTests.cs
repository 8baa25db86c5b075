using System;
using System.IO;
using System.Linq;
using LeadAlign.Cli.Packaging;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>leadalign validate: the shipped solution has no findings; a broken copy reports each mistake with its file and line.</summary>
    public sealed class SolutionValidatorTests : IDisposable
    {
        private readonly SolutionCopy _solution = new();

        private string CopyFolder => _solution.Folder;

        public void Dispose() => _solution.Dispose();

        private static string[] Assemblies => SolutionCopy.Assemblies;

        private void Break(string relativePath, string from, string to) => _solution.Break(relativePath, from, to);

        private static string StepFile(Guid id) => Path.Combine("SdkMessageProcessingSteps", "{" + id.ToString("D") + "}.xml");

        [Fact]
        public void The_shipped_solution_has_no_findings()
        {
            Assert.Empty(new SolutionValidator(RepositoryLayout.PathInRepo("Solution"), Assemblies).Findings());
        }

        [Fact]
        public void A_field_security_profile_on_a_column_that_is_not_secured_or_does_not_exist_is_a_finding()
        {
            // A profile gives permissions on secured columns only (Microsoft Learn, "Column-level security"); the unpacked shape is
            // Other/FieldSecurityProfiles.xml of the Apollo-HealthCare-Management export (commit 4af90e92).
            Break(Path.Combine("Entities", "Lead", "Entity.xml"), "<LogicalName>la_score</LogicalName>", "<LogicalName>la_score</LogicalName><!-- unsecured below -->");
            var entity = Path.Combine(CopyFolder, "Entities", "Lead", "Entity.xml");
            var text = File.ReadAllText(entity);
            var at = text.IndexOf("<!-- unsecured below -->", StringComparison.Ordinal);
            var secured = text.IndexOf("<IsSecured>1</IsSecured>", at, StringComparison.Ordinal);
            File.WriteAllText(entity, text[..secured] + "<IsSecured>0</IsSecured>" + text[(secured + "<IsSecured>1</IsSecured>".Length)..]);
            Break(Path.Combine("Other", "FieldSecurityProfiles.xml"), "<AttributeName>la_fitscore</AttributeName>", "<AttributeName>la_fitscor</AttributeName>");
            Break(Path.Combine("Other", "FieldSecurityProfiles.xml"), "<AttributeName>la_scoreband</AttributeName>\n        <CanRead>4</CanRead>", "<AttributeName>la_scoreband</AttributeName>\n        <CanRead>1</CanRead>");

            var findings = new SolutionValidator(CopyFolder, Assemblies).Findings();

            Assert.Contains(findings, finding => finding.StartsWith("Other/FieldSecurityProfiles.xml:", StringComparison.Ordinal) && finding.Contains("lead.la_score, which is not secured: set IsSecured to 1", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.Contains("lead.la_fitscor, which does not exist", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.Contains("CanRead = '1'; a field permission is 4 (Allowed) or 0 (Not allowed)", StringComparison.Ordinal));
            Assert.Equal(3, findings.Count);
        }

        [Fact]
        public void A_cloud_flow_calling_an_api_the_solution_lacks_or_an_undeclared_connection_is_a_finding_with_its_file_and_line()
        {
            var flow = Path.Combine("Workflows", "LeadAlignWeeklyalignmentclose-1EAD5C0E-0050-4000-8000-000000000010.json");
            Break(flow, "\"actionName\": \"la_CloseAlignmentWeek\"", "\"actionName\": \"la_CloseAlignmentWeeks\"");
            Break(flow, "\"item/PageSize\": 250,", "\"item/PageSize\": 250,\n                  \"item/Page\": 1,");
            Break(flow, "\"connectionReferenceLogicalName\": \"la_sharedcommondataserviceforapps_leadalign\"", "\"connectionReferenceLogicalName\": \"la_elsewhere\"");

            var findings = new SolutionValidator(CopyFolder, Assemblies).Findings();

            Assert.Contains(findings, finding => finding.EndsWith("the action 'Close_the_last_full_week' runs 'la_CloseAlignmentWeeks', which is not a Custom API of the solution (customapis/).", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.EndsWith("the action 'Recalculate_lead_scores' passes 'Page', which la_RecalculateLeadScores does not declare.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.Contains("uses the connection reference 'la_elsewhere', which Other/ConnectionReferences.xml does not declare.", StringComparison.Ordinal));
            Assert.Equal(3, findings.Count);
            Assert.All(findings, finding => Assert.Matches(@"^Workflows/LeadAlignWeeklyalignmentclose-[^:]+\.json:\d+: ", finding));
        }

        [Fact]
        public void A_cloud_flow_that_is_not_json_is_a_finding()
        {
            Break(Path.Combine("Workflows", "LeadAlignWeeklyalignmentclose-1EAD5C0E-0050-4000-8000-000000000010.json"), "\"schemaVersion\": \"1.0.0.0\"", "\"schemaVersion\": ");

            var finding = Assert.Single(new SolutionValidator(CopyFolder, Assemblies).Findings());

            Assert.Contains("the flow definition is not valid JSON", finding, StringComparison.Ordinal);
        }

        [Fact]
        public void A_workflow_in_a_shape_no_workflow_host_loads_is_a_finding_with_its_file_and_line()
        {
            // The shape of an earlier LeadAlign: ReferenceLiteral bound to Microsoft.Xrm.Sdk.Query, where the platform has none.
            Break(Path.Combine("Workflows", "LeadAlignSLAclock-1EAD5C0E-C000-4000-8000-000000000001.xaml"), "<mxswa:ReferenceLiteral x:TypeArguments=\"s:Type\" Value=\"s:DateTime\" />", "<mxsq:ReferenceLiteral x:TypeArguments=\"s:Type\" Value=\"s:DateTime\" />");

            var findings = new SolutionValidator(CopyFolder, Assemblies).Findings();

            var finding = Assert.Single(findings);
            Assert.Matches("^Workflows/LeadAlignSLAclock-1EAD5C0E-C000-4000-8000-000000000001\\.xaml:[0-9]+: workflow 'LeadAlign: SLA clock'", finding);
            Assert.Contains("mxsq:ReferenceLiteral, a type that does not exist in Microsoft.Xrm.Sdk", finding, StringComparison.Ordinal);
        }

        [Fact]
        public void Each_mistake_is_reported_with_its_file_and_line()
        {
            var leadUpdate = StepFile(new Guid("1ead5c0e-0001-4000-8000-000000000002"));
            var ruleCreate = StepFile(new Guid("1ead5c0e-0004-4000-8000-000000000001"));
            var modelCreate = StepFile(new Guid("1ead5c0e-0005-4000-8000-000000000001"));
            Break(leadUpdate, "<FilteringAttributes>decisionmaker,", "<FilteringAttributes>decisionmakr,");
            Break(leadUpdate, "<Attributes>decisionmaker,", "<Attributes>decisionmakker,");
            Break(ruleCreate, "<PrimaryEntity>la_scoringrule</PrimaryEntity>", "<PrimaryEntity>la_scoringrul</PrimaryEntity>");
            Break(modelCreate, "LeadAlign.Plugins.Scoring.ScoringModelChangedPlugin,", "LeadAlign.Plugins.Scoring.ScoringModelChangedPlugn,");
            var api = Path.Combine(CopyFolder, "customapis", "la_AcceptLead", "customapi.xml");
            File.WriteAllText(api, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(api), "<plugintypeid>[0-9a-f-]{36}</plugintypeid>", "<plugintypeid>00000000-0000-0000-0000-000000000001</plugintypeid>"));
            Break(Path.Combine("Workflows", "LeadAlignSLAclock-1EAD5C0E-C000-4000-8000-000000000001.xaml"), "AssemblyQualifiedName=\"LeadAlign.WorkflowActivities.Sla.EvaluateLeadSla, ", "AssemblyQualifiedName=\"LeadAlign.WorkflowActivities.Sla.EvaluateLeadSlaX, ");
            Break(Path.Combine("Entities", "Lead", "SavedQueries", "{1ead5c0e-d000-4000-8000-000000000001}.xml"), "<attribute name=\"la_rejectionnotes\" />", "<attribute name=\"la_rejectnotes\" />");
            Break(Path.Combine("Entities", "Lead", "FormXml", "main", "{952aedb5-1f47-5d33-93d2-370496313d96}.xml"), "datafieldname=\"la_recyclereason\"", "datafieldname=\"la_recycle\"");
            Break(Path.Combine("Entities", LeadFeedbackTable.EntityName, "Visualizations", "{1ead5c0e-d100-4000-8000-000000000001}.xml"), "<attribute name=\"la_campaignid\" groupby=\"true\"", "<attribute name=\"la_campaign\" groupby=\"true\"");

            Break(Path.Combine("Roles", "LeadAlignSalesRep.xml"), "name=\"prvReadla_agreement\"", "name=\"prvReadla_agreements\"");

            var findings = new SolutionValidator(CopyFolder, Assemblies).Findings();

            Assert.Contains(findings, finding => finding.StartsWith("SdkMessageProcessingSteps/{1ead5c0e-0001-4000-8000-000000000002}.xml:", StringComparison.Ordinal) && finding.EndsWith("the filtering attribute lead.decisionmakr does not exist.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.EndsWith("the image column lead.decisionmakker does not exist.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.EndsWith("the step's table la_scoringrul does not exist.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.EndsWith("the step's plug-in type LeadAlign.Plugins.Scoring.ScoringModelChangedPlugn is not in the built assemblies.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.StartsWith("customapis/la_AcceptLead/customapi.xml:", StringComparison.Ordinal) && finding.Contains("no built assembly holds", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.StartsWith("Workflows/LeadAlignSLAclock-", StringComparison.Ordinal) && finding.Contains("LeadAlign.WorkflowActivities.Sla.EvaluateLeadSlaX", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.StartsWith("Entities/Lead/SavedQueries/", StringComparison.Ordinal) && finding.EndsWith("the query column lead.la_rejectnotes does not exist.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.StartsWith("Entities/Lead/FormXml/main/", StringComparison.Ordinal) && finding.EndsWith("the column lead.la_recycle does not exist.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.StartsWith("Entities/la_leadfeedback/Visualizations/", StringComparison.Ordinal) && finding.EndsWith("the query column la_leadfeedback.la_campaign does not exist.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.StartsWith("Roles/LeadAlignSalesRep.xml:", StringComparison.Ordinal) && finding.EndsWith("the privilege prvReadla_agreements names no table of the solution's metadata.", StringComparison.Ordinal));
            Assert.All(findings, finding => Assert.Matches(@"^[^:]+:\d+: ", finding));
        }

        [Fact]
        public void The_validate_command_fails_on_findings_and_prints_them()
        {
            Break(Path.Combine("Entities", "Lead", "FormXml", "main", "{952aedb5-1f47-5d33-93d2-370496313d96}.xml"), "datafieldname=\"la_recyclereason\"", "datafieldname=\"la_recycle\"");
            var output = new StringWriter();
            var error = new StringWriter();

            var exit = LeadAlign.Cli.Program.Run(new[] { "validate", "--solution", CopyFolder }, output, error);

            Assert.Equal(5, exit);
            Assert.Contains("the column lead.la_recycle does not exist.", error.ToString());
            Assert.Contains("1 findings.", output.ToString());
        }
    }
}
