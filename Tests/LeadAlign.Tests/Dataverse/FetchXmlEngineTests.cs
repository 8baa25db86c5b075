using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse
{
    /// <summary>FetchXML as Dataverse runs it: plain fetches through the query engine, aggregates grouped as the platform groups them.</summary>
    public class FetchXmlEngineTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc);
        private static readonly Guid Caller = new Guid("00000000-0000-0000-0000-0000000000a1");
        private static readonly Guid Colleague = new Guid("00000000-0000-0000-0000-0000000000a2");
        private static readonly Guid Webinar = Id(100);
        private static readonly Guid Expo = Id(101);

        private static readonly Dictionary<string, AttributeTypeCode> Types = new Dictionary<string, AttributeTypeCode>(StringComparer.Ordinal)
        {
            ["lead.lastname"] = AttributeTypeCode.String,
            ["lead.address1_country"] = AttributeTypeCode.String,
            ["lead.la_score"] = AttributeTypeCode.Integer,
            ["lead.leadsourcecode"] = AttributeTypeCode.Picklist,
            ["lead.campaignid"] = AttributeTypeCode.Lookup,
            ["lead.ownerid"] = AttributeTypeCode.Owner,
            ["lead.revenue"] = AttributeTypeCode.Money,
            ["lead.createdon"] = AttributeTypeCode.DateTime,
            ["lead.la_handoffon"] = AttributeTypeCode.DateTime,
            ["lead.la_followupon"] = AttributeTypeCode.DateTime,
            ["lead.donotemail"] = AttributeTypeCode.Boolean,
            ["lead.leadid"] = AttributeTypeCode.Uniqueidentifier,
            ["campaign.name"] = AttributeTypeCode.String,
            ["campaign.campaignid"] = AttributeTypeCode.Uniqueidentifier,
            ["account.numberofemployees"] = AttributeTypeCode.Integer,
            ["account.createdon"] = AttributeTypeCode.DateTime,
        };

        /// <summary>
        /// Eight leads. Lead i: score i*10 (lead 4 has none); source 1 when odd, 8 when even; campaign Webinar for 1-3, Expo for 4-5, none after;
        /// revenue i*1000 (lead 8 has none); created in January (1-3), February (4-6) or March (7-8); owned by the caller when even;
        /// handed off i*12 hours ago; follow-up (i-2)*12 hours from now; do-not-email for 4 and 8; France when even, Germany when odd.
        /// </summary>
        private readonly Dictionary<string, List<Entity>> _tables = new Dictionary<string, List<Entity>>
        {
            ["campaign"] = new List<Entity>
            {
                new Entity("campaign", Webinar) { ["name"] = "Webinar" },
                new Entity("campaign", Expo) { ["name"] = "Expo" },
            },
            ["lead"] = Enumerable.Range(1, 8).Select(i => new Entity("lead", Id(i))
            {
                ["lastname"] = "Lead " + i,
                ["la_score"] = i == 4 ? null : (object)(i * 10),
                ["leadsourcecode"] = new OptionSetValue(i % 2 == 1 ? 1 : 8),
                ["campaignid"] = i <= 3 ? new EntityReference("campaign", Webinar) : i <= 5 ? new EntityReference("campaign", Expo) : null,
                ["revenue"] = i == 8 ? null : new Money(i * 1000m),
                ["createdon"] = new DateTime(2026, i <= 3 ? 1 : i <= 6 ? 2 : 3, i * 3, 8, 0, 0, DateTimeKind.Utc),
                ["ownerid"] = new EntityReference("systemuser", i % 2 == 0 ? Caller : Colleague),
                ["la_handoffon"] = Now.AddHours(-12 * i),
                ["la_followupon"] = Now.AddHours(12 * (i - 2)),
                ["donotemail"] = i % 4 == 0,
                ["address1_country"] = i % 2 == 0 ? "France" : "Germany",
            }).ToList(),
            ["account"] = new List<Entity>
            {
                new Entity("account", Id(200)) { ["numberofemployees"] = 1500, ["createdon"] = new DateTime(2023, 3, 25, 17, 42, 0, DateTimeKind.Utc) },
                new Entity("account", Id(201)) { ["numberofemployees"] = 2700, ["createdon"] = new DateTime(2023, 3, 25, 17, 43, 0, DateTimeKind.Utc) },
                new Entity("account", Id(202)) { ["createdon"] = new DateTime(2023, 8, 27, 10, 0, 0, DateTimeKind.Utc) },
            },
        };

        private FetchXmlEngine Engine
        {
            get
            {
                var evaluator = new ConditionEvaluator(() => Now, Caller);
                Func<string, IEnumerable<Entity>> rowsOf = table => _tables[table];
                Func<string, string> primaryIdOf = table => table + "id";
                return new FetchXmlEngine(
                    new QueryEngine(rowsOf, primaryIdOf, evaluator),
                    rowsOf,
                    primaryIdOf,
                    evaluator,
                    (table, column) => Types.TryGetValue(table + "." + column, out var type) ? type : (AttributeTypeCode?)null);
            }
        }

        // ------------------------------------------------------------------ conditions

        [Theory]
        [InlineData("<condition attribute='la_score' operator='eq' value='20' />", new[] { 2 })]
        [InlineData("<condition attribute='la_score' operator='ne' value='20' />", new[] { 1, 3, 5, 6, 7, 8 })]
        [InlineData("<condition attribute='la_score' operator='neq' value='10' />", new[] { 2, 3, 5, 6, 7, 8 })]
        [InlineData("<condition attribute='la_score' operator='in'><value>10</value><value>30</value></condition>", new[] { 1, 3 })]
        [InlineData("<condition attribute='la_score' operator='not-in'><value>10</value><value>30</value></condition>", new[] { 2, 5, 6, 7, 8 })]
        [InlineData("<condition attribute='la_score' operator='null' />", new[] { 4 })]
        [InlineData("<condition attribute='la_score' operator='not-null' />", new[] { 1, 2, 3, 5, 6, 7, 8 })]
        [InlineData("<condition attribute='la_score' operator='gt' value='60' />", new[] { 7, 8 })]
        [InlineData("<condition attribute='la_score' operator='ge' value='60' />", new[] { 6, 7, 8 })]
        [InlineData("<condition attribute='la_score' operator='lt' value='30' />", new[] { 1, 2 })]
        [InlineData("<condition attribute='la_score' operator='le' value='30' />", new[] { 1, 2, 3 })]
        [InlineData("<condition attribute='la_score' operator='between'><value>20</value><value>50</value></condition>", new[] { 2, 3, 5 })]
        [InlineData("<condition attribute='la_score' operator='not-between'><value>20</value><value>50</value></condition>", new[] { 1, 6, 7, 8 })]
        [InlineData("<condition attribute='lastname' operator='like' value='lead 1%' />", new[] { 1 })]
        [InlineData("<condition attribute='lastname' operator='not-like' value='%d 1' />", new[] { 2, 3, 4, 5, 6, 7, 8 })]
        [InlineData("<condition attribute='lastname' operator='begins-with' value='LEAD 3' />", new[] { 3 })]
        [InlineData("<condition attribute='lastname' operator='not-begin-with' value='Lead 3' />", new[] { 1, 2, 4, 5, 6, 7, 8 })]
        [InlineData("<condition attribute='lastname' operator='ends-with' value='d 5' />", new[] { 5 })]
        [InlineData("<condition attribute='lastname' operator='not-end-with' value='d 5' />", new[] { 1, 2, 3, 4, 6, 7, 8 })]
        [InlineData("<condition attribute='la_followupon' operator='on' value='2026-11-19' />", new[] { 4, 5 })]
        [InlineData("<condition attribute='la_followupon' operator='not-on' value='2026-11-19' />", new[] { 1, 2, 3, 6, 7, 8 })]
        [InlineData("<condition attribute='la_followupon' operator='on-or-after' value='2026-11-20' />", new[] { 6, 7, 8 })]
        [InlineData("<condition attribute='la_followupon' operator='on-or-before' value='2026-11-17' />", new[] { 1 })]
        [InlineData("<condition attribute='la_handoffon' operator='last-x-hours' value='30' />", new[] { 1, 2 })]
        [InlineData("<condition attribute='la_followupon' operator='next-x-hours' value='24' />", new[] { 2, 3, 4 })]
        [InlineData("<condition attribute='la_handoffon' operator='last-x-days' value='2' />", new[] { 1, 2, 3, 4 })]
        [InlineData("<condition attribute='la_followupon' operator='next-x-days' value='1' />", new[] { 2, 3, 4, 5 })]
        [InlineData("<condition attribute='la_handoffon' operator='olderthan-x-days' value='3' />", new[] { 7, 8 })]
        [InlineData("<condition attribute='la_handoffon' operator='olderthan-x-hours' value='60' />", new[] { 6, 7, 8 })]
        [InlineData("<condition attribute='la_followupon' operator='today' />", new[] { 2, 3 })]
        [InlineData("<condition attribute='la_handoffon' operator='yesterday' />", new[] { 1, 2 })]
        [InlineData("<condition attribute='la_followupon' operator='tomorrow' />", new[] { 4, 5 })]
        [InlineData("<condition attribute='ownerid' operator='eq-userid' />", new[] { 2, 4, 6, 8 })]
        [InlineData("<condition attribute='ownerid' operator='ne-userid' />", new[] { 1, 3, 5, 7 })]
        public void Each_fetch_operator_filters_as_its_condition_operator_does(string condition, int[] expected)
        {
            var result = Engine.Execute("<fetch><entity name='lead'><attribute name='lastname' /><filter>" + condition + "</filter></entity></fetch>");

            Assert.Equal(expected, Numbers(result));
        }

        [Theory]
        [InlineData("eq", ConditionOperator.Equal)]
        [InlineData("neq", ConditionOperator.NotEqual)]
        [InlineData("not-begin-with", ConditionOperator.DoesNotBeginWith)]
        [InlineData("not-end-with", ConditionOperator.DoesNotEndWith)]
        [InlineData("olderthan-x-hours", ConditionOperator.OlderThanXHours)]
        [InlineData("eq-userid", ConditionOperator.EqualUserId)]
        public void Fetch_operator_names_map_to_the_sdk_condition_operators(string name, ConditionOperator expected)
        {
            var query = Engine.ToQueryExpression("<fetch><entity name='lead'><filter><condition attribute='la_score' operator='" + name + "' value='1' /></filter></entity></fetch>");

            Assert.Equal(expected, Assert.Single(query.Criteria.Conditions).Operator);
        }

        [Fact]
        public void Nested_filters_combine_and_with_or()
        {
            var result = Engine.Execute(
                "<fetch><entity name='lead'><filter type='and'>"
                + "<condition attribute='address1_country' operator='eq' value='germany' />"
                + "<filter type='or'><condition attribute='la_score' operator='lt' value='20' /><condition attribute='la_score' operator='gt' value='60' /></filter>"
                + "</filter></entity></fetch>");

            Assert.Equal(new[] { 1, 7 }, Numbers(result));
        }

        [Fact]
        public void Condition_values_are_converted_to_the_type_the_column_stores()
        {
            var query = Engine.ToQueryExpression(
                "<fetch><entity name='lead'><filter>"
                + "<condition attribute='la_score' operator='gt' value='9' />"
                + "<condition attribute='leadsourcecode' operator='in'><value>1</value><value>8</value></condition>"
                + "<condition attribute='campaignid' operator='eq' value='{" + Webinar + "}' />"
                + "<condition attribute='createdon' operator='ge' value='2026-02-01T00:00:00' />"
                + "<condition attribute='revenue' operator='gt' value='1500.50' />"
                + "<condition attribute='donotemail' operator='eq' value='1' />"
                + "<condition attribute='la_unknown' operator='eq' value='42' />"
                + "<condition attribute='la_handoffon' operator='last-x-days' value='7' />"
                + "</filter></entity></fetch>");

            var values = query.Criteria.Conditions.Select(c => c.Values.ToArray()).ToList();
            Assert.Equal(9, Assert.IsType<int>(values[0][0]));
            Assert.Equal(new object[] { 1, 8 }, values[1]);
            Assert.Equal(Webinar, Assert.IsType<Guid>(values[2][0]));
            var date = Assert.IsType<DateTime>(values[3][0]);
            Assert.Equal(new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), date);
            Assert.Equal(DateTimeKind.Utc, date.Kind);
            Assert.Equal(1500.50m, Assert.IsType<decimal>(values[4][0]));
            Assert.True(Assert.IsType<bool>(values[5][0]));
            Assert.Equal("42", Assert.IsType<string>(values[6][0]));
            Assert.Equal(7, Assert.IsType<int>(values[7][0]));
        }

        [Fact]
        public void Converted_values_compare_as_numbers_choices_lookups_and_two_options()
        {
            // As text, "10" sorts before "9": only the conversion to int keeps every scored lead.
            Assert.Equal(new[] { 1, 2, 3, 5, 6, 7, 8 }, Numbers(Engine.Execute(Fetch("<condition attribute='la_score' operator='gt' value='9' />"))));
            Assert.Equal(new[] { 2, 4, 6, 8 }, Numbers(Engine.Execute(Fetch("<condition attribute='leadsourcecode' operator='eq' value='8' />"))));
            Assert.Equal(new[] { 4, 5 }, Numbers(Engine.Execute(Fetch("<condition attribute='campaignid' operator='eq' value='" + Expo.ToString().ToUpperInvariant() + "' />"))));
            Assert.Equal(new[] { 4, 8 }, Numbers(Engine.Execute(Fetch("<condition attribute='donotemail' operator='eq' value='1' />"))));
            Assert.Equal(new[] { 1, 2, 3, 5, 6, 7 }, Numbers(Engine.Execute(Fetch("<condition attribute='donotemail' operator='eq' value='false' />"))));
            Assert.Equal(new[] { 4, 5, 6, 7, 8 }, Numbers(Engine.Execute(Fetch("<condition attribute='createdon' operator='ge' value='2026-02-01' />"))));
        }

        [Fact]
        public void A_value_that_does_not_fit_the_column_is_refused_naming_the_column()
        {
            var fault = Assert.Throws<InvalidOperationException>(() => Engine.Execute(Fetch("<condition attribute='la_score' operator='eq' value='high' />")));

            Assert.Contains("lead.la_score", fault.Message);
            Assert.Contains("'high'", fault.Message);
        }

        // ------------------------------------------------------------------ columns and links

        [Fact]
        public void Only_the_named_attributes_come_back_and_a_fetch_without_attributes_returns_all()
        {
            var named = Engine.Execute("<fetch><entity name='lead'><attribute name='lastname' /></entity></fetch>");
            var all = Engine.Execute("<fetch><entity name='lead' /></fetch>");

            Assert.All(named.Entities, lead => Assert.Equal(new[] { "lastname", "leadid" }, lead.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray()));
            Assert.Equal(Id(3), all.Entities[2]["leadid"]);
            Assert.Equal(new Money(3000m), all.Entities[2]["revenue"]);
        }

        [Fact]
        public void A_linked_campaign_returns_its_columns_as_aliased_values_under_the_link_alias()
        {
            var result = Engine.Execute(
                "<fetch><entity name='lead'><attribute name='lastname' />"
                + "<link-entity name='campaign' from='campaignid' to='campaignid' alias='c' link-type='inner'>"
                + "<attribute name='name' /><filter><condition attribute='name' operator='eq' value='Expo' /></filter>"
                + "</link-entity></entity></fetch>");

            Assert.Equal(new[] { 4, 5 }, Numbers(result));
            var name = Assert.IsType<AliasedValue>(result.Entities[0]["c.name"]);
            Assert.Equal("Expo", name.Value);
            Assert.Equal("campaign", name.EntityLogicalName);
            Assert.Equal("name", name.AttributeLogicalName);
        }

        [Fact]
        public void A_link_without_an_alias_is_named_after_the_linked_table_for_a_many_to_one_link()
        {
            var result = Engine.Execute(
                "<fetch><entity name='lead'><attribute name='lastname' />"
                + "<link-entity name='campaign' from='campaignid' to='campaignid'><attribute name='name' /></link-entity>"
                + "<filter><condition entityname='campaign' attribute='name' operator='eq' value='webinar' /></filter>"
                + "</entity></fetch>");

            Assert.Equal(new[] { 1, 2, 3 }, Numbers(result));
            Assert.Equal("Webinar", Assert.IsType<AliasedValue>(result.Entities[0]["campaign.name"]).Value);
        }

        [Fact]
        public void Attribute_aliases_rename_columns_of_the_entity_and_of_links()
        {
            var result = Engine.Execute(
                "<fetch><entity name='lead'><attribute name='lastname' alias='surname' /><attribute name='la_score' />"
                + "<link-entity name='campaign' from='campaignid' to='campaignid' alias='c'><attribute name='name' alias='campaignname' /></link-entity>"
                + "<filter><condition attribute='la_score' operator='eq' value='10' /></filter></entity></fetch>");

            var lead = Assert.Single(result.Entities);
            var surname = Assert.IsType<AliasedValue>(lead["surname"]);
            Assert.Equal("Lead 1", surname.Value);
            Assert.Equal("lead", surname.EntityLogicalName);
            Assert.Equal("lastname", surname.AttributeLogicalName);
            Assert.Equal("Webinar", Assert.IsType<AliasedValue>(lead["campaignname"]).Value);
            Assert.False(lead.Contains("lastname"));
            Assert.False(lead.Contains("c.name"));
            Assert.Equal(10, lead["la_score"]);
        }

        [Fact]
        public void An_outer_link_keeps_leads_without_a_campaign_and_a_condition_can_test_the_linked_column()
        {
            var result = Engine.Execute(
                "<fetch><entity name='lead'><attribute name='lastname' />"
                + "<link-entity name='campaign' from='campaignid' to='campaignid' alias='c' link-type='outer'><attribute name='name' /></link-entity>"
                + "<filter><condition entityname='c' attribute='name' operator='null' /></filter>"
                + "</entity></fetch>");

            Assert.Equal(new[] { 6, 7, 8 }, Numbers(result));
            Assert.All(result.Entities, lead => Assert.False(lead.Contains("c.name")));
        }

        [Fact]
        public void A_condition_naming_an_unknown_link_alias_is_refused()
        {
            var fault = Assert.Throws<InvalidOperationException>(() =>
                Engine.Execute(Fetch("<condition entityname='nowhere' attribute='name' operator='null' />")));

            Assert.Contains("'nowhere'", fault.Message);
        }

        // ------------------------------------------------------------------ paging, top, distinct, order

        [Fact]
        public void Pages_follow_count_and_page_with_more_records_and_the_total()
        {
            var seen = new List<int>();
            var more = new List<bool>();
            for (var page = 1; page <= 3; page++)
            {
                var result = Engine.Execute("<fetch count='3' page='" + page + "' returntotalrecordcount='true'><entity name='lead'><attribute name='lastname' /><order attribute='lastname' /></entity></fetch>");
                seen.AddRange(Numbers(result));
                more.Add(result.MoreRecords);
                Assert.Equal(8, result.TotalRecordCount);
                Assert.Contains("<cookie page=\"" + page + "\"><leadid last=\"{", result.PagingCookie);
            }

            Assert.Equal(Enumerable.Range(1, 8), seen);
            Assert.Equal(new[] { true, true, false }, more);
        }

        [Fact]
        public void Top_limits_the_rows_after_ordering_and_cannot_exceed_5000()
        {
            var result = Engine.Execute("<fetch top='2'><entity name='lead'><attribute name='la_score' /><order attribute='la_score' descending='true' /></entity></fetch>");

            Assert.Equal(new[] { 8, 7 }, Numbers(result));
            Assert.Throws<InvalidOperationException>(() => Engine.Execute("<fetch top='5001'><entity name='lead' /></fetch>"));
            Assert.Throws<InvalidOperationException>(() => Engine.Execute("<fetch top='2' count='2'><entity name='lead' /></fetch>"));
        }

        [Fact]
        public void Distinct_returns_each_country_once_without_the_id()
        {
            var result = Engine.Execute("<fetch distinct='true'><entity name='lead'><attribute name='address1_country' /><order attribute='address1_country' /></entity></fetch>");

            Assert.Equal(new[] { "France", "Germany" }, result.Entities.Select(e => e.GetAttributeValue<string>("address1_country")));
            Assert.All(result.Entities, row => Assert.False(row.Contains("leadid")));
        }

        [Fact]
        public void Orders_apply_in_sequence_and_a_link_entity_order_comes_after_the_entity_order()
        {
            var byScore = Engine.Execute("<fetch><entity name='lead'><attribute name='la_score' /><order attribute='la_score' descending='true' /></entity></fetch>");
            Assert.Equal(new[] { 8, 7, 6, 5, 3, 2, 1, 4 }, Numbers(byScore));

            var byCountryThenCampaign = Engine.Execute(
                "<fetch><entity name='lead'><attribute name='lastname' />"
                + "<link-entity name='campaign' from='campaignid' to='campaignid' alias='c'><attribute name='name' /><order attribute='name' descending='true' /></link-entity>"
                + "<order attribute='address1_country' /></entity></fetch>");
            Assert.Equal(new[] { 2, 4, 1, 3, 5 }, Numbers(byCountryThenCampaign));

            var byCampaignFirst = Engine.Execute(
                "<fetch><entity name='lead'><attribute name='lastname' />"
                + "<link-entity name='campaign' from='campaignid' to='campaignid' alias='c'><attribute name='name' /></link-entity>"
                + "<order entityname='c' attribute='name' /><order attribute='address1_country' /></entity></fetch>");
            Assert.Equal(new[] { 4, 5, 2, 1, 3 }, Numbers(byCampaignFirst));
        }

        [Fact]
        public void The_equivalent_query_expression_carries_links_orders_paging_and_distinct()
        {
            var query = Engine.ToQueryExpression(
                "<fetch count='5' page='2' paging-cookie='&lt;cookie page=\"1\" /&gt;' distinct='true' returntotalrecordcount='true' no-lock='true'>"
                + "<entity name='lead'><attribute name='lastname' /><order attribute='lastname' descending='true' />"
                + "<link-entity name='campaign' from='campaignid' to='campaignid' alias='c' link-type='outer'><attribute name='name' /><order attribute='name' /></link-entity>"
                + "<filter type='or'><condition attribute='la_score' operator='null' /></filter></entity></fetch>");

            Assert.Equal("lead", query.EntityName);
            Assert.Equal(new[] { "lastname" }, query.ColumnSet.Columns);
            Assert.True(query.Distinct);
            Assert.Equal(5, query.PageInfo.Count);
            Assert.Equal(2, query.PageInfo.PageNumber);
            Assert.Equal("<cookie page=\"1\" />", query.PageInfo.PagingCookie);
            Assert.True(query.PageInfo.ReturnTotalRecordCount);
            Assert.Equal(LogicalOperator.Or, query.Criteria.FilterOperator);
            var order = Assert.Single(query.Orders);
            Assert.Equal(OrderType.Descending, order.OrderType);
            var link = Assert.Single(query.LinkEntities);
            Assert.Equal(("lead", "campaign", "campaignid", "campaignid", JoinOperator.LeftOuter, "c"), (link.LinkFromEntityName, link.LinkToEntityName, link.LinkFromAttributeName, link.LinkToAttributeName, link.JoinOperator, link.EntityAlias));
            Assert.Equal("name", Assert.Single(link.Orders).AttributeName);
            Assert.Equal(new[] { "name" }, link.Columns.Columns);
        }

        // ------------------------------------------------------------------ aggregates

        [Fact]
        public void Count_counts_rows_countcolumn_counts_values_and_distinct_countcolumn_counts_distinct_values()
        {
            var result = Engine.Execute(
                "<fetch aggregate='true'><entity name='lead'>"
                + "<attribute name='la_score' alias='rows' aggregate='count' />"
                + "<attribute name='la_score' alias='scored' aggregate='countcolumn' />"
                + "<attribute name='campaignid' alias='withcampaign' aggregate='countcolumn' />"
                + "<attribute name='campaignid' alias='campaigns' aggregate='countcolumn' distinct='true' />"
                + "</entity></fetch>");

            var row = Assert.Single(result.Entities);
            Assert.Equal("lead", row.LogicalName);
            Assert.Equal(Guid.Empty, row.Id);
            Assert.Equal(8, Assert.IsType<int>(Aliased(row, "rows")));
            Assert.Equal(7, Assert.IsType<int>(Aliased(row, "scored")));
            Assert.Equal(5, Assert.IsType<int>(Aliased(row, "withcampaign")));
            Assert.Equal(2, Assert.IsType<int>(Aliased(row, "campaigns")));
            var rows = Assert.IsType<AliasedValue>(row["rows"]);
            Assert.Equal("lead", rows.EntityLogicalName);
            Assert.Equal("la_score", rows.AttributeLogicalName);
        }

        [Fact]
        public void Sum_and_avg_keep_money_as_money_and_sum_of_whole_numbers_stays_int()
        {
            var result = Engine.Execute(
                "<fetch aggregate='true'><entity name='lead'>"
                + "<attribute name='revenue' alias='revenue_sum' aggregate='sum' />"
                + "<attribute name='revenue' alias='revenue_avg' aggregate='avg' />"
                + "<attribute name='la_score' alias='score_sum' aggregate='sum' />"
                + "<attribute name='la_score' alias='score_avg' aggregate='avg' />"
                + "<attribute name='la_score' alias='score_min' aggregate='min' />"
                + "<attribute name='la_score' alias='score_max' aggregate='max' />"
                + "<attribute name='createdon' alias='latest' aggregate='max' />"
                + "</entity></fetch>");

            var row = Assert.Single(result.Entities);
            Assert.Equal(new Money(28000m), Assert.IsType<Money>(Aliased(row, "revenue_sum")));
            Assert.Equal(new Money(4000m), Assert.IsType<Money>(Aliased(row, "revenue_avg")));
            Assert.Equal(320, Assert.IsType<int>(Aliased(row, "score_sum")));
            Assert.Equal(320m / 7m, Assert.IsType<decimal>(Aliased(row, "score_avg")));
            Assert.Equal(10, Assert.IsType<int>(Aliased(row, "score_min")));
            Assert.Equal(80, Assert.IsType<int>(Aliased(row, "score_max")));
            Assert.Equal(new DateTime(2026, 3, 24, 8, 0, 0, DateTimeKind.Utc), Assert.IsType<DateTime>(Aliased(row, "latest")));
        }

        [Fact]
        public void Filters_and_links_apply_before_aggregating()
        {
            var result = Engine.Execute(
                "<fetch aggregate='true'><entity name='lead'>"
                + "<attribute name='la_score' alias='total' aggregate='sum' />"
                + "<link-entity name='campaign' from='campaignid' to='campaignid' alias='c'><filter><condition attribute='name' operator='eq' value='Webinar' /></filter></link-entity>"
                + "<filter><condition attribute='address1_country' operator='eq' value='Germany' /></filter>"
                + "</entity></fetch>");

            Assert.Equal(40, Aliased(Assert.Single(result.Entities), "total"));
        }

        [Fact]
        public void Counting_leads_by_campaign_groups_by_the_lookup()
        {
            var result = Engine.Execute(
                "<fetch aggregate='true'><entity name='lead'>"
                + "<attribute name='campaignid' alias='campaign' groupby='true' />"
                + "<attribute name='leadid' alias='leads' aggregate='count' />"
                + "<attribute name='revenue' alias='revenue' aggregate='sum' />"
                + "<filter><condition attribute='campaignid' operator='not-null' /></filter>"
                + "<order alias='leads' descending='true' />"
                + "</entity></fetch>");

            Assert.Equal(2, result.Entities.Count);
            Assert.Equal(new EntityReference("campaign", Webinar), Assert.IsType<EntityReference>(Aliased(result.Entities[0], "campaign")));
            Assert.Equal(3, Aliased(result.Entities[0], "leads"));
            Assert.Equal(new Money(6000m), Aliased(result.Entities[0], "revenue"));
            Assert.Equal(new EntityReference("campaign", Expo), Aliased(result.Entities[1], "campaign"));
            Assert.Equal(2, Aliased(result.Entities[1], "leads"));
        }

        [Fact]
        public void Grouping_by_a_choice_returns_the_option_set_value()
        {
            var result = Engine.Execute(
                "<fetch aggregate='true'><entity name='lead'>"
                + "<attribute name='leadsourcecode' alias='source' groupby='true' />"
                + "<attribute name='la_score' alias='best' aggregate='max' />"
                + "<order alias='source' descending='true' />"
                + "</entity></fetch>");

            Assert.Equal(new[] { 8, 1 }, result.Entities.Select(e => Assert.IsType<OptionSetValue>(Aliased(e, "source")).Value));
            Assert.Equal(new[] { 80, 70 }, result.Entities.Select(e => (int)Aliased(e, "best")!));
        }

        [Fact]
        public void Grouping_by_a_linked_column_returns_it_with_the_linked_table_name()
        {
            var result = Engine.Execute(
                "<fetch aggregate='true'><entity name='lead'>"
                + "<attribute name='leadid' alias='leads' aggregate='count' />"
                + "<link-entity name='campaign' from='campaignid' to='campaignid' alias='c'><attribute name='name' alias='campaignname' groupby='true' /></link-entity>"
                + "<order alias='campaignname' />"
                + "</entity></fetch>");

            var names = result.Entities.Select(e => Assert.IsType<AliasedValue>(e["campaignname"])).ToList();
            Assert.Equal(new[] { "Expo", "Webinar" }, names.Select(n => n.Value));
            Assert.All(names, n => Assert.Equal("campaign", n.EntityLogicalName));
            Assert.Equal(new[] { 2, 3 }, result.Entities.Select(e => (int)Aliased(e, "leads")!));
        }

        [Fact]
        public void Grouping_by_created_month_gives_the_month_number_and_nulls_stay_out_of_the_sum()
        {
            var result = Engine.Execute(
                "<fetch aggregate='true'><entity name='lead'>"
                + "<attribute name='createdon' alias='month' groupby='true' dategrouping='month' />"
                + "<attribute name='la_score' alias='total' aggregate='sum' />"
                + "<attribute name='leadid' alias='leads' aggregate='count' />"
                + "<order alias='month' descending='true' />"
                + "</entity></fetch>");

            Assert.Equal(new[] { 3, 2, 1 }, result.Entities.Select(e => Assert.IsType<int>(Aliased(e, "month"))));
            Assert.Equal(new[] { 150, 110, 60 }, result.Entities.Select(e => (int)Aliased(e, "total")!));
            Assert.Equal(new[] { 2, 3, 3 }, result.Entities.Select(e => (int)Aliased(e, "leads")!));
        }

        [Fact]
        public void Date_grouping_gives_year_quarter_month_week_and_day_as_the_dataverse_example_shows()
        {
            var result = Engine.Execute(
                "<fetch aggregate='true'><entity name='account'>"
                + "<attribute name='numberofemployees' alias='Total' aggregate='sum' />"
                + "<attribute name='createdon' alias='Day' groupby='true' dategrouping='day' />"
                + "<attribute name='createdon' alias='Week' groupby='true' dategrouping='week' />"
                + "<attribute name='createdon' alias='Month' groupby='true' dategrouping='month' />"
                + "<attribute name='createdon' alias='Quarter' groupby='true' dategrouping='quarter' />"
                + "<attribute name='createdon' alias='Year' groupby='true' dategrouping='year' />"
                + "<order alias='Month' />"
                + "</entity></fetch>");

            Assert.Equal(2, result.Entities.Count);
            Assert.Equal(new object?[] { 4200, 25, 12, 3, 1, 2023 }, new[] { "Total", "Day", "Week", "Month", "Quarter", "Year" }.Select(a => Aliased(result.Entities[0], a)));

            // 27 August 2023 is a Sunday: SQL Server's week 35 (weeks start on Sunday), where ISO 8601 says 34. Its only value is null: the sum is 0.
            Assert.Equal(new object?[] { 0, 27, 35, 8, 3, 2023 }, new[] { "Total", "Day", "Week", "Month", "Quarter", "Year" }.Select(a => Aliased(result.Entities[1], a)));
        }

        [Fact]
        public void Top_and_paging_apply_to_groups()
        {
            var grouped = "<entity name='lead'><attribute name='la_score' alias='score' groupby='true' /><attribute name='leadid' alias='n' aggregate='count' /><order alias='score' /></entity></fetch>";

            var top = Engine.Execute("<fetch aggregate='true' top='2'>" + grouped);
            var second = Engine.Execute("<fetch aggregate='true' count='3' page='2'>" + grouped);
            var last = Engine.Execute("<fetch aggregate='true' count='3' page='3'>" + grouped);

            Assert.Equal(2, top.Entities.Count);
            Assert.False(top.Entities[0].Contains("score"));
            Assert.Equal(10, Aliased(top.Entities[1], "score"));
            // Groups in order: null, 10, 20 | 30, 50, 60 | 70, 80.
            Assert.Equal(new[] { 30, 50, 60 }, second.Entities.Select(e => (int)Aliased(e, "score")!));
            Assert.True(second.MoreRecords);
            Assert.Equal(new[] { 70, 80 }, last.Entities.Select(e => (int)Aliased(e, "score")!));
            Assert.False(last.MoreRecords);
        }

        [Fact]
        public void An_aggregate_over_no_rows_gives_one_row_with_a_zero_count()
        {
            var result = Engine.Execute(
                "<fetch aggregate='true'><entity name='lead'>"
                + "<attribute name='leadid' alias='leads' aggregate='count' />"
                + "<attribute name='la_score' alias='best' aggregate='max' />"
                + "<filter><condition attribute='lastname' operator='eq' value='Nobody' /></filter>"
                + "</entity></fetch>");

            var row = Assert.Single(result.Entities);
            Assert.Equal(0, Aliased(row, "leads"));
            Assert.False(row.Contains("best"));
        }

        [Fact]
        public void An_aggregate_attribute_without_an_alias_is_refused_naming_it()
        {
            var fault = Assert.Throws<InvalidOperationException>(() =>
                Engine.Execute("<fetch aggregate='true'><entity name='lead'><attribute name='la_score' aggregate='sum' /></entity></fetch>"));
            var groupFault = Assert.Throws<InvalidOperationException>(() =>
                Engine.Execute("<fetch aggregate='true'><entity name='lead'><attribute name='campaignid' groupby='true' /><attribute name='leadid' alias='n' aggregate='count' /></entity></fetch>"));

            Assert.Contains("'la_score'", fault.Message);
            Assert.Contains("alias", fault.Message);
            Assert.Contains("'campaignid'", groupFault.Message);
        }

        [Fact]
        public void An_aggregate_fetch_refuses_plain_attributes_orders_by_attribute_and_sums_of_text()
        {
            Assert.Contains("'lastname'", Assert.Throws<InvalidOperationException>(() =>
                Engine.Execute("<fetch aggregate='true'><entity name='lead'><attribute name='lastname' /><attribute name='leadid' alias='n' aggregate='count' /></entity></fetch>")).Message);
            Assert.Throws<InvalidOperationException>(() =>
                Engine.Execute("<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='n' aggregate='count' /><order attribute='lastname' /></entity></fetch>"));
            Assert.Contains("'lastname'", Assert.Throws<InvalidOperationException>(() =>
                Engine.Execute("<fetch aggregate='true'><entity name='lead'><attribute name='lastname' alias='s' aggregate='sum' /></entity></fetch>")).Message);
        }

        [Fact]
        public void More_rows_than_the_aggregate_limit_fail_as_dataverse_fails()
        {
            var fetch = "<fetch aggregate='true' aggregatelimit='5'><entity name='lead'><attribute name='leadid' alias='n' aggregate='count' />{0}</entity></fetch>";

            var fault = Assert.Throws<AggregateLimitExceededException>(() => Engine.Execute(string.Format(fetch, string.Empty)));
            var withinLimit = Engine.Execute(string.Format(fetch, "<filter><condition attribute='la_score' operator='le' value='50' /></filter>"));

            Assert.Contains("AggregateQueryRecordLimit exceeded", fault.Message);
            Assert.Equal(4, Aliased(Assert.Single(withinLimit.Entities), "n"));
        }

        [Fact]
        public void An_aggregate_fetch_has_no_query_expression()
        {
            Assert.Throws<InvalidOperationException>(() =>
                Engine.ToQueryExpression("<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='n' aggregate='count' /></entity></fetch>"));
        }

        // ------------------------------------------------------------------ what is refused

        [Fact]
        public void An_unsupported_operator_is_refused_naming_it()
        {
            var fault = Assert.Throws<NotSupportedException>(() => Engine.Execute(Fetch("<condition attribute='owningbusinessunit' operator='eq-businessid' />")));

            Assert.Equal("The FetchXML operator 'eq-businessid' is not supported by the in-memory Dataverse.", fault.Message);
        }

        [Theory]
        [InlineData("<fetch><entity name='lead'><banana /></entity></fetch>", "'banana'")]
        [InlineData("<fetch><entity name='lead'><link-entity name='campaign' from='campaignid' to='campaignid' link-type='exists' /></entity></fetch>", "'exists'")]
        [InlineData("<fetch aggregate='true'><entity name='lead'><attribute name='createdon' alias='fy' groupby='true' dategrouping='fiscal-year' /></entity></fetch>", "'fiscal-year'")]
        [InlineData("<fetch><entity name='lead'><filter><condition attribute='la_score' operator='gt' valueof='revenue' /></filter></entity></fetch>", "'valueof'")]
        public void Unsupported_elements_and_options_are_refused_naming_them(string fetchXml, string named)
        {
            var fault = Assert.Throws<NotSupportedException>(() => Engine.Execute(fetchXml));

            Assert.Contains(named, fault.Message);
        }

        [Theory]
        [InlineData("<fetch><entity name='lead'>", "not well-formed")]
        [InlineData("<fetch count='2' />", "<entity>")]
        [InlineData("<query><entity name='lead' /></query>", "<fetch>")]
        [InlineData("<fetch><entity /></fetch>", "'name'")]
        public void Malformed_fetch_xml_is_refused_with_a_clear_message(string fetchXml, string expected)
        {
            var fault = Assert.Throws<InvalidOperationException>(() => Engine.Execute(fetchXml));

            Assert.Contains(expected, fault.Message);
        }

        private static string Fetch(string condition) =>
            "<fetch><entity name='lead'><attribute name='lastname' /><filter>" + condition + "</filter></entity></fetch>";

        private static object? Aliased(Entity row, string alias) => Assert.IsType<AliasedValue>(row[alias]).Value;

        private static int[] Numbers(EntityCollection result) => result.Entities.Select(e => BitConverter.ToInt32(e.Id.ToByteArray(), 0)).ToArray();

        private static Guid Id(int n) => new Guid(n, 0, 0, new byte[8]);
    }
}
