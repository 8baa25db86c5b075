using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Feedback
{
    /// <summary>
    /// The lead form marketing and sales share: its sections, the BANT columns the agreement's SQL needs, the timeline, the
    /// stage labelled and read-only, and that every bound control names a lead column. Shapes follow the Apollo 2026 managed export
    /// (meandtech2001/Apollo-HealthCare-Management-D365-CRM-, commit 4af90e9294495d736f1f1087e206d1b997e8bfa9,
    /// ApolloHospitalProject_1_0_0_3_managed/customizations.xml): its timeline cells hold a control with id notescontrol, classid
    /// {06375649-C143-495E-A496-C962E5B4488E}, no datafieldname and no parameters, in a cell without a label spanning rows that
    /// follow it empty (&lt;row /&gt;); money columns use {533B9E00-756B-4312-95A0-DC888637AC78}, two-option columns
    /// {67FAC785-CD58-4F9F-ABB3-4B7DDC6ED5ED}.
    /// </summary>
    public sealed class LeadFormTests
    {
        private static XDocument Form() => XDocument.Load(Directory.EnumerateFiles(RepositoryLayout.PathInRepo("Solution", "Entities", "Lead", "FormXml", "main"), "*.xml").Single());

        private static XElement Control(XDocument form, string id) => form.Descendants("control").Single(control => (string?)control.Attribute("id") == id);

        [Fact]
        public void The_lead_form_has_the_qualification_score_lifecycle_feedback_and_timeline_sections()
        {
            var sections = Form().Descendants("section").Select(section => section.Element("labels")!.Element("label")!.Attribute("description")!.Value).ToList();

            Assert.Equal(new[] { "Lead", "Qualification (BANT)", "Score", "Lifecycle & SLA", "Sales feedback", "Timeline" }, sections);
        }

        [Fact]
        public void The_qualification_section_holds_every_column_the_shipped_agreement_requires_for_an_sql()
        {
            var agreement = XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Data", "Agreement.xml")).Descendants("field").Single(field => (string?)field.Attribute("name") == AgreementTable.SqlRequiredColumns);
            var required = ((string)agreement.Attribute("value")!).Split(',', '|').Select(column => column.Trim()).ToList();

            var section = Form().Descendants("section").Single(candidate => (string?)candidate.Attribute("name") == "la_qualification");
            var fields = section.Descendants("control").Select(control => (string)control.Attribute("datafieldname")!).ToList();

            Assert.Equal(new[] { "budgetamount", "budgetstatus", "decisionmaker", "need", "purchasetimeframe" }, required);
            Assert.Equal(required, fields);
            Assert.All(section.Descendants("control"), control => Assert.Equal("false", (string?)control.Attribute("disabled")));
        }

        [Fact]
        public void The_timeline_is_apollos_notes_control_in_a_tall_unlabelled_cell()
        {
            var control = Control(Form(), "notescontrol");
            var cell = control.Parent!;
            var emptyRowsAfter = cell.Parent!.ElementsAfterSelf("row").TakeWhile(row => !row.HasElements).Count();

            Assert.Equal("{06375649-C143-495E-A496-C962E5B4488E}", (string?)control.Attribute("classid"));
            Assert.Null(control.Attribute("datafieldname"));
            Assert.Null(control.Element("parameters"));
            Assert.Equal("false", (string?)cell.Attribute("showlabel"));
            Assert.Equal(int.Parse((string)cell.Attribute("rowspan")!) - 1, emptyRowsAfter);
        }

        [Fact]
        public void The_stage_is_labelled_lead_stage_on_the_form_and_the_column_and_is_read_only()
        {
            var form = Form();
            var stage = Control(form, LeadTable.Stage);
            var entity = XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Entities", "Lead", "Entity.xml"));
            var column = entity.Descendants("attribute").Single(attribute => (string?)attribute.Element("LogicalName") == LeadTable.Stage);

            Assert.Equal("Lead stage", stage.Parent!.Element("labels")!.Element("label")!.Attribute("description")!.Value);
            Assert.Equal("true", (string?)stage.Attribute("disabled"));
            Assert.Equal("Lead stage", column.Element("displaynames")!.Element("displayname")!.Attribute("description")!.Value);
        }

        [Fact]
        public void The_score_reasons_are_a_read_only_multiline_box_six_rows_tall()
        {
            var reasons = Control(Form(), LeadTable.ScoreReasons);
            var cell = reasons.Parent!;

            Assert.Equal("{E0DECE4B-6FC8-4a8f-A065-082708572369}", (string?)reasons.Attribute("classid"));
            Assert.Equal("6", (string?)cell.Attribute("rowspan"));
            Assert.Equal(5, cell.Parent!.ElementsAfterSelf("row").TakeWhile(row => !row.HasElements).Count());
        }

        // The 100 KB engagement ledger is kept out of forms and Advanced Find (its DisplayMask drops ValidForAdvancedFind and
        // ValidForForm, keeping ValidForGrid, as the Apollo export's traversedpath, a long text column the platform hides, carries
        // "<DisplayMask>ValidForGrid</DisplayMask>"), and no form or view of the solution shows it.
        [Fact]
        public void The_engagement_ledger_is_on_no_form_or_view_and_not_valid_for_advanced_find_or_forms()
        {
            var entity = XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Entities", "Lead", "Entity.xml"));
            var ledger = entity.Descendants("attribute").Single(attribute => (string?)attribute.Element("LogicalName") == LeadTable.EngagementLedger);
            var shown = Directory.EnumerateFiles(RepositoryLayout.PathInRepo("Solution", "Entities"), "*.xml", SearchOption.AllDirectories)
                .Where(file => Path.GetFileName(file) != "Entity.xml")
                .Where(file => File.ReadAllText(file).Contains(LeadTable.EngagementLedger, System.StringComparison.Ordinal))
                .ToList();

            Assert.Equal("ValidForGrid", ledger.Element("DisplayMask")!.Value);
            Assert.Empty(shown);
        }

        [Fact]
        public void Every_bound_control_on_the_lead_form_names_a_lead_column_and_only_the_timeline_and_the_timers_are_unbound()
        {
            var lead = MetadataCatalog.ForSolution(RepositoryLayout.PathInRepo("Solution")).Table("lead")!;
            var controls = Form().Descendants("control").ToList();

            var fields = controls.Where(control => control.Attribute("datafieldname") != null).Select(control => control.Attribute("datafieldname")!.Value).ToList();

            Assert.Contains(LeadTable.RejectionReason, fields);
            Assert.All(fields, field => Assert.True(lead.HasColumn(field), $"lead has no column {field}"));
            Assert.Equal(new[] { "la_accepttimer", "la_firstcontacttimer", "notescontrol" }, controls.Where(control => control.Attribute("datafieldname") == null).Select(control => (string)control.Attribute("id")!));
        }
    }
}
