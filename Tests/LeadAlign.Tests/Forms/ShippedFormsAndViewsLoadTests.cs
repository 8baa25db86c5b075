using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using System.Xml.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Ui;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Forms
{
    /// <summary>
    /// Every form and view the solution ships opens in the in-memory Dataverse for the users whose shipped roles read its table,
    /// as the client opens them: a view runs its FetchXML as the user, a form retrieves its row with the form's columns and runs
    /// each subgrid's view kept to the row (InMemoryDataverse.OpenView and OpenForm). A column that does not exist, a link or
    /// relationship that does not hold, or a role that cannot read what it shows fails here as the platform's fault. Users whose
    /// roles do not read the table are refused with the platform's missing-privilege fault.
    /// </summary>
    public sealed class ShippedFormsAndViewsLoadTests
    {
        private const string ComputedColumns = "LeadAlign computed lead columns (read only)";

        private static readonly SolutionUi Shipped = SolutionUi.FromSolutionFolder(RepositoryLayout.PathInRepo("Solution"));

        private readonly LifecycleFixture _fixture = ShippedRoles.Organization();
        private readonly Guid _lead;
        private readonly Guid _holiday;

        public ShippedFormsAndViewsLoadTests()
        {
            // Given a campaign's lead handed off, accepted and rejected (its feedback, stage history and clocks), a marketing
            // interaction, a rep's alert, a closed alignment week and a holiday beside the shipped agreement and scoring model, in an
            // organization whose admin added sales and marketing to the computed-columns profile as the README asks.
            var org = _fixture.Org;
            var campaign = org.SystemService.Create(new Entity("campaign") { ["name"] = "Spring webinar", ["ownerid"] = new EntityReference("systemuser", org.AddUser("Carla Campaigns")) });
            var lead = LifecycleFixture.QualifiedLead("Novak");
            lead["campaignid"] = new EntityReference("campaign", campaign);
            _lead = org.As(_fixture.Marketer).Create(lead);
            var owner = _fixture.OwnerOf(_lead);
            org.As(_fixture.Marketer).Create(new Entity(MarketingInteractionTable.EntityName)
            {
                ["subject"] = "Requested a demo",
                [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.FormSubmission),
                ["regardingobjectid"] = new EntityReference(LeadTable.EntityName, _lead),
            });
            org.As(owner).Create(new Entity(LeadAlertTable.EntityName)
            {
                [LeadAlertTable.Name] = "Pricing visits",
                [LeadAlertTable.Scope] = new OptionSetValue((int)AlertScope.MyLeads),
                [LeadAlertTable.IsActive] = true,
                [LeadAlertTable.UrlContains] = "/pricing",
            });
            _fixture.SetStage(owner, _lead, LifecycleFixture.Sal);
            _fixture.SetStage(owner, _lead, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NoBudget) });
            org.Seed(new Entity(AlignmentWeekTable.EntityName, org.NewId())
            {
                [AlignmentWeekTable.Name] = "Week of 2026-01-05",
                [AlignmentWeekTable.AgreementId] = new EntityReference(AgreementTable.EntityName, LifecycleFixture.AgreementId),
            });
            _holiday = org.As(_fixture.Admin).Create(new Entity(AgreementHolidayTable.EntityName)
            {
                [AgreementHolidayTable.Name] = "Boxing Day",
                [AgreementHolidayTable.Date] = new DateTime(2026, 12, 26, 0, 0, 0, DateTimeKind.Utc),
                [AgreementHolidayTable.AgreementId] = new EntityReference(AgreementTable.EntityName, LifecycleFixture.AgreementId),
            });
            org.DrainAsync();
            foreach (var user in _fixture.Reps.Append(_fixture.Marketer))
            {
                org.AddFieldSecurityProfileMember(ComputedColumns, user);
            }
        }

        public static TheoryData<string> Views() => Names(Shipped.Views.Select(view => view.Table + ": " + view.Name));

        public static TheoryData<string> Forms() => Names(Shipped.Forms.Select(form => form.Table + ": " + form.Name));

        private InMemoryDataverse Org => _fixture.Org;

        [Fact]
        public void Every_leadalign_table_and_the_lead_have_a_form_to_open_and_the_views_cover_rules_feedback_alerts_weeks_and_leads()
        {
            var metadata = MetadataCatalog.ForSolution(RepositoryLayout.PathInRepo("Solution"));
            var custom = metadata.Tables.Where(table => table.IsCustom).Select(table => table.Name);

            Assert.Equal(custom.Append(LeadTable.EntityName).OrderBy(table => table, StringComparer.Ordinal), Shipped.Forms.Select(form => form.Table).OrderBy(table => table, StringComparer.Ordinal));
            Assert.Subset(Shipped.Views.Select(view => view.Table).ToHashSet(), new[] { ScoringRuleTable.EntityName, LeadFeedbackTable.EntityName, LeadAlertTable.EntityName, AlignmentWeekTable.EntityName, LeadTable.EntityName }.ToHashSet());
        }

        [Theory]
        [MemberData(nameof(Views))]
        public void Every_view_opens_for_each_role_that_reads_its_table_and_shows_only_columns_its_query_reads(string name)
        {
            var view = Shipped.Views.Single(candidate => candidate.Table + ": " + candidate.Name == name);
            var read = ReadersOf(view.Table);

            foreach (var (user, role) in Users())
            {
                if (read.Contains(role))
                {
                    var rows = Org.OpenView(user, view.Id);
                    Assert.All(rows.Entities, row => Assert.Equal(view.Table, row.LogicalName));
                }
                else
                {
                    Assert.Throws<FaultException<OrganizationServiceFault>>(() => Org.OpenView(user, view.Id));
                }
            }

            Assert.NotEmpty(read);
            Assert.All(view.LayoutColumns, column => Assert.Contains(column, QueriedColumns(view.FetchXml)));
        }

        [Theory]
        [MemberData(nameof(Forms))]
        public void Every_form_opens_on_a_row_for_each_role_that_reads_its_table_with_its_columns_and_subgrids(string name)
        {
            var form = Shipped.Forms.Single(candidate => candidate.Table + ": " + candidate.Name == name);
            var row = form.Table == LeadTable.EntityName ? _lead : Assert.Single(Org.All(form.Table).Take(1)).Id;
            var read = ReadersOf(form.Table);

            foreach (var (user, role) in Users())
            {
                if (read.Contains(role))
                {
                    var opened = Org.OpenForm(user, form.Id, row);
                    Assert.Equal(row, opened.Row.Id);
                    Assert.All(opened.Row.Attributes.Keys.Where(column => column != Org.Metadata.Table(form.Table)!.PrimaryId), column => Assert.Contains(column, form.Columns));
                    Assert.Equal(form.Subgrids.Select(subgrid => subgrid.Id), opened.Subgrids.Keys);
                }
                else
                {
                    Assert.Throws<FaultException<OrganizationServiceFault>>(() => Org.OpenForm(user, form.Id, row));
                }
            }

            Assert.NotEmpty(read);
        }

        [Fact]
        public void The_scoring_model_form_lists_exactly_the_models_active_rules()
        {
            var form = Shipped.Forms.Single(candidate => candidate.Table == ScoringModelTable.EntityName);
            var model = Org.All(ScoringModelTable.EntityName).First();
            var active = Org.All(ScoringRuleTable.EntityName)
                .Where(rule => rule.GetAttributeValue<EntityReference>(ScoringRuleTable.ScoringModelId)?.Id == model.Id && rule.GetAttributeValue<OptionSetValue>("statecode").Value == 0)
                .Select(rule => rule.Id).OrderBy(id => id).ToList();

            var opened = Org.OpenForm(_fixture.Admin, form.Id, model.Id);

            Assert.NotEmpty(active);
            Assert.Equal(active, Assert.Single(opened.Subgrids.Values).Entities.Select(rule => rule.Id).OrderBy(id => id));
        }

        [Fact]
        public void The_agreement_form_lists_its_holidays_for_a_rep_and_the_admin()
        {
            var form = Shipped.Forms.Single(candidate => candidate.Table == AgreementTable.EntityName);

            var asRep = Org.OpenForm(_fixture.Reps[0], form.Id, LifecycleFixture.AgreementId);
            var asAdmin = Org.OpenForm(_fixture.Admin, form.Id, LifecycleFixture.AgreementId);

            Assert.Equal(new[] { _holiday }, Assert.Single(asRep.Subgrids.Values).Entities.Select(row => row.Id));
            Assert.Equal(new[] { _holiday }, Assert.Single(asAdmin.Subgrids.Values).Entities.Select(row => row.Id));
        }

        [Fact]
        public void The_lead_form_opens_with_both_clocks_its_timers_count_down_to_and_the_stage_they_test()
        {
            var form = Shipped.Forms.Single(candidate => candidate.Table == LeadTable.EntityName);
            var owner = _fixture.OwnerOf(_lead);

            var opened = Org.OpenForm(owner, form.Id, _lead);

            Assert.Contains(LeadTable.AcceptByKpiId, form.Columns);
            Assert.Contains(LeadTable.FirstContactByKpiId, form.Columns);
            Assert.Equal(SlaKpiInstanceTable.EntityName, opened.Row.GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId).LogicalName);
            Assert.Equal(LifecycleFixture.Rejected, opened.Row.GetAttributeValue<OptionSetValue>(LeadTable.Stage).Value);
        }

        [Fact]
        public void Outside_the_computed_columns_profile_the_lead_form_opens_without_the_clocks_and_the_score()
        {
            var form = Shipped.Forms.Single(candidate => candidate.Table == LeadTable.EntityName);
            var outsider = Org.AddUser("Rita Outside");
            Org.AssignRole(outsider, ShippedRoles.BaseRole);
            Org.AssignRole(outsider, ShippedRoles.SalesRep);

            var opened = Org.OpenForm(outsider, form.Id, _lead);

            Assert.Equal(Org.Get(LeadTable.EntityName, _lead)!.GetAttributeValue<string>("companyname"), opened.Row.GetAttributeValue<string>("companyname"));
            Assert.NotNull(opened.Row.GetAttributeValue<string>("companyname"));
            Assert.False(opened.Row.Contains(LeadTable.AcceptByKpiId));
            Assert.False(opened.Row.Contains(LeadTable.Score));
            Assert.NotNull(Org.Get(LeadTable.EntityName, _lead)![LeadTable.AcceptByKpiId]);
        }

        private static TheoryData<string> Names(IEnumerable<string> names)
        {
            var data = new TheoryData<string>();
            foreach (var name in names)
            {
                data.Add(name);
            }

            return data;
        }

        /// <summary>The columns a FetchXML reads, as a grid's layout names them (a linked table's as alias.column).</summary>
        private static HashSet<string> QueriedColumns(string fetchXml)
        {
            var entity = XDocument.Parse(fetchXml).Root!.Element("entity")!;
            var columns = entity.Elements("attribute").Select(attribute => (string)attribute.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
            foreach (var link in entity.Descendants("link-entity"))
            {
                columns.UnionWith(link.Elements("attribute").Select(attribute => (string?)link.Attribute("alias") + "." + (string)attribute.Attribute("name")!));
            }

            return columns;
        }

        /// <summary>The shipped roles granting Read on <paramref name="table"/> (its read privilege, from the metadata, at any depth).</summary>
        private static HashSet<string> ReadersOf(string table)
        {
            var metadata = MetadataCatalog.ForSolution(RepositoryLayout.PathInRepo("Solution"));
            var privilege = metadata.PrivilegesOf(table).Single(candidate => candidate.AccessRight == AccessRight.Read).Name;
            return LeadAlign.Dataverse.Security.SecurityRole.FromSolutionFolder(RepositoryLayout.PathInRepo("Solution"))
                .Where(role => role.Privileges.ContainsKey(privilege))
                .Select(role => role.Name)
                .ToHashSet(StringComparer.Ordinal);
        }

        private IEnumerable<(Guid User, string Role)> Users() => new[]
        {
            (_fixture.OwnerOf(_lead), ShippedRoles.SalesRep),
            (_fixture.Marketer, ShippedRoles.MarketingUser),
            (_fixture.Admin, ShippedRoles.Administrator),
        };
    }
}
