using System;
using System.Collections.Generic;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Scoring
{
    /// <summary>Every fit operator against every column type that accepts it, as a fit rule evaluates a lead.</summary>
    public sealed class FitEvaluatorTests
    {
        private static readonly Guid Campaign = new("11111111-1111-4111-8111-111111111111");
        private static readonly Guid OtherCampaign = new("22222222-2222-4222-8222-222222222222");

        private static readonly Entity Lead = new("lead")
        {
            ["jobtitle"] = "Director of Sales",
            ["description"] = "Asked about pricing for 40 seats",
            ["numberofemployees"] = 250,
            ["exchangerate"] = 1.25m,
            ["revenue"] = new Money(12_000_000m),
            ["estimatedclosedate"] = new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc),
            ["decisionmaker"] = true,
            ["industrycode"] = new OptionSetValue(7),
            ["campaignid"] = new EntityReference("campaign", Campaign),
            ["telephone1"] = "   ",
            ["versionnumber"] = 5000L,
            ["latitude"] = 48.85,
            ["statecode"] = new OptionSetValue(0),
            ["statuscode"] = new OptionSetValue(2),
            ["customerid"] = new EntityReference("account", Campaign),
            ["ownerid"] = new EntityReference("systemuser", OtherCampaign),
            ["leadid"] = OtherCampaign,
        };

        public static TheoryData<string, string, int, string?, bool> Cases => new()
        {
            { "jobtitle", "String", (int)FitOperator.Equals, "director of sales", true },
            { "jobtitle", "String", (int)FitOperator.NotEquals, "Director", true },
            { "jobtitle", "String", (int)FitOperator.InList, "CEO;Director of Sales", true },
            { "jobtitle", "String", (int)FitOperator.Contains, "vp;director", true },
            { "jobtitle", "String", (int)FitOperator.BeginsWith, "Sales", false },
            { "jobtitle", "String", (int)FitOperator.HasValue, null, true },
            { "jobtitle", "String", (int)FitOperator.IsEmpty, null, false },
            { "telephone1", "String", (int)FitOperator.IsEmpty, null, true },
            { "description", "Memo", (int)FitOperator.Contains, "pricing", true },
            { "description", "Memo", (int)FitOperator.BeginsWith, "asked", true },
            { "numberofemployees", "Integer", (int)FitOperator.Equals, "250", true },
            { "numberofemployees", "Integer", (int)FitOperator.NotEquals, "250", false },
            { "numberofemployees", "Integer", (int)FitOperator.InList, "10;250", true },
            { "numberofemployees", "Integer", (int)FitOperator.GreaterThan, "250", false },
            { "numberofemployees", "Integer", (int)FitOperator.GreaterThan, "249", true },
            { "numberofemployees", "Integer", (int)FitOperator.LessThan, "251", true },
            { "numberofemployees", "Integer", (int)FitOperator.Between, "250;500", true },
            { "numberofemployees", "Integer", (int)FitOperator.Between, "251;500", false },
            { "exchangerate", "Decimal", (int)FitOperator.GreaterThan, "1.2", true },
            { "exchangerate", "Decimal", (int)FitOperator.Equals, "1.25", true },
            { "revenue", "Money", (int)FitOperator.GreaterThan, "9999999", true },
            { "revenue", "Money", (int)FitOperator.Between, "1000000;5000000", false },
            { "revenue", "Money", (int)FitOperator.LessThan, "12000000", false },
            { "estimatedclosedate", "DateTime", (int)FitOperator.LessThan, "2026-04-01", true },
            { "estimatedclosedate", "DateTime", (int)FitOperator.Between, "2026-01-01;2026-03-31", true },
            { "estimatedclosedate", "DateTime", (int)FitOperator.Equals, "2026-03-31T00:00:00Z", true },
            { "decisionmaker", "Boolean", (int)FitOperator.Equals, "true", true },
            { "decisionmaker", "Boolean", (int)FitOperator.NotEquals, "true", false },
            { "industrycode", "Picklist", (int)FitOperator.Equals, "7", true },
            { "industrycode", "Picklist", (int)FitOperator.InList, "16;20", false },
            { "industrycode", "Picklist", (int)FitOperator.NotEquals, "16", true },
            { "campaignid", "Lookup", (int)FitOperator.Equals, "11111111-1111-4111-8111-111111111111", true },
            { "campaignid", "Lookup", (int)FitOperator.InList, "22222222-2222-4222-8222-222222222222", false },
            { "campaignid", "Lookup", (int)FitOperator.HasValue, null, true },
            { "parentaccountid", "Lookup", (int)FitOperator.IsEmpty, null, true },
            { "versionnumber", "BigInt", (int)FitOperator.GreaterThan, "1000", true },
            { "versionnumber", "BigInt", (int)FitOperator.InList, "1;5000", true },
            { "latitude", "Double", (int)FitOperator.Between, "48;49", true },
            { "statecode", "State", (int)FitOperator.Equals, "0", true },
            { "statuscode", "Status", (int)FitOperator.InList, "1;2", true },
            { "customerid", "Customer", (int)FitOperator.Equals, "11111111-1111-4111-8111-111111111111", true },
            { "ownerid", "Owner", (int)FitOperator.NotEquals, "11111111-1111-4111-8111-111111111111", true },
            { "leadid", "Uniqueidentifier", (int)FitOperator.HasValue, null, true },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void A_fit_rule_matches_the_lead_as_its_operator_says(string column, string type, int op, string? value, bool expected)
        {
            var rule = new ScoringRule(Guid.NewGuid(), "rule", ScoreCategory.Fit, 10, null) { Column = column, ColumnType = type, Operator = (FitOperator)op, NormalizedValue = value };

            Assert.Equal(expected, FitEvaluator.Matches(rule, Lead));
        }

        [Theory]
        [InlineData("jobtitle", (int)FitOperator.NotEquals)]
        [InlineData("numberofemployees", (int)FitOperator.GreaterThan)]
        [InlineData("campaignid", (int)FitOperator.NotEquals)]
        public void An_empty_column_matches_no_comparison_not_even_not_equals(string column, int op)
        {
            var rule = new ScoringRule(Guid.NewGuid(), "rule", ScoreCategory.Fit, 10, null) { Column = column, ColumnType = column == "jobtitle" ? "String" : column == "campaignid" ? "Lookup" : "Integer", Operator = (FitOperator)op, NormalizedValue = column == "campaignid" ? OtherCampaign.ToString() : "1" };

            Assert.False(FitEvaluator.Matches(rule, new Entity("lead")));
        }

        [Theory]
        [InlineData("numberofemployees", "Integer", (int)FitOperator.Contains, "5")]
        [InlineData("numberofemployees", "Integer", (int)FitOperator.GreaterThan, "many")]
        [InlineData("jobtitle", "Integer", (int)FitOperator.GreaterThan, "5")]
        [InlineData("numberofemployees", "Integer", (int)FitOperator.Between, "5")]
        [InlineData("jobtitle", null, (int)FitOperator.Equals, "x")]
        public void A_rule_that_no_longer_fits_its_column_is_stale(string column, string? type, int op, string value)
        {
            var rule = new ScoringRule(Guid.NewGuid(), "rule", ScoreCategory.Fit, 10, null) { Column = column, ColumnType = type, Operator = (FitOperator)op, NormalizedValue = value };

            Assert.Throws<StaleRuleException>(() => FitEvaluator.Matches(rule, Lead));
        }

        [Fact]
        public void Every_operator_is_accepted_by_some_column_type_and_text_operators_only_by_text()
        {
            var accepted = new HashSet<FitOperator>();
            foreach (var pair in FitEvaluator.OperatorsByType)
            {
                accepted.UnionWith(pair.Value);
                if (pair.Key != "String" && pair.Key != "Memo")
                {
                    Assert.DoesNotContain(FitOperator.Contains, pair.Value);
                    Assert.DoesNotContain(FitOperator.BeginsWith, pair.Value);
                }
            }

            Assert.Equal(Enum.GetValues<FitOperator>().Length, accepted.Count);
        }
    }
}
