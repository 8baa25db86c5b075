using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Benchmarks
{
    /// <summary>
    /// The load suite's work measured (issue 15): <see cref="Clients"/> clients at once, each creating qualified leads that hand off
    /// (routing takes the agreement's lock first) and logging a web visit on its lead and on one lead all clients share, with
    /// every LeadAlign step running. One invocation is a fresh organization and the whole batch; throughput is leads per second
    /// of the mean, and the lock waits are printed per run (writes that waited for a row lock, and for how long in all).
    /// </summary>
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
    public class LoadBenchmarks
    {
        private InMemoryDataverse _org = null!;
        private Guid _marketer;
        private Guid _hot;

        [Params(1, 8)]
        public int Clients { get; set; }

        public int LeadsEach => 400 / Clients;

        [IterationSetup]
        public void Setup()
        {
            var sales = new SalesOrganization(reps: 7, maxOpenLeadsPerRep: 1000);
            _org = sales.Org;
            _marketer = sales.Marketer;
            _hot = _org.As(_marketer).Create(Lead("Hot lead"));
        }

        [IterationCleanup]
        public void Report()
        {
            var (waits, waitedFor) = _org.Store.LockWaits;
            Console.WriteLine($"// lock waits with {Clients} client(s): {waits} waits, {waitedFor.TotalMilliseconds:F0} ms in all");
        }

        [Benchmark(Description = "400 handoffs and 800 web visits, split over the clients")]
        public int HandOffAndLog()
        {
            var service = _org.As(_marketer);
            Parallel.For(0, Clients, new ParallelOptions { MaxDegreeOfParallelism = Clients }, client =>
            {
                for (var index = 0; index < LeadsEach; index++)
                {
                    var lead = service.Create(Lead($"Lead {client}-{index}"));
                    Visit(service, lead);
                    Visit(service, _hot);
                }
            });
            return _org.Store.Count(LeadTable.EntityName);
        }

        private static Entity Lead(string name) => SalesOrganization.QualifiedLead(name);

        private static void Visit(IOrganizationService service, Guid lead) => service.Create(new Entity(MarketingInteractionTable.EntityName)
        {
            ["subject"] = "Visited /pricing",
            [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.WebVisit),
            ["regardingobjectid"] = new EntityReference(LeadTable.EntityName, lead),
        });
    }
}
