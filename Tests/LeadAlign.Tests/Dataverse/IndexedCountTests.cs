using System;
using System.Globalization;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Query;
using LeadAlign.Schema;
using LeadAlign.Tests.Dataverse.Security;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse
{
    /// <summary>
    /// A FetchXML count (count, or countcolumn of the primary id) whose conditions the store's indexes answer whole is counted from
    /// the indexes, without reading a row: it gives what counting the rows gives. The rows to compare with are counted by the same
    /// conditions inside a nested filter, which the indexes never answer.
    /// </summary>
    public sealed class IndexedCountTests
    {
        private const int Accounting = 1;
        private const int Agriculture = 2;
        private const int Brokers = 4;

        [Fact]
        public void A_count_whose_conditions_the_indexes_answer_is_the_count_of_the_rows_a_scan_finds()
        {
            var org = TestOrganization.With();
            var webinar = Campaign(org, "Webinar");
            var fair = Campaign(org, "Fair");
            for (var i = 0; i < 30; i++)
            {
                var lead = new Entity(LeadTable.EntityName) { ["lastname"] = "Lead " + i, ["industrycode"] = new OptionSetValue(1 + (i % 3)) };
                if (i % 4 != 0)
                {
                    lead["campaignid"] = new EntityReference("campaign", i % 2 == 0 ? webinar : fair);
                }

                org.SystemService.Create(lead);
            }

            var cases = new[]
            {
                Eq("campaignid", webinar),
                Eq("campaignid", fair) + Eq("industrycode", Agriculture),
                In("industrycode", Accounting, Brokers),
                In("industrycode", Accounting, Accounting, Agriculture),
                In("lastname", "LEAD 7", "lead 8", "Lead 99"),
                Eq("campaignid", Guid.NewGuid()),
                Eq("leadsourcecode", 1),
                string.Empty,
            };
            foreach (var conditions in cases)
            {
                Assert.Equal(Count(org.SystemService, Scanned(conditions)), Count(org.SystemService, Indexed(conditions)));
                Assert.Equal(Count(org.SystemService, Scanned(conditions)), Count(org.SystemService, Indexed(conditions, "countcolumn")));
            }

            Assert.Equal(15, Count(org.SystemService, Indexed(Eq("campaignid", fair))));
            Assert.Equal(5, Count(org.SystemService, Indexed(Eq("campaignid", fair) + Eq("industrycode", Agriculture))));
            Assert.Equal(10, Count(org.SystemService, Indexed(In("industrycode", Accounting, Brokers))));
            Assert.Equal(2, Count(org.SystemService, Indexed(In("lastname", "LEAD 7", "lead 8", "Lead 99"))));
            Assert.Equal(0, Count(org.SystemService, Indexed(Eq("leadsourcecode", 1))));
            Assert.Equal(30, Count(org.SystemService, Indexed(string.Empty)));
        }

        [Fact]
        public void A_count_follows_updates_deletes_and_a_rolled_back_transaction()
        {
            var org = TestOrganization.With();
            var moved = org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Moved", ["industrycode"] = new OptionSetValue(Accounting) });
            var deleted = org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Deleted", ["industrycode"] = new OptionSetValue(Accounting) });
            org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Stays", ["industrycode"] = new OptionSetValue(Accounting) });

            org.SystemService.Update(new Entity(LeadTable.EntityName, moved) { ["industrycode"] = new OptionSetValue(Brokers) });
            org.SystemService.Delete(LeadTable.EntityName, deleted);
            var transaction = new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection
                {
                    new UpdateRequest { Target = new Entity(LeadTable.EntityName, moved) { ["industrycode"] = new OptionSetValue(Accounting) } },
                    new CreateRequest { Target = new Entity(LeadTable.EntityName) { ["lastname"] = "Inserted", ["industrycode"] = new OptionSetValue(Accounting) } },
                    new UpdateRequest { Target = new Entity(LeadTable.EntityName, Guid.NewGuid()) { ["lastname"] = "Nobody" } },
                },
            };
            TestOrganization.Fault(() => org.SystemService.Execute(transaction));

            Assert.Equal(1, Count(org.SystemService, Indexed(Eq("industrycode", Accounting))));
            Assert.Equal(1, Count(org.SystemService, Indexed(Eq("industrycode", Brokers))));
            Assert.Equal(Count(org.SystemService, Scanned(Eq("industrycode", Accounting))), Count(org.SystemService, Indexed(Eq("industrycode", Accounting))));
        }

        [Fact]
        public void A_count_leaves_out_the_rows_the_user_cannot_read_as_counting_the_rows_does()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.North, "LeadAlign Sales Rep");
            var southRep = given.User("Sam South", given.South, "LeadAlign Sales Rep");
            given.LeadOf(rep, "Own");
            given.LeadOf(southRep, "South's");
            var owners = In("ownerid", rep, southRep);

            Assert.Equal(1, Count(given.Org.As(rep), Indexed(owners)));
            Assert.Equal(Count(given.Org.As(rep), Scanned(owners)), Count(given.Org.As(rep), Indexed(owners)));
            Assert.Equal(2, Count(given.Org.SystemService, Indexed(owners)));
        }

        [Fact]
        public void A_count_the_indexes_answer_reads_no_row_and_one_they_cannot_answer_counts_the_rows()
        {
            // Given a table whose rows cannot be read, and indexes that count 7 leads of industry 1
            var engine = new QueryEngine(_ => throw new InvalidOperationException("a row was read"), _ => "leadid", new ConditionEvaluator(() => DateTime.UtcNow, Guid.Empty))
            {
                CountWhere = (table, conditions) => table == "lead" && conditions.Count == 1 && conditions[0].Key == "industrycode" && conditions[0].Value.SequenceEqual(new object[] { 1 }) ? 7 : null,
            };
            var fetch = new FetchXmlEngine(engine, _ => Enumerable.Empty<Entity>(), _ => "leadid", engine.Evaluator, (_, column) => column == "industrycode" ? AttributeTypeCode.Picklist : AttributeTypeCode.String);

            // When the count's conditions are answered by the indexes, then no row is read
            var counted = Assert.Single(fetch.Execute(Indexed(Eq("industrycode", 1))).Entities);
            Assert.Equal(7, counted.GetAttributeValue<AliasedValue>("total").Value);

            // A condition the indexes cannot answer (a range), a grouped count the store does not count by group, or a sum reads the rows
            Assert.Throws<InvalidOperationException>(() => fetch.Execute(Indexed("<condition attribute='lastname' operator='like' value='L%' />")));
            Assert.Throws<InvalidOperationException>(() => fetch.Execute(
                "<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='total' aggregate='count' /><attribute name='industrycode' alias='industry' groupby='true' />"
                + "<filter>" + Eq("industrycode", 1) + "</filter></entity></fetch>"));
        }

        private static Guid Campaign(InMemoryDataverse org, string name) => org.SystemService.Create(new Entity("campaign") { ["name"] = name });

        private static string Eq(string column, object value) => $"<condition attribute='{column}' operator='eq' value='{Value(value)}' />";

        private static string In(string column, params object[] values) =>
            $"<condition attribute='{column}' operator='in'>{string.Concat(values.Select(value => "<value>" + Value(value) + "</value>"))}</condition>";

        private static string Value(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;

        /// <summary>The conditions at the top of the fetch's filter: the indexes count the rows.</summary>
        private static string Indexed(string conditions, string aggregate = "count") =>
            $"<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='total' aggregate='{aggregate}' /><filter>{conditions}</filter></entity></fetch>";

        /// <summary>The same conditions in a nested filter: the engine reads and counts the rows.</summary>
        private static string Scanned(string conditions) =>
            $"<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='total' aggregate='count' /><filter><filter>{conditions}</filter></filter></entity></fetch>";

        private static int Count(IOrganizationService service, string fetch) =>
            (int)Assert.Single(service.RetrieveMultiple(new FetchExpression(fetch)).Entities).GetAttributeValue<AliasedValue>("total").Value;
    }
}
