using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse
{
    public class QueryEngineTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc);
        private static readonly Guid Webinar = Id(100);
        private static readonly Guid Expo = Id(101);

        private readonly Dictionary<string, List<Entity>> _tables = new Dictionary<string, List<Entity>>
        {
            ["campaign"] = new List<Entity>
            {
                new Entity("campaign", Webinar) { ["name"] = "Webinar", ["ownerid"] = new EntityReference("systemuser", Id(900)) },
                new Entity("campaign", Expo) { ["name"] = "Expo" },
            },
            ["lead"] = Enumerable.Range(1, 7).Select(i => new Entity("lead", Id(i))
            {
                ["lastname"] = "Lead " + i,
                ["la_score"] = i % 4 == 0 ? null : (object)(i * 10),
                ["campaignid"] = i <= 3 ? new EntityReference("campaign", Webinar) : i <= 5 ? new EntityReference("campaign", Expo) : null,
                ["address1_country"] = i % 2 == 0 ? "France" : "Germany",
            }).ToList(),
        };

        private QueryEngine Engine => new QueryEngine(table => _tables[table], table => table + "id", new ConditionEvaluator(() => Now, Guid.Empty));

        [Fact]
        public void A_query_on_its_primary_key_reads_just_those_rows_and_still_applies_every_condition()
        {
            var sought = new List<Guid>();
            var seeking = new QueryEngine(
                table => throw new InvalidOperationException("scanned " + table),
                table => table + "id",
                new ConditionEvaluator(() => Now, Guid.Empty),
                (table, ids) =>
                {
                    sought.AddRange(ids);
                    return _tables[table].Where(row => ids.Contains(row.Id));
                });
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
            query.Criteria.AddCondition("leadid", ConditionOperator.In, Id(2), Id(3), Id(6), Id(99));
            query.Criteria.AddCondition("address1_country", ConditionOperator.Equal, "France");

            var found = seeking.Execute(query);

            Assert.Equal(new[] { Id(2), Id(3), Id(6), Id(99) }, sought);
            Assert.Equal(new[] { Id(2), Id(6) }, found.Entities.Select(row => row.Id).OrderBy(id => id));
            Assert.Equal(Engine.Execute(query).Entities.Select(row => row.Id).OrderBy(id => id), found.Entities.Select(row => row.Id).OrderBy(id => id));

            var either = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname"), Criteria = { FilterOperator = LogicalOperator.Or } };
            either.Criteria.AddCondition("leadid", ConditionOperator.Equal, Id(2));
            either.Criteria.AddCondition("address1_country", ConditionOperator.Equal, "France");
            Assert.Throws<InvalidOperationException>(() => seeking.Execute(either));
        }

        [Fact]
        public void Only_the_requested_columns_come_back_with_the_primary_id()
        {
            var result = Engine.Execute(new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") });

            Assert.Equal(7, result.Entities.Count);
            Assert.All(result.Entities, lead => Assert.Equal(new[] { "lastname", "leadid" }, lead.Attributes.Keys.OrderBy(k => k).ToArray()));
            Assert.Equal(Id(1), result.Entities[0]["leadid"]);
        }

        [Fact]
        public void Orders_sort_nulls_first_ascending_and_apply_in_sequence()
        {
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("la_score") };
            query.AddOrder("la_score", OrderType.Ascending);

            var scores = Engine.Execute(query).Entities.Select(e => e.GetAttributeValue<int?>("la_score")).ToList();

            Assert.Equal(new int?[] { null, 10, 20, 30, 50, 60, 70 }, scores);

            var byCountry = new QueryExpression("lead") { ColumnSet = new ColumnSet("la_score") };
            byCountry.AddOrder("address1_country", OrderType.Descending);
            byCountry.AddOrder("la_score", OrderType.Descending);
            Assert.Equal(new int?[] { 70, 50, 30, 10, 60, 20, null }, Engine.Execute(byCountry).Entities.Select(e => e.GetAttributeValue<int?>("la_score")));
        }

        [Fact]
        public void Pages_come_with_MoreRecords_and_a_paging_cookie_until_the_last()
        {
            var query = new QueryExpression("lead") { PageInfo = new PagingInfo { Count = 3, PageNumber = 1, ReturnTotalRecordCount = true } };
            var seen = new List<Guid>();
            EntityCollection page;
            do
            {
                page = Engine.Execute(query);
                seen.AddRange(page.Entities.Select(e => e.Id));
                Assert.Equal(7, page.TotalRecordCount);
                if (page.MoreRecords)
                {
                    Assert.Contains("<cookie page=\"" + query.PageInfo.PageNumber + "\"><leadid last=\"{", page.PagingCookie);
                }

                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
            while (page.MoreRecords);

            Assert.Equal(Enumerable.Range(1, 7).Select(Id), seen);
            Assert.Equal(4, query.PageInfo.PageNumber);
        }

        [Fact]
        public void TopCount_limits_the_rows_and_cannot_be_combined_with_paging()
        {
            Assert.Equal(2, Engine.Execute(new QueryExpression("lead") { TopCount = 2 }).Entities.Count);
            Assert.Throws<InvalidOperationException>(() => Engine.Execute(new QueryExpression("lead") { TopCount = 2, PageInfo = new PagingInfo { Count = 5, PageNumber = 1 } }));
        }

        [Fact]
        public void An_inner_link_keeps_matching_rows_and_returns_linked_columns_as_aliased_values()
        {
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
            var campaign = query.AddLink("campaign", "campaignid", "campaignid");
            campaign.Columns = new ColumnSet("name");
            campaign.EntityAlias = "c";
            campaign.LinkCriteria.AddCondition("name", ConditionOperator.Equal, "Webinar");

            var result = Engine.Execute(query);

            Assert.Equal(3, result.Entities.Count);
            var name = Assert.IsType<AliasedValue>(result.Entities[0]["c.name"]);
            Assert.Equal("Webinar", name.Value);
            Assert.Equal("campaign", name.EntityLogicalName);
            Assert.Equal("name", name.AttributeLogicalName);
        }

        [Fact]
        public void An_outer_link_keeps_rows_without_a_match_and_criteria_can_test_the_linked_column()
        {
            var query = new QueryExpression("lead");
            query.AddLink("campaign", "campaignid", "campaignid", JoinOperator.LeftOuter).Columns = new ColumnSet("name");
            query.Criteria.AddCondition("campaign1", "name", ConditionOperator.Null);

            var result = Engine.Execute(query);

            Assert.Equal(new[] { Id(6), Id(7) }, result.Entities.Select(e => e.Id));
        }

        [Fact]
        public void Distinct_returns_each_combination_of_the_requested_columns_once()
        {
            var result = Engine.Execute(new QueryExpression("lead") { ColumnSet = new ColumnSet("address1_country"), Distinct = true });

            Assert.Equal(2, result.Entities.Count);
            Assert.All(result.Entities, row => Assert.False(row.Contains("leadid")));
        }

        [Fact]
        public void A_query_by_attribute_matches_every_attribute_value_pair()
        {
            var query = new QueryByAttribute("lead") { ColumnSet = new ColumnSet("lastname") };
            query.AddAttributeValue("address1_country", "germany");
            query.AddAttributeValue("campaignid", Webinar);
            query.AddOrder("lastname", OrderType.Descending);

            var result = Engine.Execute(query);

            Assert.Equal(new[] { "Lead 3", "Lead 1" }, result.Entities.Select(e => e.GetAttributeValue<string>("lastname")));
        }

        [Fact]
        public void A_query_by_attribute_with_a_missing_value_is_refused()
        {
            var query = new QueryByAttribute("lead");
            query.Attributes.Add("lastname");

            var fault = Assert.Throws<FormatException>(() => Engine.Execute(query));

            Assert.Contains("1 attributes and 0 values", fault.Message);
        }

        private static Guid Id(int n) => new Guid(n, 0, 0, new byte[8]);
    }
}
