using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LeadAlign.Dataverse;
using LeadAlign.Plugins;
using LeadAlign.Schema;
using LeadAlign.WorkflowActivities;
using Microsoft.Crm.Sdk.Messages;
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
        private static readonly Guid AgreementId = new("1ead5c0e-b000-4000-8000-000000000001");
        private InMemoryDataverse _org = null!;
        private Guid _marketer;
        private Guid _hot;

        [Params(1, 8)]
        public int Clients { get; set; }

        public int LeadsEach => 400 / Clients;

        [IterationSetup]
        public void Setup()
        {
            _org = new InMemoryDataverse(DataverseOptions.ForSolution(ScoringBenchmarks.SolutionFolder(), typeof(PluginBase).Assembly, typeof(WorkflowActivityBase).Assembly));
            _org.DrainAsync();
            _marketer = _org.AddUser("Mia Marketing");
            var team = _org.SystemService.Create(new Entity("team") { ["name"] = "Inside sales", ["businessunitid"] = new EntityReference("businessunit", _org.RootBusinessUnitId) });
            var reps = Enumerable.Range(1, 7).Select(index => _org.AddUser("Rep " + index)).ToArray();
            _org.SystemService.Execute(new AddMembersTeamRequest { TeamId = team, MemberIds = reps });
            _org.SystemService.Update(new Entity(AgreementTable.EntityName, AgreementId) { [AgreementTable.SalesTeamId] = new EntityReference("team", team), [AgreementTable.MaxOpenLeadsPerRep] = 1000 });
            _org.DrainAsync();
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

        private static Entity Lead(string name) => new(LeadTable.EntityName)
        {
            ["lastname"] = name,
            ["companyname"] = "Contoso",
            ["jobtitle"] = "Chief Operating Officer",
            ["numberofemployees"] = 1500,
            ["revenue"] = new Money(20_000_000m),
            ["telephone1"] = "+1 555 0100",
        };

        private static void Visit(IOrganizationService service, Guid lead) => service.Create(new Entity(MarketingInteractionTable.EntityName)
        {
            ["subject"] = "Visited /pricing",
            [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.WebVisit),
            ["regardingobjectid"] = new EntityReference(LeadTable.EntityName, lead),
        });
    }
}
