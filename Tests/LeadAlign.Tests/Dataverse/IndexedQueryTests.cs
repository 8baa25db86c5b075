using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Tests.Dataverse.Security;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse
{
    /// <summary>
    /// A query whose criteria require a lookup or choice column to equal a value reads its rows from the store's index instead of
    /// scanning the table: it returns exactly what a scan returns, in the same order. The scan to compare with is the same condition
    /// inside a nested filter, which the engine never answers from an index.
    /// </summary>
    public sealed class IndexedQueryTests
    {
        private const int Accounting = 1;
        private const int Agriculture = 2;
        private const int Brokers = 4;

        [Fact]
        public void An_equality_on_a_lookup_a_choice_or_a_text_returns_what_a_scan_returns_in_the_same_order()
        {
            var org = TestOrganization.With();
            var campaigns = new[] { Campaign(org, "Webinar"), Campaign(org, "Fair") };
            for (var i = 0; i < 30; i++)
            {
                var lead = new Entity(LeadTable.EntityName) { ["lastname"] = "Lead " + i, ["industrycode"] = new OptionSetValue(1 + (i % 3)) };
                if (i % 4 != 0)
                {
                    lead["campaignid"] = new EntityReference("campaign", campaigns[i % 2]);
                }

                org.SystemService.Create(lead);
            }

            var byName = Condition("lastname", ConditionOperator.In, "LEAD 7", "lead 8", "Lead 99");
            var byCampaign = Condition("campaignid", ConditionOperator.Equal, campaigns[1]);
            var byIndustries = Condition("industrycode", ConditionOperator.In, Accounting, Brokers);
            var byChoice = Condition("industrycode", ConditionOperator.Equal, new OptionSetValue(Agriculture));

            foreach (var condition in new[] { byName, byCampaign, byIndustries, byChoice })
            {
                var indexed = Ids(org.SystemService, Indexed(condition));
                Assert.NotEmpty(indexed);
                Assert.Equal(Ids(org.SystemService, Scanned(condition)), indexed);
            }

            Assert.Equal(15, Ids(org.SystemService, Indexed(byCampaign)).Count);
            Assert.Equal(2, Ids(org.SystemService, Indexed(byName)).Count);
            var combined = Indexed(byCampaign);
            combined.Criteria.AddCondition(byChoice);
            combined.Criteria.AddCondition("lastname", ConditionOperator.NotEqual, "Lead 1");
            Assert.Equal(new[] { "Lead 7", "Lead 13", "Lead 19", "Lead 25" }, org.SystemService.RetrieveMultiple(combined).Entities.Select(row => row.GetAttributeValue<string>("lastname")));
            Assert.Equal(10, Ids(org.SystemService, Indexed(byChoice)).Count);
        }

        [Fact]
        public void A_row_whose_indexed_value_changes_is_found_by_its_new_value_only()
        {
            var org = TestOrganization.With();
            var first = Campaign(org, "Webinar");
            var second = Campaign(org, "Fair");
            var moved = org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Moved", ["campaignid"] = new EntityReference("campaign", first) });
            var stays = org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Stays", ["campaignid"] = new EntityReference("campaign", first) });
            var cleared = org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Cleared", ["campaignid"] = new EntityReference("campaign", first) });

            org.SystemService.Update(new Entity(LeadTable.EntityName, moved) { ["campaignid"] = new EntityReference("campaign", second) });
            org.SystemService.Update(new Entity(LeadTable.EntityName, cleared) { ["campaignid"] = null });

            Assert.Equal(new[] { stays }, Ids(org.SystemService, Indexed(Condition("campaignid", ConditionOperator.Equal, first))));
            Assert.Equal(new[] { moved }, Ids(org.SystemService, Indexed(Condition("campaignid", ConditionOperator.Equal, second))));
            Assert.Equal(new[] { cleared }, Ids(org.SystemService, Indexed(Condition("campaignid", ConditionOperator.Null))));
        }

        [Fact]
        public void Rows_without_the_value_are_never_found_by_an_equality_and_an_empty_column_finds_nothing()
        {
            var org = TestOrganization.With();
            var campaign = Campaign(org, "Webinar");
            var without = org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "No campaign" });
            var with = org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Campaign", ["campaignid"] = new EntityReference("campaign", campaign) });

            Assert.Equal(new[] { with }, Ids(org.SystemService, Indexed(Condition("campaignid", ConditionOperator.In, campaign, Guid.NewGuid()))));
            Assert.Equal(new[] { without }, Ids(org.SystemService, Indexed(Condition("campaignid", ConditionOperator.Null))));
            Assert.Empty(Ids(org.SystemService, Indexed(Condition("leadsourcecode", ConditionOperator.Equal, 1))));
            Assert.Empty(Ids(org.SystemService, Scanned(Condition("leadsourcecode", ConditionOperator.Equal, 1))));
        }

        [Fact]
        public void A_rolled_back_transaction_leaves_the_index_as_it_was()
        {
            var org = TestOrganization.With();
            var changed = org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Changed", ["industrycode"] = new OptionSetValue(Accounting) });
            var deleted = org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Deleted", ["industrycode"] = new OptionSetValue(Accounting) });
            var before = Ids(org.SystemService, Indexed(Condition("industrycode", ConditionOperator.Equal, Accounting)));

            var transaction = new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection
                {
                    new UpdateRequest { Target = new Entity(LeadTable.EntityName, changed) { ["industrycode"] = new OptionSetValue(Brokers) } },
                    new DeleteRequest { Target = new EntityReference(LeadTable.EntityName, deleted) },
                    new CreateRequest { Target = new Entity(LeadTable.EntityName) { ["lastname"] = "Inserted", ["industrycode"] = new OptionSetValue(Brokers) } },
                    new UpdateRequest { Target = new Entity(LeadTable.EntityName, Guid.NewGuid()) { ["lastname"] = "Nobody" } },
                },
            };
            TestOrganization.Fault(() => org.SystemService.Execute(transaction));

            Assert.Equal(new[] { changed, deleted }, before);
            Assert.Equal(before, Ids(org.SystemService, Indexed(Condition("industrycode", ConditionOperator.Equal, Accounting))));
            Assert.Empty(Ids(org.SystemService, Indexed(Condition("industrycode", ConditionOperator.Equal, Brokers))));
        }

        [Fact]
        public void An_indexed_query_leaves_out_the_rows_the_user_cannot_read_as_a_scan_does()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.North, "LeadAlign Sales Rep");
            var southRep = given.User("Sam South", given.South, "LeadAlign Sales Rep");
            var own = given.LeadOf(rep, "Own");
            given.LeadOf(southRep, "South's");
            var southOwner = Condition("ownerid", ConditionOperator.Equal, southRep);
            var repOwner = Condition("ownerid", ConditionOperator.In, rep, southRep);

            Assert.Empty(Ids(given.Org.As(rep), Indexed(southOwner)));
            Assert.Equal(new[] { own }, Ids(given.Org.As(rep), Indexed(repOwner)));
            Assert.Equal(Ids(given.Org.As(rep), Scanned(repOwner)), Ids(given.Org.As(rep), Indexed(repOwner)));
            Assert.Single(Ids(given.Org.SystemService, Indexed(southOwner)));
        }

        [Fact]
        public void A_link_on_a_lookup_of_the_linked_table_joins_every_row_naming_each_parent_in_stored_order()
        {
            var org = TestOrganization.With();
            var webinar = Campaign(org, "Webinar");
            var fair = Campaign(org, "Fair");
            Campaign(org, "Unused");
            org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "First", ["campaignid"] = new EntityReference("campaign", webinar) });
            org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Second", ["campaignid"] = new EntityReference("campaign", fair) });
            org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Third", ["campaignid"] = new EntityReference("campaign", webinar) });

            var query = new QueryExpression("campaign") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition("campaignid", ConditionOperator.In, webinar, fair);
            query.AddLink(LeadTable.EntityName, "campaignid", "campaignid").EntityAlias = "lead";
            query.LinkEntities[0].Columns = new ColumnSet("lastname");
            query.AddOrder("name", OrderType.Ascending);
            var joined = org.SystemService.RetrieveMultiple(query).Entities;

            Assert.Equal(
                new[] { ("Fair", "Second"), ("Webinar", "First"), ("Webinar", "Third") },
                joined.Select(row => (row.GetAttributeValue<string>("name"), (string)row.GetAttributeValue<AliasedValue>("lead.lastname").Value)).ToArray());
        }

        [Fact]
        public void A_nested_link_on_an_indexed_lookup_joins_each_parent_row_to_its_own_rows()
        {
            var org = TestOrganization.With();
            var rita = org.AddUser("Rita Rep");
            var sam = org.AddUser("Sam South");
            org.AddUser("Idle Ida");
            var webinar = Campaign(org, "Webinar");
            foreach (var (name, owner, industry) in new[] { ("A", rita, Accounting), ("B", sam, Accounting), ("C", rita, Brokers), ("D", rita, Accounting) })
            {
                org.SystemService.Create(new Entity(LeadTable.EntityName)
                {
                    ["lastname"] = name,
                    ["ownerid"] = new EntityReference("systemuser", owner),
                    ["industrycode"] = new OptionSetValue(industry),
                    ["campaignid"] = new EntityReference("campaign", webinar),
                });
            }

            var query = new QueryExpression("campaign") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition("campaignid", ConditionOperator.Equal, webinar);
            var leads = query.AddLink(LeadTable.EntityName, "campaignid", "campaignid");
            leads.EntityAlias = "lead";
            leads.Columns = new ColumnSet("lastname");
            leads.LinkCriteria.AddCondition("industrycode", ConditionOperator.Equal, Accounting);
            var owners = leads.AddLink("systemuser", "ownerid", "systemuserid");
            owners.EntityAlias = "owner";
            owners.Columns = new ColumnSet("fullname");
            var users = new QueryExpression("systemuser") { ColumnSet = new ColumnSet("fullname") };
            users.Criteria.AddCondition("systemuserid", ConditionOperator.In, rita, sam);
            var owned = users.AddLink(LeadTable.EntityName, "systemuserid", "ownerid", JoinOperator.LeftOuter);
            owned.EntityAlias = "lead";
            owned.Columns = new ColumnSet("lastname");
            owned.LinkCriteria.AddCondition("industrycode", ConditionOperator.Equal, Accounting);

            Assert.Equal(
                new[] { "A Rita Rep", "B Sam South", "D Rita Rep" },
                org.SystemService.RetrieveMultiple(query).Entities.Select(row => row.GetAttributeValue<AliasedValue>("lead.lastname").Value + " " + row.GetAttributeValue<AliasedValue>("owner.fullname").Value));
            Assert.Equal(
                new[] { "Rita Rep A", "Rita Rep D", "Sam South B" },
                org.SystemService.RetrieveMultiple(users).Entities.Select(row => row.GetAttributeValue<string>("fullname") + " " + row.GetAttributeValue<AliasedValue>("lead.lastname").Value));
        }

        [Fact]
        public void Pages_of_an_indexed_query_together_are_the_whole_ordered_result()
        {
            var org = TestOrganization.With();
            for (var i = 0; i < 25; i++)
            {
                org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Lead " + (i % 7), ["industrycode"] = new OptionSetValue(1 + (i % 2)) });
            }

            QueryExpression Query(int page)
            {
                var query = Indexed(Condition("industrycode", ConditionOperator.Equal, Accounting));
                query.AddOrder("lastname", OrderType.Descending);
                query.PageInfo = new PagingInfo { Count = 5, PageNumber = page, ReturnTotalRecordCount = true };
                return query;
            }

            var whole = Indexed(Condition("industrycode", ConditionOperator.Equal, Accounting));
            whole.AddOrder("lastname", OrderType.Descending);
            var expected = Ids(org.SystemService, whole);
            var paged = new List<Guid>();
            EntityCollection result;
            var page = 1;
            do
            {
                result = org.SystemService.RetrieveMultiple(Query(page++));
                Assert.Equal(13, result.TotalRecordCount);
                paged.AddRange(result.Entities.Select(row => row.Id));
            }
            while (result.MoreRecords);

            Assert.Equal(13, expected.Count);
            Assert.Equal(expected, paged);
            Assert.Equal(4, page);
        }

        private static Guid Campaign(InMemoryDataverse org, string name) => org.SystemService.Create(new Entity("campaign") { ["name"] = name });

        private static ConditionExpression Condition(string column, ConditionOperator op, params object[] values) => new(column, op, values);

        /// <summary>The condition at the top of the criteria: the engine reads the rows from the index.</summary>
        private static QueryExpression Indexed(ConditionExpression condition)
        {
            var query = new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet("lastname", "industrycode", "campaignid") };
            query.Criteria.AddCondition(condition);
            return query;
        }

        /// <summary>The same condition in a nested filter: the engine scans the table.</summary>
        private static QueryExpression Scanned(ConditionExpression condition)
        {
            var query = new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet("lastname", "industrycode", "campaignid") };
            var nested = new FilterExpression(LogicalOperator.And);
            nested.AddCondition(condition);
            query.Criteria.AddFilter(nested);
            return query;
        }

        private static List<Guid> Ids(IOrganizationService service, QueryExpression query) =>
            service.RetrieveMultiple(query).Entities.Select(row => row.Id).ToList();
    }
}
