using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using LeadAlign.Dataverse;
using LeadAlign.Plugins;
using LeadAlign.Schema;
using LeadAlign.WorkflowActivities;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Benchmarks
{
    /// <summary>
    /// A handoff at scale (issue 19): the organization already holds <see cref="OpenLeads"/> accepted leads spread over ten reps,
    /// and marketing creates one more qualified lead, which scores as an MQL and is routed (the agreement's lock, the count of each
    /// rep's open leads by a FetchXML aggregate, the owner, the clocks). Before the indexes, that count read every lead.
    /// </summary>
    [MemoryDiagnoser]
    public class HandoffBenchmarks
    {
        private static readonly Guid AgreementId = new("1ead5c0e-b000-4000-8000-000000000001");
        private InMemoryDataverse _org = null!;
        private Guid _marketer;
        private int _turn;

        [Params(100_000)]
        public int OpenLeads { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _org = new InMemoryDataverse(DataverseOptions.ForSolution(ScoringBenchmarks.SolutionFolder(), typeof(PluginBase).Assembly, typeof(WorkflowActivityBase).Assembly));
            _org.DrainAsync();
            _marketer = _org.AddUser("Mia Marketing");
            var team = _org.SystemService.Create(new Entity("team") { ["name"] = "Inside sales", ["businessunitid"] = new EntityReference("businessunit", _org.RootBusinessUnitId) });
            var reps = Enumerable.Range(1, 10).Select(index => _org.AddUser("Rep " + index)).ToArray();
            _org.SystemService.Execute(new AddMembersTeamRequest { TeamId = team, MemberIds = reps });
            _org.SystemService.Update(new Entity(AgreementTable.EntityName, AgreementId) { [AgreementTable.SalesTeamId] = new EntityReference("team", team), [AgreementTable.MaxOpenLeadsPerRep] = 100_000 });
            _org.DrainAsync();
            _org.Seed(Enumerable.Range(0, OpenLeads).Select(index => new Entity(LeadTable.EntityName, _org.NewId())
            {
                ["lastname"] = "Accepted " + index,
                ["companyname"] = "Company " + (index % 500),
                ["ownerid"] = new EntityReference("systemuser", reps[index % reps.Length]),
                [LeadTable.Stage] = new OptionSetValue((int)LeadStage.Sal),
            }));
        }

        [Benchmark(Description = "Create a qualified lead that hands off, with 100,000 open leads")]
        public Guid HandOff() => _org.As(_marketer).Create(new Entity(LeadTable.EntityName)
        {
            ["lastname"] = "New " + _turn++,
            ["companyname"] = "Contoso",
            ["jobtitle"] = "Chief Operating Officer",
            ["numberofemployees"] = 1500,
            ["revenue"] = new Money(20_000_000m),
            ["telephone1"] = "+1 555 0100",
        });
    }
}
