using System;
using System.Linq;
using LeadAlign.Cli.Packaging;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>
    /// leadalign validate checks every view of the solution folder against the metadata (ViewValidator): a broken copy of a shipped
    /// view is a finding with its file and line. The view's shape (savedqueryid, layoutxml/grid/row/cell, fetchxml/fetch) is the
    /// Apollo-HealthCare-Management export's (commit 4af90e9294495d736f1f1087e206d1b997e8bfa9, Entities/*/SavedQueries).
    /// </summary>
    public sealed class ViewValidatorTests : IDisposable
    {
        private const string RuleView = "Entities/la_scoringrule/SavedQueries/{1ead5c0e-d040-4000-8000-000000000001}.xml";
        private const string RejectedLeadsView = "Entities/Lead/SavedQueries/{1ead5c0e-d000-4000-8000-000000000001}.xml";
        private const string FeedbackView = "Entities/la_leadfeedback/SavedQueries/{1ead5c0e-d000-4000-8000-000000000002}.xml";

        private readonly SolutionCopy _solution = new();

        public void Dispose() => _solution.Dispose();

        private string[] Findings() => new SolutionValidator(_solution.Folder, SolutionCopy.Assemblies).Findings().ToArray();

        [Fact]
        public void The_shipped_views_have_no_findings()
        {
            Assert.Empty(new ViewValidator(RepositoryLayout.PathInRepo("Solution"), MetadataCatalog.ForSolution(RepositoryLayout.PathInRepo("Solution"))).Findings());
        }

        [Fact]
        public void A_view_reading_a_column_the_table_does_not_have_is_a_finding_and_so_is_the_cell_it_leaves_unread()
        {
            _solution.Break(RuleView, $"<attribute name=\"{ScoringRuleTable.Cap}\" />", $"<attribute name=\"{ScoringRuleTable.Cap}x\" />");

            var findings = Findings();

            Assert.Equal(2, findings.Length);
            Assert.All(findings, finding => Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(RuleView) + @":\d+: ", finding));
            Assert.Contains(findings, finding => finding.EndsWith($"the query column {ScoringRuleTable.EntityName}.{ScoringRuleTable.Cap}x does not exist.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.EndsWith($"the view Active scoring rules shows the column {ScoringRuleTable.Cap}, which its FetchXML does not read.", StringComparison.Ordinal));
        }

        [Fact]
        public void A_condition_comparing_a_choice_with_a_value_it_does_not_have_is_a_finding()
        {
            _solution.Break(RejectedLeadsView, $"<condition attribute=\"{LeadTable.Stage}\" operator=\"eq\" value=\"{(int)LeadStage.Rejected}\" />", $"<condition attribute=\"{LeadTable.Stage}\" operator=\"eq\" value=\"7\" />");

            var finding = Assert.Single(Findings());

            Assert.EndsWith($"the view Rejected leads — last 30 days compares lead.{LeadTable.Stage} with '7', which is not one of its options.", finding, StringComparison.Ordinal);
        }

        [Fact]
        public void A_layout_that_is_not_of_the_tables_rows_or_a_view_id_used_twice_is_a_finding()
        {
            _solution.Break(FeedbackView, $"<row name=\"result\" id=\"{LeadFeedbackTable.Id}\">", "<row name=\"result\" id=\"leadid\">");
            _solution.Break(FeedbackView, "<savedqueryid>{1ead5c0e-d000-4000-8000-000000000002}</savedqueryid>", "<savedqueryid>{1ead5c0e-d000-4000-8000-000000000001}</savedqueryid>");

            var findings = Findings();

            Assert.Equal(2, findings.Length);
            Assert.Contains(findings, finding => finding.EndsWith($"layout row id is 'leadid', not {LeadFeedbackTable.Id}, the primary key of {LeadFeedbackTable.EntityName}.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.EndsWith($"the view id {{1ead5c0e-d000-4000-8000-000000000001}} is also the id of the view in {RejectedLeadsView}.", StringComparison.Ordinal));
        }
    }
}
