using System;
using BenchmarkDotNet.Attributes;
using LeadAlign.Dataverse;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Benchmarks
{
    /// <summary>What a scenario of the embedded run costs in the in-memory Dataverse: writes, a filtered query, a report.</summary>
    [MemoryDiagnoser]
    public class DataverseBenchmarks
    {
        private InMemoryDataverse _org = null!;
        private Guid _campaign;

        [Params(5_000)]
        public int Leads { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _org = new InMemoryDataverse();
            _campaign = _org.SystemService.Create(new Entity("campaign") { ["name"] = "Webinar" });
            for (var index = 0; index < Leads; index++)
            {
                _org.SystemService.Create(new Entity("lead")
                {
                    ["lastname"] = "Lead " + index,
                    ["companyname"] = "Company " + (index % 500),
                    ["campaignid"] = index % 3 == 0 ? new EntityReference("campaign", _campaign) : null,
                });
            }
        }

        [Benchmark(Description = "Create one lead")]
        public Guid CreateLead() => _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Benchmark" });

        [Benchmark(Description = "Query leads of one company")]
        public int QueryByCompany()
        {
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
            query.Criteria.AddCondition("companyname", ConditionOperator.Equal, "Company 42");
            return _org.SystemService.RetrieveMultiple(query).Entities.Count;
        }

        [Benchmark(Description = "Count leads by campaign (FetchXML)")]
        public int CountByCampaign() => _org.SystemService.RetrieveMultiple(new FetchExpression(
            "<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='n' aggregate='count'/><attribute name='campaignid' alias='c' groupby='true'/></entity></fetch>")).Entities.Count;
    }
}
