using System;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Scoring
{
    /// <summary>Rules an admin saves are refused when they could never score, with a message that says what to fix.</summary>
    public sealed class ScoringRuleValidationTests
    {
        private const int Fit = 412500000;
        private const int Engagement = 412500001;
        private readonly InMemoryDataverse _org = LeadAlignOrganization.Start();
        private readonly Guid _model = new("1ead5c0e-a000-4000-8000-000000000001");

        private Entity FitRule(string column, int op, string? value) => new("la_scoringrule")
        {
            ["la_name"] = "Test rule",
            ["la_scoringmodelid"] = new EntityReference("la_scoringmodel", _model),
            ["la_category"] = new OptionSetValue(Fit),
            ["la_points"] = 10,
            ["la_isactive"] = true,
            ["la_column"] = column,
            ["la_operator"] = new OptionSetValue(op),
            ["la_value"] = value,
        };

        [Fact]
        public void A_fit_rule_on_a_column_lead_does_not_have_is_refused()
        {
            var fault = TestOrganization.Fault(() => _org.SystemService.Create(FitRule("la_shoesize", 412500000, "42")));

            Assert.Equal("Fit rule 'Test rule': lead has no column 'la_shoesize'. Give the column's logical name as the Lead columns list shows it, for example jobtitle or numberofemployees.", fault.Message);
        }

        [Fact]
        public void An_operator_the_column_type_cannot_take_is_refused_with_the_operators_it_can()
        {
            var fault = TestOrganization.Fault(() => _org.SystemService.Create(FitRule("numberofemployees", 412500003, "5")));

            Assert.Contains("a Integer column such as 'numberofemployees' cannot be compared with 'contains'", fault.Message);
            Assert.Contains("greater than", fault.Message);
        }

        [Theory]
        [InlineData("numberofemployees", 412500005, "many", "'many' is not a whole number")]
        [InlineData("numberofemployees", 412500007, "50", "'between' needs two values")]
        [InlineData("revenue", 412500005, "1;2", "compares with one value")]
        [InlineData("industrycode", 412500000, "Space travel", "'Space travel' is not a choice of industrycode")]
        [InlineData("jobtitle", 412500000, null, "give the value(s) to compare jobtitle with")]
        public void A_value_that_does_not_parse_for_the_column_is_refused(string column, int op, string? value, string message)
        {
            var fault = TestOrganization.Fault(() => _org.SystemService.Create(FitRule(column, op, value)));

            Assert.Contains(message, fault.Message);
            Assert.DoesNotContain(_org.All("la_scoringrule"), rule => rule.GetAttributeValue<string>("la_name") == "Test rule");
        }

        [Fact]
        public void Choices_are_matched_by_label_or_value_and_saved_as_values()
        {
            var id = _org.SystemService.Create(FitRule("leadsourcecode", 412500002, "partner; 8 ;Trade Show"));

            var rule = _org.Get("la_scoringrule", id)!;
            Assert.Equal("4;8;7", rule.GetAttributeValue<string>("la_normalizedvalue"));
            Assert.Equal("Picklist", rule.GetAttributeValue<string>("la_columntype"));
        }

        [Fact]
        public void Changing_a_saved_rule_is_validated_against_the_rule_as_it_will_be()
        {
            var id = _org.SystemService.Create(FitRule("numberofemployees", 412500005, "100"));

            var fault = TestOrganization.Fault(() => _org.SystemService.Update(new Entity("la_scoringrule", id) { ["la_value"] = "lots" }));
            _org.SystemService.Update(new Entity("la_scoringrule", id) { ["la_value"] = "1000" });

            Assert.Contains("'lots' is not a whole number", fault.Message);
            Assert.Equal("1000", _org.Get("la_scoringrule", id)!.GetAttributeValue<string>("la_normalizedvalue"));
        }

        [Fact]
        public void An_engagement_rule_needs_its_activity_kind_and_only_emails_and_calls_have_a_direction()
        {
            var noKind = new Entity("la_scoringrule") { ["la_name"] = "Engaged", ["la_category"] = new OptionSetValue(Engagement), ["la_points"] = 5 };
            var taskWithDirection = new Entity("la_scoringrule") { ["la_name"] = "Task done", ["la_category"] = new OptionSetValue(Engagement), ["la_points"] = 5, ["la_activitykind"] = new OptionSetValue(412500003), ["la_direction"] = new OptionSetValue(412500001) };

            var missing = TestOrganization.Fault(() => _org.SystemService.Create(noKind));
            var direction = TestOrganization.Fault(() => _org.SystemService.Create(taskWithDirection));

            Assert.Contains("needs the activity kind", missing.Message);
            Assert.Contains("only emails and phone calls have a direction", direction.Message);
        }
    }
}
