using System;
using LeadAlign.Dataverse.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse
{
    /// <summary>Each condition operator the suite and its views use, evaluated as Dataverse evaluates it.</summary>
    public class ConditionEvaluatorTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 18, 15, 30, 0, DateTimeKind.Utc);
        private static readonly Guid Caller = new Guid("00000000-0000-0000-0000-0000000000a1");
        private static readonly Guid Campaign = new Guid("00000000-0000-0000-0000-0000000000c1");

        private readonly ConditionEvaluator _evaluator = new ConditionEvaluator(() => Now, Caller);

        private static readonly Entity Lead = new Entity("lead", Guid.NewGuid())
        {
            ["jobtitle"] = "Director of Sales",
            ["companyname"] = "Contoso 100%",
            ["numberofemployees"] = 250,
            ["revenue"] = new Money(1_500_000m),
            ["leadsourcecode"] = new OptionSetValue(8),
            ["campaignid"] = new EntityReference("campaign", Campaign),
            ["ownerid"] = new EntityReference("systemuser", Caller),
            ["createdon"] = Now.AddHours(-5),
            ["la_handoffon"] = Now.AddDays(-3),
            ["donotemail"] = false,
            ["telephone1"] = null,
        };

        [Theory]
        [InlineData("jobtitle", ConditionOperator.Equal, "director of sales", true)]
        [InlineData("jobtitle", ConditionOperator.Equal, "Director", false)]
        [InlineData("jobtitle", ConditionOperator.NotEqual, "Director", true)]
        [InlineData("numberofemployees", ConditionOperator.GreaterThan, 250, false)]
        [InlineData("numberofemployees", ConditionOperator.GreaterEqual, 250, true)]
        [InlineData("numberofemployees", ConditionOperator.LessThan, 251, true)]
        [InlineData("numberofemployees", ConditionOperator.LessEqual, 249, false)]
        [InlineData("revenue", ConditionOperator.GreaterThan, 1_000_000, true)]
        [InlineData("leadsourcecode", ConditionOperator.Equal, 8, true)]
        [InlineData("donotemail", ConditionOperator.Equal, false, true)]
        [InlineData("jobtitle", ConditionOperator.Like, "%of%", true)]
        [InlineData("jobtitle", ConditionOperator.Like, "Director_of%", true)]
        [InlineData("jobtitle", ConditionOperator.NotLike, "%CEO%", true)]
        [InlineData("jobtitle", ConditionOperator.BeginsWith, "direct", true)]
        [InlineData("jobtitle", ConditionOperator.DoesNotBeginWith, "direct", false)]
        [InlineData("jobtitle", ConditionOperator.EndsWith, "SALES", true)]
        [InlineData("jobtitle", ConditionOperator.DoesNotEndWith, "Sales", false)]
        [InlineData("jobtitle", ConditionOperator.Contains, "of Sal", true)]
        [InlineData("jobtitle", ConditionOperator.DoesNotContain, "Marketing", true)]
        [InlineData("companyname", ConditionOperator.EndsWith, "100%", true)]
        [InlineData("companyname", ConditionOperator.Contains, "0_", false)]
        public void A_single_value_condition_matches_as_dataverse_does(string column, ConditionOperator op, object value, bool expected)
        {
            Assert.Equal(expected, _evaluator.Matches(Lead, new ConditionExpression(column, op, value)));
        }

        [Fact]
        public void A_lookup_is_compared_by_its_id()
        {
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("campaignid", ConditionOperator.Equal, Campaign)));
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("campaignid", ConditionOperator.Equal, Campaign.ToString())));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("campaignid", ConditionOperator.Equal, Guid.NewGuid())));
        }

        [Fact]
        public void In_and_NotIn_match_any_or_none_of_the_values()
        {
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("leadsourcecode", ConditionOperator.In, 1, 8, 9)));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("leadsourcecode", ConditionOperator.In, 1, 2)));
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("leadsourcecode", ConditionOperator.NotIn, 1, 2)));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("leadsourcecode", ConditionOperator.NotIn, 8)));
        }

        [Fact]
        public void A_null_or_missing_column_matches_Null_and_no_negation()
        {
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("telephone1", ConditionOperator.Null)));
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("mobilephone", ConditionOperator.Null)));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("telephone1", ConditionOperator.NotNull)));
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("jobtitle", ConditionOperator.NotNull)));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("telephone1", ConditionOperator.NotEqual, "555")));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("telephone1", ConditionOperator.NotIn, "555")));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("telephone1", ConditionOperator.NotLike, "5%")));
        }

        [Fact]
        public void Between_is_inclusive_at_both_ends()
        {
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("numberofemployees", ConditionOperator.Between, 100, 250)));
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("numberofemployees", ConditionOperator.Between, 250, 500)));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("numberofemployees", ConditionOperator.Between, 251, 500)));
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("numberofemployees", ConditionOperator.NotBetween, 251, 500)));
        }

        [Fact]
        public void Date_operators_compare_dates_in_utc()
        {
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("createdon", ConditionOperator.On, Now.Date)));
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("createdon", ConditionOperator.OnOrAfter, Now.Date)));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("la_handoffon", ConditionOperator.OnOrAfter, Now.Date)));
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("la_handoffon", ConditionOperator.OnOrBefore, Now.Date.AddDays(-3))));
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("createdon", ConditionOperator.LastXHours, 6)));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("createdon", ConditionOperator.LastXHours, 4)));
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("la_handoffon", ConditionOperator.LastXDays, 3)));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("la_handoffon", ConditionOperator.LastXDays, 2)));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("createdon", ConditionOperator.NextXDays, 2)));
            Assert.True(_evaluator.Matches(new Entity("task") { ["scheduledend"] = Now.AddDays(2).Date.AddHours(23) }, new ConditionExpression("scheduledend", ConditionOperator.NextXDays, 2)));
        }

        [Fact]
        public void The_relative_date_operators_count_from_the_clock()
        {
            var yesterdayEvening = new Entity("task") { ["scheduledend"] = Now.Date.AddHours(-4) };
            var tomorrowMorning = new Entity("task") { ["scheduledend"] = Now.Date.AddDays(1).AddHours(8) };
            var inThreeHours = new Entity("task") { ["scheduledend"] = Now.AddHours(3) };

            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("createdon", ConditionOperator.Today)));
            Assert.False(_evaluator.Matches(yesterdayEvening, new ConditionExpression("scheduledend", ConditionOperator.Today)));
            Assert.True(_evaluator.Matches(yesterdayEvening, new ConditionExpression("scheduledend", ConditionOperator.Yesterday)));
            Assert.True(_evaluator.Matches(tomorrowMorning, new ConditionExpression("scheduledend", ConditionOperator.Tomorrow)));
            Assert.False(_evaluator.Matches(inThreeHours, new ConditionExpression("scheduledend", ConditionOperator.Tomorrow)));
            Assert.True(_evaluator.Matches(inThreeHours, new ConditionExpression("scheduledend", ConditionOperator.NextXHours, 3)));
            Assert.False(_evaluator.Matches(inThreeHours, new ConditionExpression("scheduledend", ConditionOperator.NextXHours, 2)));
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("la_handoffon", ConditionOperator.OlderThanXDays, 2)));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("la_handoffon", ConditionOperator.OlderThanXDays, 4)));
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("createdon", ConditionOperator.OlderThanXHours, 4)));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("createdon", ConditionOperator.OlderThanXHours, 6)));
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("la_handoffon", ConditionOperator.NotOn, Now.Date)));
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("createdon", ConditionOperator.NotOn, Now.Date)));
        }

        [Fact]
        public void NotEqualUserId_matches_rows_of_other_users_but_never_an_empty_owner()
        {
            Assert.False(_evaluator.Matches(Lead, new ConditionExpression("ownerid", ConditionOperator.NotEqualUserId)));
            Assert.True(new ConditionEvaluator(() => Now, Guid.NewGuid()).Matches(Lead, new ConditionExpression("ownerid", ConditionOperator.NotEqualUserId)));
            Assert.False(_evaluator.Matches(new Entity("lead"), new ConditionExpression("ownerid", ConditionOperator.NotEqualUserId)));
        }

        [Fact]
        public void EqualUserId_matches_the_calling_user()
        {
            Assert.True(_evaluator.Matches(Lead, new ConditionExpression("ownerid", ConditionOperator.EqualUserId)));
            Assert.False(new ConditionEvaluator(() => Now, Guid.NewGuid()).Matches(Lead, new ConditionExpression("ownerid", ConditionOperator.EqualUserId)));
        }

        [Fact]
        public void Nested_and_or_filters_combine_their_clauses()
        {
            var filter = new FilterExpression(LogicalOperator.And);
            filter.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 100);
            var either = filter.AddFilter(LogicalOperator.Or);
            either.AddCondition("jobtitle", ConditionOperator.Like, "%CEO%");
            either.AddCondition("leadsourcecode", ConditionOperator.Equal, 8);

            Assert.True(_evaluator.Matches(Lead, filter));
            either.Conditions[1].Values[0] = 9;
            Assert.False(_evaluator.Matches(Lead, filter));
            Assert.True(_evaluator.Matches(Lead, new FilterExpression(LogicalOperator.Or)));
        }

        [Fact]
        public void A_condition_on_a_linked_table_reads_the_aliased_column()
        {
            var row = new Entity("lead") { ["c.name"] = new AliasedValue("campaign", "name", "Webinar") };

            Assert.True(_evaluator.Matches(row, new ConditionExpression("c", "name", ConditionOperator.Equal, "webinar")));
        }

        [Fact]
        public void An_operator_the_in_memory_dataverse_does_not_evaluate_is_named_in_the_error()
        {
            var fault = Assert.Throws<NotSupportedException>(() => _evaluator.Matches(Lead, new ConditionExpression("createdon", ConditionOperator.InFiscalYear, 2026)));

            Assert.Contains("InFiscalYear", fault.Message);
        }
    }
}
