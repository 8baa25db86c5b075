using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using LeadAlign.Dataverse;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Benchmarks
{
    /// <summary>
    /// A query on 100,000 leads with and without a condition the store's index answers (issue 19): the leads of one owner read from
    /// the ownerid index, the same condition in a nested filter (which the engine always scans), the open leads of one owner counted
    /// by a FetchXML aggregate as routing counts them (from the indexes, and with its conditions nested: the rows read and counted), a page of the open leads
    /// with the previous page's paging cookie and without it, and the second page of one campaign's leads.
    /// </summary>
    [MemoryDiagnoser]
    public class IndexBenchmarks
    {
        private const int Owners = 200;
        private InMemoryDataverse _org = null!;
        private Guid[] _owners = null!;
        private Guid _campaign;
        private string _cookieOfPage39 = null!;

        [Params(100_000)]
        public int Leads { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _org = new InMemoryDataverse();
            _owners = Enumerable.Range(0, Owners).Select(index => _org.AddUser("Rep " + index)).ToArray();
            _campaign = _org.SystemService.Create(new Entity("campaign") { ["name"] = "Webinar" });
            _org.Seed(Enumerable.Range(0, Leads).Select(index => new Entity("lead", _org.NewId())
            {
                ["lastname"] = "Lead " + index,
                ["companyname"] = "Company " + (index % 500),
                ["ownerid"] = new EntityReference("systemuser", _owners[index % Owners]),
                ["statecode"] = new OptionSetValue(index % 4 == 0 ? 1 : 0),
                ["campaignid"] = index % 10 == 0 ? new EntityReference("campaign", _campaign) : null,
            }));
            _cookieOfPage39 = _org.SystemService.RetrieveMultiple(OpenLeadsPage(39, null)).PagingCookie;
        }

        [Benchmark(Description = "Leads of one owner (ownerid index)")]
        public int IndexedByOwner()
        {
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
            query.Criteria.AddCondition("ownerid", ConditionOperator.Equal, _owners[42]);
            return _org.SystemService.RetrieveMultiple(query).Entities.Count;
        }

        [Benchmark(Description = "Leads of one owner (same condition nested: scan)")]
        public int ScannedByOwner()
        {
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
            var nested = new FilterExpression(LogicalOperator.And);
            nested.AddCondition("ownerid", ConditionOperator.Equal, _owners[42]);
            query.Criteria.AddFilter(nested);
            return _org.SystemService.RetrieveMultiple(query).Entities.Count;
        }

        [Benchmark(Description = "Count one owner's open leads (FetchXML aggregate)")]
        public int CountOpenLeadsOfOwner() => (int)_org.SystemService.RetrieveMultiple(new FetchExpression(
            "<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='n' aggregate='count'/><filter>"
            + "<condition attribute='ownerid' operator='eq' value='" + _owners[7] + "'/><condition attribute='statecode' operator='eq' value='0'/>"
            + "</filter></entity></fetch>")).Entities[0].GetAttributeValue<AliasedValue>("n").Value;

        [Benchmark(Description = "Count one owner's open leads (same conditions nested: rows read and counted)")]
        public int CountOpenLeadsOfOwnerScanned() => (int)_org.SystemService.RetrieveMultiple(new FetchExpression(
            "<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='n' aggregate='count'/><filter><filter>"
            + "<condition attribute='ownerid' operator='eq' value='" + _owners[7] + "'/><condition attribute='statecode' operator='eq' value='0'/>"
            + "</filter></filter></entity></fetch>")).Entities[0].GetAttributeValue<AliasedValue>("n").Value;

        [Benchmark(Description = "Page 40 (250 rows) of the open leads with page 39's cookie (continues after its last row)")]
        public int OpenLeadsPageAfterCookie() => _org.SystemService.RetrieveMultiple(OpenLeadsPage(40, _cookieOfPage39)).Entities.Count;

        [Benchmark(Description = "Page 40 (250 rows) of the open leads without a cookie (counted off the whole result)")]
        public int OpenLeadsPageCountedOff() => _org.SystemService.RetrieveMultiple(OpenLeadsPage(40, null)).Entities.Count;

        /// <summary>A page of the open leads without an order, as la_RecalculateLeadScores pages through them.</summary>
        private static QueryExpression OpenLeadsPage(int page, string? cookie)
        {
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname"), PageInfo = new PagingInfo { Count = 250, PageNumber = page, PagingCookie = cookie } };
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            return query;
        }

        [Benchmark(Description = "Page 2 (50 rows) of one campaign's leads by name")]
        public int SecondPageOfCampaign()
        {
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname"), PageInfo = new PagingInfo { Count = 50, PageNumber = 2 } };
            query.Criteria.AddCondition("campaignid", ConditionOperator.Equal, _campaign);
            query.AddOrder("lastname", OrderType.Ascending);
            return _org.SystemService.RetrieveMultiple(query).Entities.Count;
        }
    }
}
