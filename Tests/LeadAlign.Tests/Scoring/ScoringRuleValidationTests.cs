using System;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Scoring
{
    /// <summary>Rules an admin saves are refused when they could never score, with a message that says what to fix.</summary>
    public sealed class ScoringRuleValidationTests
    {
        private const int Fit = (int)ScoreCategory.Fit;
        private const int Engagement = (int)ScoreCategory.Engagement;
        private readonly InMemoryDataverse _org = LeadAlignOrganization.Start();
        private readonly Guid _model = new("1ead5c0e-a000-4000-8000-000000000001");

        private Entity FitRule(string column, int op, string? value) => new(ScoringRuleTable.EntityName)
        {
            [ScoringRuleTable.Name] = "Test rule",
            [ScoringRuleTable.ScoringModelId] = new EntityReference(ScoringModelTable.EntityName, _model),
            [ScoringRuleTable.Category] = new OptionSetValue(Fit),
            [ScoringRuleTable.Points] = 10,
            [ScoringRuleTable.IsActive] = true,
            [ScoringRuleTable.Column] = column,
            [ScoringRuleTable.Operator] = new OptionSetValue(op),
            [ScoringRuleTable.Value] = value,
        };

        [Fact]
        public void A_fit_rule_on_a_column_lead_does_not_have_is_refused()
        {
            var fault = TestOrganization.Fault(() => _org.SystemService.Create(FitRule("la_shoesize", (int)FitOperator.Equals, "42")));

            Assert.Equal("Fit rule 'Test rule': lead has no column 'la_shoesize'. Give the column's display name or logical name as the Lead columns list shows it, for example Job Title or jobtitle.", fault.Message);
        }

        [Fact]
        public void A_fit_rule_may_name_its_lead_column_by_display_name_and_saves_the_logical_name()
        {
            // The rule form shows "Lead column" as text: an admin types the name the lead form and the column pickers show.
            var id = _org.SystemService.Create(FitRule(" Territory ", (int)FitOperator.Equals, "EMEA"));

            var rule = _org.Get(ScoringRuleTable.EntityName, id)!;
            Assert.Equal(LeadTable.Territory, rule.GetAttributeValue<string>(ScoringRuleTable.Column));
            Assert.Equal("String", rule.GetAttributeValue<string>(ScoringRuleTable.ColumnType));
            Assert.Equal("EMEA", rule.GetAttributeValue<string>(ScoringRuleTable.NormalizedValue));
        }

        [Fact]
        public void An_operator_the_column_type_cannot_take_is_refused_with_the_operators_it_can()
        {
            var fault = TestOrganization.Fault(() => _org.SystemService.Create(FitRule("numberofemployees", (int)FitOperator.Contains, "5")));

            Assert.Contains("a Integer column such as 'numberofemployees' cannot be compared with 'contains'", fault.Message);
            Assert.Contains("greater than", fault.Message);
        }

        [Theory]
        [InlineData("numberofemployees", (int)FitOperator.GreaterThan, "many", "'many' is not a whole number")]
        [InlineData("numberofemployees", (int)FitOperator.Between, "50", "'between' needs two values")]
        [InlineData("revenue", (int)FitOperator.GreaterThan, "1;2", "compares with one value")]
        [InlineData("industrycode", (int)FitOperator.Equals, "Space travel", "'Space travel' is not a choice of industrycode")]
        [InlineData("jobtitle", (int)FitOperator.Equals, null, "give the value(s) to compare jobtitle with")]
        public void A_value_that_does_not_parse_for_the_column_is_refused(string column, int op, string? value, string message)
        {
            var fault = TestOrganization.Fault(() => _org.SystemService.Create(FitRule(column, op, value)));

            Assert.Contains(message, fault.Message);
            Assert.DoesNotContain(_org.All(ScoringRuleTable.EntityName), rule => rule.GetAttributeValue<string>(ScoringRuleTable.Name) == "Test rule");
        }

        [Fact]
        public void Choices_are_matched_by_label_or_value_and_saved_as_values()
        {
            var id = _org.SystemService.Create(FitRule("leadsourcecode", (int)FitOperator.InList, "partner; 8 ;Trade Show"));

            var rule = _org.Get(ScoringRuleTable.EntityName, id)!;
            Assert.Equal("4;8;7", rule.GetAttributeValue<string>(ScoringRuleTable.NormalizedValue));
            Assert.Equal("Picklist", rule.GetAttributeValue<string>(ScoringRuleTable.ColumnType));
        }

        [Fact]
        public void Changing_a_saved_rule_is_validated_against_the_rule_as_it_will_be()
        {
            var id = _org.SystemService.Create(FitRule("numberofemployees", (int)FitOperator.GreaterThan, "100"));

            var fault = TestOrganization.Fault(() => _org.SystemService.Update(new Entity(ScoringRuleTable.EntityName, id) { [ScoringRuleTable.Value] = "lots" }));
            _org.SystemService.Update(new Entity(ScoringRuleTable.EntityName, id) { [ScoringRuleTable.Value] = "1000" });

            Assert.Contains("'lots' is not a whole number", fault.Message);
            Assert.Equal("1000", _org.Get(ScoringRuleTable.EntityName, id)!.GetAttributeValue<string>(ScoringRuleTable.NormalizedValue));
        }

        [Fact]
        public void An_engagement_rule_needs_its_activity_kind_and_only_emails_and_calls_have_a_direction()
        {
            var noKind = new Entity(ScoringRuleTable.EntityName) { [ScoringRuleTable.Name] = "Engaged", [ScoringRuleTable.Category] = new OptionSetValue(Engagement), [ScoringRuleTable.Points] = 5 };
            var taskWithDirection = new Entity(ScoringRuleTable.EntityName) { [ScoringRuleTable.Name] = "Task done", [ScoringRuleTable.Category] = new OptionSetValue(Engagement), [ScoringRuleTable.Points] = 5, [ScoringRuleTable.ActivityKind] = new OptionSetValue((int)ActivityKind.Task), [ScoringRuleTable.Direction] = new OptionSetValue((int)ActivityDirection.Incoming) };

            var missing = TestOrganization.Fault(() => _org.SystemService.Create(noKind));
            var direction = TestOrganization.Fault(() => _org.SystemService.Create(taskWithDirection));

            Assert.Contains("needs the activity kind", missing.Message);
            Assert.Contains("only emails and phone calls have a direction", direction.Message);
        }
    }
}
