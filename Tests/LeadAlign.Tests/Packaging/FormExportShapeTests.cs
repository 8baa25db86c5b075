using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Cli.Packaging;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk.Metadata;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>
    /// What an admin gets after importing the managed solution: a main form for every LeadAlign table, read from the packed
    /// zip's customizations.xml. The shape is a real export's: meandtech2001/Apollo-HealthCare-Management-D365-CRM- at commit
    /// 4af90e9294495d736f1f1087e206d1b997e8bfa9, ApolloHospitalProject_1_0_0_3_managed/customizations.xml, whose 29 customizable
    /// main forms carry formid, IntroducedVersion, FormPresentation, FormActivationState, form, IsCustomizable, CanBeDeleted,
    /// LocalizedNames and Descriptions in that order (tabs of labels and columns, sections of labels and rows, cells of labels and
    /// a control), and whose subgrids (Entities/apollo_MedicalTest/FormXml/main/{1b858756-23b7-f011-bbd3-000d3a81a9a9}.xml of the
    /// unpacked export) are controls with indicationOfSubgrid="true", the classid {E7A81278-8635-4D9E-8D4D-59480B391C5B} and the
    /// parameters RecordsPerPage, AutoExpand, EnableQuickFind, EnableViewPicker, EnableChartPicker, ChartGridMode,
    /// RelationshipName, TargetEntityType, ViewId and ViewIds, in that order, the view a public view (querytype 0) of the target.
    /// The control classids are Microsoft Learn's, "&lt;control&gt; (FormXml)",
    /// https://learn.microsoft.com/en-us/previous-versions/dynamicscrm-2016/developers-guide/gg334472(v=crm.8), bound as Apollo binds
    /// them (apollo_quantity, a whole number, with IntegerControl; apollo_amount, a decimal, with DecimalControl; creditonhold, a
    /// Yes/No column, with RadioControl; apollo_findings, multiline text, with TextAreaControl).
    /// </summary>
    public sealed class FormExportShapeTests
    {
        private static readonly string[] SystemFormChildren =
        {
            "formid", "IntroducedVersion", "FormPresentation", "FormActivationState", "form", "IsCustomizable", "CanBeDeleted", "LocalizedNames", "Descriptions",
        };

        private static readonly string[] SubgridParameters =
        {
            "RecordsPerPage", "AutoExpand", "EnableQuickFind", "EnableViewPicker", "EnableChartPicker", "ChartGridMode", "RelationshipName", "TargetEntityType", "ViewId", "ViewIds",
        };

        /// <summary>The classid each column type is shown with on LeadAlign's own forms (Learn's names in the comments).</summary>
        private static readonly IReadOnlyDictionary<AttributeTypeCode, string[]> ClassIds = new Dictionary<AttributeTypeCode, string[]>
        {
            [AttributeTypeCode.String] = new[] { "{4273EDBD-AC1D-40D3-9FB2-095C621B552D}", "{E0DECE4B-6FC8-4A8F-A065-082708572369}" }, // TextBoxControl, TextAreaControl
            [AttributeTypeCode.Memo] = new[] { "{E0DECE4B-6FC8-4A8F-A065-082708572369}" }, // TextAreaControl
            [AttributeTypeCode.Integer] = new[] { "{C6D124CA-7EDA-4A60-AEA9-7FB8D318B68F}", "{AA987274-CE4E-4271-A803-66164311A958}" }, // IntegerControl, DurationControl (a whole number in Duration format)
            [AttributeTypeCode.Decimal] = new[] { "{C3EFE0C3-0EC6-42BE-8349-CBD9079DFD8E}" }, // DecimalControl
            [AttributeTypeCode.Picklist] = new[] { "{3EF39988-22BB-4F0B-BBBE-64B5A3748AEE}" }, // PicklistControl
            [AttributeTypeCode.Virtual] = new[] { "{4AA28AB7-9C13-4F57-A73D-AD894D048B5F}" }, // MultiSelectPicklistControl (choices; Apollo's apollo_symptoms)
            [AttributeTypeCode.Boolean] = new[] { "{67FAC785-CD58-4F9F-ABB3-4B7DDC6ED5ED}" }, // RadioControl
            [AttributeTypeCode.DateTime] = new[] { "{5B773807-9FB2-42DB-97C3-7A91EFF8ADFF}" }, // DateTimeControl
            [AttributeTypeCode.Lookup] = new[] { "{270BD3DB-D9AF-4782-9025-509E298DEC0A}" }, // LookupControl
            [AttributeTypeCode.Owner] = new[] { "{270BD3DB-D9AF-4782-9025-509E298DEC0A}" }, // LookupControl
        };

        private static readonly Lazy<XDocument> Packed = new(Pack);

        private static readonly Lazy<MetadataCatalog> Metadata = new(() => MetadataCatalog.ForSolution(RepositoryLayout.PathInRepo("Solution")));

        public static TheoryData<string> CustomTables()
        {
            var data = new TheoryData<string>();
            foreach (var table in CustomTableNames())
            {
                data.Add(table);
            }

            return data;
        }

        private static List<string> CustomTableNames() =>
            Directory.GetDirectories(RepositoryLayout.PathInRepo("Solution", "Entities")).Select(folder => Path.GetFileName(folder))
                .Where(SolutionComponents.IsCustomTable).OrderBy(table => table, StringComparer.Ordinal).ToList();

        [Fact]
        public void All_nine_LeadAlign_tables_are_checked()
        {
            Assert.Equal(
                new[] { AgreementTable.EntityName, AgreementHolidayTable.EntityName, AlignmentWeekTable.EntityName, LeadAlertTable.EntityName, LeadFeedbackTable.EntityName, LeadStageChangeTable.EntityName, MarketingInteractionTable.EntityName, ScoringModelTable.EntityName, ScoringRuleTable.EntityName },
                CustomTableNames());
        }

        [Theory]
        [MemberData(nameof(CustomTables))]
        public void Every_LeadAlign_table_imports_with_exactly_one_main_form_in_the_exported_shape(string table)
        {
            var forms = MainForms(table);

            var form = Assert.Single(forms);
            Assert.Equal(SystemFormChildren, form.Elements().Select(element => element.Name.LocalName));
            Assert.True(Guid.TryParse((string?)form.Element("formid"), out _));
            Assert.Equal("1", (string?)form.Element("FormPresentation"));
            Assert.Equal("1", (string?)form.Element("FormActivationState"));
            Assert.EndsWith("(LeadAlign)", (string)form.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!);
            Assert.All(form.Descendants("tab"), tab => Assert.Equal(new[] { "labels", "columns" }, tab.Elements().Select(element => element.Name.LocalName)));
            Assert.All(form.Descendants("section"), section => Assert.Equal(new[] { "labels", "rows" }, section.Elements().Select(element => element.Name.LocalName)));
            Assert.All(form.Descendants("cell"), cell => Assert.Equal(new[] { "labels", "control" }, cell.Elements().Select(element => element.Name.LocalName)));
            Assert.NotEmpty(form.Descendants("control"));
        }

        [Theory]
        [MemberData(nameof(CustomTables))]
        public void Every_control_shows_a_column_of_its_table_with_the_control_its_type_takes_under_a_plain_English_label(string table)
        {
            var definition = Metadata.Value.Table(table)!;
            var form = Assert.Single(MainForms(table));

            foreach (var control in form.Descendants("control").Where(control => control.Attribute("datafieldname") != null))
            {
                var name = (string)control.Attribute("datafieldname")!;
                var column = definition.Column(name);
                Assert.True(column != null, $"{table} has no column {name}");
                Assert.Contains(((string)control.Attribute("classid")!).ToUpperInvariant(), ClassIds[column!.Type]);
                Assert.Equal(name, (string?)control.Attribute("id"));
                var label = (string)control.Parent!.Element("labels")!.Element("label")!.Attribute("description")!;
                Assert.DoesNotContain("_", label, StringComparison.Ordinal);
                Assert.NotEqual(name, label, StringComparer.Ordinal);
            }

            Assert.All(form.Descendants("label"), label => Assert.False(string.IsNullOrWhiteSpace((string?)label.Attribute("description"))));
        }

        [Theory]
        [MemberData(nameof(CustomTables))]
        public void A_column_LeadAlign_writes_itself_is_read_only_on_the_form(string table)
        {
            var written = WrittenByLeadAlign(table);
            var form = Assert.Single(MainForms(table));

            var controls = form.Descendants("control").Where(control => written.Contains((string?)control.Attribute("datafieldname") ?? string.Empty)).ToList();

            Assert.All(controls, control => Assert.Equal("true", (string?)control.Attribute("disabled")));
        }

        [Fact]
        public void The_agreement_form_shows_every_commitment_and_sla_term_and_keeps_the_business_hours_in_one_section()
        {
            var form = Assert.Single(MainForms(AgreementTable.EntityName));

            Assert.Equal(new[] { "General", "Teams and routing", "Commitments", "SLA terms", "Business hours", "Set by LeadAlign" }, SectionLabels(form));
            Assert.Equal(
                new[] { AgreementTable.MqlsPerWeek, AgreementTable.PipelineSharePercent, AgreementTable.SqlsPerMonth, AgreementTable.AcceptsPerRepPerWeek, AgreementTable.FeedbackResponseDays, AgreementTable.DecisionDays, AgreementTable.MaxOpenLeadsPerRep },
                Fields(form, "Commitments"));
            Assert.Equal(
                new[] { AgreementTable.AcceptHours, AgreementTable.FirstContactHours, AgreementTable.HotLaneAcceptMinutes, AgreementTable.WarningPercent, AgreementTable.AlertThrottleMinutes },
                Fields(form, "SLA terms"));
            // The business hours as an admin picks them: the platform's time-zone picker, the working days as choices, the
            // working day's start and end as durations, then the holidays as a subgrid of their rows.
            Assert.Equal(
                new[] { AgreementTable.TimeZoneCode, AgreementTable.WorkingDays, AgreementTable.WorkStart, AgreementTable.WorkEnd },
                Fields(form, "Business hours"));
            Assert.Equal(
                new[] { "la_holidays" },
                Section(form, "Business hours").Descendants("control").Where(control => (string?)control.Attribute("indicationOfSubgrid") == "true").Select(control => (string?)control.Attribute("id")));
            Assert.Contains(AgreementTable.RoutingMode, Fields(form, "Teams and routing"));
        }

        [Fact]
        public void The_scoring_model_form_shows_its_rules_in_a_subgrid_of_the_rule_relationship_with_a_shipped_rule_view()
        {
            var form = Assert.Single(MainForms(ScoringModelTable.EntityName));

            AssertSubgrid(Assert.Single(form.Descendants("control"), control => (string?)control.Attribute("indicationOfSubgrid") == "true"), ScoringModelTable.EntityName, ScoringRuleTable.EntityName);
            Assert.All(new[] { "Thresholds", "Rules", "Version and approval", "Back-test of the proposal" }, section => Assert.Contains(section, SectionLabels(form)));
            Assert.Contains(ScoringModelTable.HeldOutAucAfter, Fields(form, "Back-test of the proposal"));
        }

        /// <summary>
        /// The agreement's holidays are rows (la_agreementholiday), shown on the agreement form as the scoring model shows its
        /// rules: a subgrid of the agreement-holiday relationship with the shipped "Active agreement holidays" view, in the
        /// export's subgrid shape (Apollo's apollo_MedicalTest form, as the class summary says).
        /// </summary>
        [Fact]
        public void The_agreement_form_shows_its_holidays_in_a_subgrid_of_the_holiday_relationship_with_the_shipped_holiday_view()
        {
            var form = Assert.Single(MainForms(AgreementTable.EntityName));

            var subgrid = Assert.Single(form.Descendants("control"), control => (string?)control.Attribute("indicationOfSubgrid") == "true");

            AssertSubgrid(subgrid, AgreementTable.EntityName, AgreementHolidayTable.EntityName);
            var view = Entity(AgreementHolidayTable.EntityName).Descendants("savedquery").Single(each => Guid.Parse((string)each.Element("savedqueryid")!) == Guid.Parse((string)subgrid.Element("parameters")!.Element("ViewId")!));
            Assert.Equal("Active agreement holidays", (string?)view.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description"));
            var order = Assert.Single(view.Descendants("order"));
            Assert.Equal(AgreementHolidayTable.Date, (string?)order.Attribute("attribute"));
            Assert.Equal("false", (string?)order.Attribute("descending"));
        }

        [Fact]
        public void The_holiday_form_gives_its_name_date_and_agreement_with_the_date_as_a_date_only_column()
        {
            var form = Assert.Single(MainForms(AgreementHolidayTable.EntityName));

            Assert.Equal(new[] { AgreementHolidayTable.Name, AgreementHolidayTable.Date, AgreementHolidayTable.AgreementId }, Fields(form, "Holiday"));
            Assert.All(form.Descendants("control"), control => Assert.Equal("false", (string?)control.Attribute("disabled")));
            Assert.True(Metadata.Value.Table(AgreementHolidayTable.EntityName)!.Column(AgreementHolidayTable.Date)!.DateOnly);
        }

        [Fact]
        public void The_stage_change_form_and_the_alignment_week_form_are_read_only_history()
        {
            foreach (var table in new[] { LeadStageChangeTable.EntityName, AlignmentWeekTable.EntityName })
            {
                var controls = Assert.Single(MainForms(table)).Descendants("control").ToList();

                Assert.NotEmpty(controls);
                Assert.All(controls, control => Assert.Equal("true", (string?)control.Attribute("disabled")));
            }
        }

        [Fact]
        public void The_feedback_form_lets_marketing_answer_and_shows_the_rejection_read_only()
        {
            var form = Assert.Single(MainForms(LeadFeedbackTable.EntityName));
            var controls = form.Descendants("control").ToDictionary(control => (string)control.Attribute("datafieldname")!, control => (string?)control.Attribute("disabled"));

            Assert.Equal("false", controls[LeadFeedbackTable.Response]);
            Assert.Equal("false", controls[LeadFeedbackTable.Outcome]);
            Assert.All(new[] { LeadFeedbackTable.LeadId, LeadFeedbackTable.Reason, LeadFeedbackTable.Notes, LeadFeedbackTable.DueOn, LeadFeedbackTable.Status }, field => Assert.Equal("true", controls[field]));
        }

        [Fact]
        public void The_app_module_lists_every_form_it_shows_and_the_rule_view()
        {
            var app = Packed.Value.Descendants("AppModule").Single();
            var listed = app.Descendants("AppModuleComponent").Where(component => (string?)component.Attribute("type") == "60").Select(component => Guid.Parse((string)component.Attribute("id")!)).ToHashSet();
            var views = app.Descendants("AppModuleComponent").Where(component => (string?)component.Attribute("type") == "26").Select(component => Guid.Parse((string)component.Attribute("id")!)).ToHashSet();
            var tables = app.Descendants("AppModuleComponent").Where(component => (string?)component.Attribute("type") == "1").Select(component => (string)component.Attribute("schemaName")!).ToHashSet();

            foreach (var table in CustomTableNames())
            {
                Assert.Contains(Guid.Parse((string)Assert.Single(MainForms(table)).Element("formid")!), listed);
                Assert.Contains(table, tables);
            }

            Assert.Contains(Guid.Parse((string)Entity(ScoringRuleTable.EntityName).Descendants("savedqueryid").Single()), views);
            Assert.Contains(Guid.Parse((string)Entity(AgreementHolidayTable.EntityName).Descendants("savedqueryid").Single()), views);
        }

        /// <summary>A subgrid of <paramref name="child"/> rows of the form's <paramref name="parent"/> row, with a public view of the child.</summary>
        private static void AssertSubgrid(XElement subgrid, string parent, string child)
        {
            var childViews = Entity(child).Descendants("savedquery")
                .Where(view => (string?)view.Element("querytype") == "0")
                .Select(view => Guid.Parse((string)view.Element("savedqueryid")!)).ToList();

            Assert.Equal(FormValidator.SubgridClassId, ((string)subgrid.Attribute("classid")!).ToUpperInvariant());
            var parameters = subgrid.Element("parameters")!;
            Assert.Equal(SubgridParameters, parameters.Elements().Select(element => element.Name.LocalName));
            var relationship = Metadata.Value.Relationship((string)parameters.Element("RelationshipName")!);
            Assert.NotNull(relationship);
            Assert.Equal(parent, relationship!.ReferencedEntity);
            Assert.Equal(child, relationship.ReferencingEntity, StringComparer.OrdinalIgnoreCase);
            Assert.Equal(child, (string)parameters.Element("TargetEntityType")!);
            Assert.Contains(Guid.Parse((string)parameters.Element("ViewId")!), childViews);
        }

        private static IReadOnlyList<XElement> MainForms(string table) =>
            Entity(table).Element("FormXml")?.Elements("forms").Where(forms => (string?)forms.Attribute("type") == "main").SelectMany(forms => forms.Elements("systemform")).ToList()
                ?? new List<XElement>();

        private static XElement Entity(string table) =>
            Packed.Value.Root!.Element("Entities")!.Elements("Entity").Single(entity => string.Equals((string?)entity.Element("Name"), table, StringComparison.OrdinalIgnoreCase));

        private static List<string> SectionLabels(XElement form) =>
            form.Descendants("section").Select(section => (string)section.Element("labels")!.Element("label")!.Attribute("description")!).ToList();

        private static XElement Section(XElement form, string sectionLabel) =>
            form.Descendants("section").Single(section => (string?)section.Element("labels")!.Element("label")!.Attribute("description") == sectionLabel);

        /// <summary>The columns the section's controls show (a subgrid shows none).</summary>
        private static List<string> Fields(XElement form, string sectionLabel) =>
            Section(form, sectionLabel).Descendants("control").Where(control => control.Attribute("datafieldname") != null)
                .Select(control => (string)control.Attribute("datafieldname")!).ToList();

        /// <summary>The columns whose description in Entity.xml says LeadAlign (a plug-in or a Custom API) writes them.</summary>
        private static HashSet<string> WrittenByLeadAlign(string table) =>
            Entity(table).Descendants("attribute")
                .Where(attribute => ((string?)attribute.Element("Descriptions")?.Element("Description")?.Attribute("description") ?? string.Empty) is var text
                    && (text.StartsWith("Set by LeadAlign", StringComparison.Ordinal) || text.Contains("Written by", StringComparison.Ordinal) || text.Contains("LeadAlign writes it", StringComparison.Ordinal)))
                .Select(attribute => (string)attribute.Element("LogicalName")!)
                .ToHashSet(StringComparer.Ordinal);

        private static XDocument Pack()
        {
            var output = Directory.CreateTempSubdirectory("leadalign-forms-").FullName;
            try
            {
                var zip = new SolutionPacker(RepositoryLayout.PathInRepo("Solution"), RepositoryLayout.PathInRepo("build", "schemas")).Pack(managed: true, SolutionCopy.Assemblies, output);
                using var archive = ZipFile.OpenRead(zip);
                using var stream = archive.GetEntry("customizations.xml")!.Open();
                return XDocument.Load(stream);
            }
            finally
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
