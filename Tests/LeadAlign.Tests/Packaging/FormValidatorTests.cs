using System;
using System.IO;
using System.Linq;
using LeadAlign.Cli.Packaging;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>
    /// leadalign validate checks every form of the solution folder against the metadata (FormValidator): a broken copy of a shipped
    /// form is a finding with its file and line. The classids are Microsoft Learn's, "&lt;control&gt; (FormXml)",
    /// https://learn.microsoft.com/en-us/previous-versions/dynamicscrm-2016/developers-guide/gg334472(v=crm.8); the subgrid shape is
    /// the Apollo-HealthCare-Management export's (commit 4af90e9294495d736f1f1087e206d1b997e8bfa9,
    /// Entities/apollo_MedicalTest/FormXml/main/{1b858756-23b7-f011-bbd3-000d3a81a9a9}.xml).
    /// </summary>
    public sealed class FormValidatorTests : IDisposable
    {
        private readonly SolutionCopy _solution = new();

        public void Dispose() => _solution.Dispose();

        private static string FormFile(string table) =>
            Path.GetRelativePath(RepositoryLayout.PathInRepo("Solution"), Directory.EnumerateFiles(RepositoryLayout.PathInRepo("Solution", "Entities", table, "FormXml", "main"), "*.xml").Single());

        private static string Prefix(string table) => "Entities/" + table + "/FormXml/main/";

        private string[] Findings() => new SolutionValidator(_solution.Folder, SolutionCopy.Assemblies).Findings().ToArray();

        [Fact]
        public void The_shipped_forms_have_no_findings()
        {
            Assert.Empty(new FormValidator(RepositoryLayout.PathInRepo("Solution"), LeadAlign.Dataverse.Metadata.MetadataCatalog.ForSolution(RepositoryLayout.PathInRepo("Solution"))).Findings());
        }

        [Fact]
        public void A_control_naming_a_column_the_table_does_not_have_is_a_finding()
        {
            _solution.Break(FormFile(ScoringRuleTable.EntityName), $"datafieldname=\"{ScoringRuleTable.Points}\"", $"datafieldname=\"{ScoringRuleTable.Points}x\"");

            var finding = Assert.Single(Findings());

            Assert.Matches("^" + Prefix(ScoringRuleTable.EntityName) + @"\{[0-9a-f-]+\}\.xml:\d+: ", finding);
            Assert.EndsWith($"the column {ScoringRuleTable.EntityName}.{ScoringRuleTable.Points}x does not exist.", finding, StringComparison.Ordinal);
        }

        [Fact]
        public void A_subgrid_naming_a_relationship_that_does_not_exist_is_a_finding()
        {
            var relationship = ScoringModelTable.EntityName + "_" + ScoringRuleTable.EntityName;
            _solution.Break(FormFile(ScoringModelTable.EntityName), $"<RelationshipName>{relationship}</RelationshipName>", $"<RelationshipName>{relationship}s</RelationshipName>");

            var finding = Assert.Single(Findings());

            Assert.StartsWith(Prefix(ScoringModelTable.EntityName), finding, StringComparison.Ordinal);
            Assert.EndsWith($"the subgrid la_rules names the relationship {relationship}s, which does not exist.", finding, StringComparison.Ordinal);
        }

        [Fact]
        public void A_subgrid_on_a_relationship_of_other_tables_or_with_a_view_the_target_lacks_is_a_finding()
        {
            var form = FormFile(ScoringModelTable.EntityName);
            _solution.Break(form, $"<RelationshipName>{ScoringModelTable.EntityName}_{ScoringRuleTable.EntityName}</RelationshipName>", $"<RelationshipName>{ScoringModelTable.EntityName}_lead</RelationshipName>");
            _solution.Break(form, "<ViewIds>{1EAD5C0E-D040-4000-8000-000000000001}</ViewIds>", "<ViewIds>{1EAD5C0E-D040-4000-8000-000000000001},{1EAD5C0E-D000-4000-8000-000000000001}</ViewIds>");

            var findings = Findings();

            Assert.Contains(findings, finding => finding.EndsWith($"which does not relate {ScoringModelTable.EntityName} to {ScoringRuleTable.EntityName}.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.EndsWith($"the view {{1EAD5C0E-D000-4000-8000-000000000001}}, which is not a view of {ScoringRuleTable.EntityName} in the solution (Entities/{ScoringRuleTable.EntityName}/SavedQueries).", StringComparison.Ordinal));
            Assert.Equal(2, findings.Length);
        }

        [Fact]
        public void A_control_whose_classid_does_not_fit_the_column_type_is_a_finding()
        {
            // la_cap is a whole number: a DateTimeControl cannot show it.
            _solution.Break(FormFile(ScoringRuleTable.EntityName), $"classid=\"{{C6D124CA-7EDA-4a60-AEA9-7FB8D318B68F}}\" datafieldname=\"{ScoringRuleTable.Cap}\"", $"classid=\"{{5B773807-9FB2-42db-97C3-7A91EFF8ADFF}}\" datafieldname=\"{ScoringRuleTable.Cap}\"");

            var finding = Assert.Single(Findings());

            Assert.Contains($"shows {ScoringRuleTable.EntityName}.{ScoringRuleTable.Cap}, of type Integer, with a DateTimeControl; a column of type Integer takes IntegerControl {{C6D124CA-7EDA-4A60-AEA9-7FB8D318B68F}}", finding, StringComparison.Ordinal);
        }

        // The lead form's timers (classid TimerControl, Learn "<control> (FormXml)"; parameters of FormXml.xsd's "Timer Control
        // parameters") name the columns they read: a timer counting down to a text column, a condition on a column that is no
        // choice, a value the choice does not have, and a condition without its value are each a finding.
        [Fact]
        public void A_timer_on_a_column_it_cannot_count_down_to_or_with_a_condition_the_lead_cannot_meet_is_a_finding()
        {
            var form = FormFile("Lead");
            _solution.Break(form, $"<FailureTimeField>{LeadTable.AcceptByKpiId}</FailureTimeField>", $"<FailureTimeField>{LeadTable.RejectionNotes}</FailureTimeField>");
            _solution.Break(form, $"<SuccessConditionName>{LeadTable.Stage}</SuccessConditionName>\n                            <SuccessConditionValue>{(int)LeadStage.Sql}</SuccessConditionValue>", $"<SuccessConditionName>{LeadTable.Score}</SuccessConditionName>\n                            <SuccessConditionValue>{(int)LeadStage.Sql}</SuccessConditionValue>");
            _solution.Break(form, $"<SuccessConditionValue>{(int)LeadStage.Sal}</SuccessConditionValue>", "<SuccessConditionValue>7</SuccessConditionValue>");
            _solution.Break(form, $"<CancelConditionValue>{(int)LeadStage.Rejected}</CancelConditionValue>\n                          </parameters>\n                        </control>\n                      </cell>\n                    </row>\n                    <row>", "</parameters>\n                        </control>\n                      </cell>\n                    </row>\n                    <row>");

            var findings = Findings();

            Assert.Contains(findings, finding => finding.EndsWith($"the timer la_accepttimer counts down to lead.{LeadTable.RejectionNotes}, of type Memo, which is neither a date and time column nor a lookup to an SLA KPI instance.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.EndsWith($"the timer la_accepttimer's success condition gives lead.{LeadTable.Stage} the value '7', which is not one of its options.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.EndsWith("the timer la_accepttimer has a cancel condition without its value (CancelConditionValue).", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.EndsWith($"the timer la_firstcontacttimer's success condition names lead.{LeadTable.Score}, of type Integer: a condition takes a choice or yes/no column.", StringComparison.Ordinal));
            Assert.Equal(4, findings.Length);
            Assert.All(findings, finding => Assert.StartsWith(Prefix("Lead"), finding, StringComparison.Ordinal));
        }

        [Fact]
        public void A_timer_without_a_failure_time_or_a_success_condition_is_a_finding()
        {
            var form = FormFile("Lead");
            _solution.Break(form, $"<FailureTimeField>{LeadTable.FirstContactByKpiId}</FailureTimeField>", string.Empty);
            _solution.Break(form, $"<SuccessConditionName>{LeadTable.Stage}</SuccessConditionName>\n                            <SuccessConditionValue>{(int)LeadStage.Sal}</SuccessConditionValue>", string.Empty);

            var findings = Findings();

            Assert.Contains(findings, finding => finding.EndsWith("the timer la_firstcontacttimer has no FailureTimeField: name the date and time column, or the lookup to the SLA KPI instance, whose time it counts down to.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.EndsWith("the timer la_accepttimer has no success condition (SuccessConditionName and SuccessConditionValue): name the column and value that mean the time was met.", StringComparison.Ordinal));
            Assert.Equal(2, findings.Length);
        }

        [Fact]
        public void A_timeline_cell_that_shows_no_label_needs_none()
        {
            // The timeline as a real export writes it: an unbound notescontrol in a cell with showlabel="false" and an empty label
            // (Apollo export, commit 4af90e9294495d736f1f1087e206d1b997e8bfa9, customizations.xml).
            var lastRow = $"datafieldname=\"{LeadAlertTable.RecentAlerts}\" disabled=\"true\" />\n                      </cell>\n                    </row>\n";
            _solution.Break(FormFile(LeadAlertTable.EntityName), lastRow,
                lastRow + "                    <row>\n                      <cell id=\"{3d0b6a55-9c1e-5f42-8a77-1f2c9e0d4b61}\" showlabel=\"false\" rowspan=\"8\" auto=\"false\" colspan=\"1\">\n"
                + "                        <labels><label description=\"\" languagecode=\"1033\" /></labels>\n"
                + "                        <control id=\"notescontrol\" classid=\"{06375649-c143-495e-a496-c962e5b4488e}\" />\n"
                + "                      </cell>\n                    </row>\n");

            Assert.Empty(Findings());
        }

        [Fact]
        public void A_cell_without_a_label_and_ids_used_twice_are_findings()
        {
            var form = FormFile(LeadStageChangeTable.EntityName);
            _solution.Break(form, "<labels><label description=\"Changed by\" languagecode=\"1033\" /></labels>", string.Empty);
            var text = File.ReadAllText(Path.Combine(_solution.Folder, form));
            var formId = text[(text.IndexOf("<formid>", StringComparison.Ordinal) + "<formid>".Length)..text.IndexOf("</formid>", StringComparison.Ordinal)];
            _solution.Break(FormFile(LeadAlertTable.EntityName), File.ReadAllText(Path.Combine(_solution.Folder, FormFile(LeadAlertTable.EntityName))).Split("<formid>")[1].Split("</formid>")[0], formId);

            var findings = Findings();

            Assert.Contains(findings, finding => finding.StartsWith(Prefix(LeadStageChangeTable.EntityName), StringComparison.Ordinal) && finding.EndsWith($"the cell {LeadStageChangeTable.ChangedBy} has no label.", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.Contains($"the form id {formId} is also the id of the form in {Prefix(LeadAlertTable.EntityName)}", StringComparison.Ordinal)
                || finding.Contains($"the form id {formId} is also the id of the form in {Prefix(LeadStageChangeTable.EntityName)}", StringComparison.Ordinal));
            Assert.Equal(2, findings.Length);
        }
    }
}
