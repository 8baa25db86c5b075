using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Benchmarks
{
    /// <summary>
    /// A handoff at scale (issue 19): the organization already holds <see cref="OpenLeads"/> accepted leads spread over ten reps,
    /// and marketing creates one more qualified lead, which scores as an MQL and is routed (the agreement's lock, the rotation, the open leads
    /// of the first batch of reps by a FetchXML aggregate, the owner, the clocks). Before issue 19 that count was one aggregate over
    /// every open lead of the team, which the platform refuses past 50,000 rows.
    /// </summary>
    [MemoryDiagnoser]
    public class HandoffBenchmarks
    {
        private InMemoryDataverse _org = null!;
        private Guid _marketer;
        private int _turn;

        [Params(100_000)]
        public int OpenLeads { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            var sales = new SalesOrganization(reps: 10, maxOpenLeadsPerRep: 100_000);
            _org = sales.Org;
            _marketer = sales.Marketer;
            _org.Seed(Enumerable.Range(0, OpenLeads).Select(index => new Entity(LeadTable.EntityName, _org.NewId())
            {
                ["lastname"] = "Accepted " + index,
                ["companyname"] = "Company " + (index % 500),
                ["ownerid"] = new EntityReference("systemuser", sales.Reps[index % sales.Reps.Length]),
                [LeadTable.Stage] = new OptionSetValue((int)LeadStage.Sal),
            }));
        }

        [Benchmark(Description = "Create a qualified lead that hands off, with 100,000 open leads")]
        public Guid HandOff() => _org.As(_marketer).Create(SalesOrganization.QualifiedLead("New " + _turn++));
    }
}
