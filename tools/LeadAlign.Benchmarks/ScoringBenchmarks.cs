using System;
using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using LeadAlign.Cli.Simulation;
using LeadAlign.Dataverse;
using LeadAlign.Plugins;
using LeadAlign.Plugins.Scoring;
using LeadAlign.Schema;
using LeadAlign.WorkflowActivities;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Benchmarks
{
    /// <summary>
    /// The goals of the solution issue, measured: scoring one lead against a 50-rule model (the plug-in alone, warm cache),
    /// one lead save through the whole LeadAlign pipeline in the in-memory Dataverse, and simulate throughput.
    /// </summary>
    [MemoryDiagnoser]
    public class ScoringBenchmarks
    {
        private InMemoryDataverse _org = null!;
        private Guid _lead;
        private int _turn;
        private ScoreLeadPlugin _plugin = null!;
        private BenchmarkProvider _provider = null!;

        [GlobalSetup]
        public void Setup()
        {
            _org = new InMemoryDataverse(DataverseOptions.ForSolution(SolutionFolder(), typeof(PluginBase).Assembly, typeof(WorkflowActivityBase).Assembly));
            var model = new Guid("1ead5c0e-a000-4000-8000-000000000001");
            string[] columns = { "jobtitle", "companyname", "emailaddress1", "address1_city", "description" };
            for (var index = 0; index < 30; index++)
            {
                _org.SystemService.Create(new Entity(ScoringRuleTable.EntityName)
                {
                    [ScoringRuleTable.Name] = "Extra rule " + index,
                    [ScoringRuleTable.ScoringModelId] = new EntityReference(ScoringModelTable.EntityName, model),
                    [ScoringRuleTable.Category] = new OptionSetValue((int)ScoreCategory.Fit),
                    [ScoringRuleTable.Points] = index % 7 - 2,
                    [ScoringRuleTable.IsActive] = true,
                    [ScoringRuleTable.Column] = columns[index % columns.Length],
                    [ScoringRuleTable.Operator] = new OptionSetValue((int)FitOperator.Contains),
                    [ScoringRuleTable.Value] = "word" + index + ";other" + index,
                });
            }

            // The rule changes' asynchronous commit steps clear the cache's pending mark; until they run every lookup queries.
            _org.DrainAsync();
            _lead = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Benchmark", ["jobtitle"] = "Director", ["companyname"] = "Contoso" });
            _plugin = new ScoreLeadPlugin(string.Empty, string.Empty);
            _provider = new BenchmarkProvider(_org, new Entity("lead", _lead) { ["jobtitle"] = "VP Sales", ["numberofemployees"] = 700, ["revenue"] = new Money(2_000_000m), ["emailaddress1"] = "ann@contoso.com" });
            _plugin.Execute(_provider);
        }

        [Benchmark(Description = "Score one lead, 50-rule model (plug-in, warm cache)")]
        public object ScoreOneLead()
        {
            _provider.Reset();
            _plugin.Execute(_provider);
            return _provider.Target[LeadTable.Score];
        }

        [Benchmark(Description = "Lead save through the full LeadAlign pipeline")]
        public void SaveLead() => _org.SystemService.Update(new Entity("lead", _lead) { ["numberofemployees"] = 100 + (_turn++ % 500) });

        [Benchmark(Description = "Simulate 500 leads (leadalign simulate)", OperationsPerInvoke = 500)]
        public int Simulate500()
        {
            var simulator = new Simulator(new SimulationOptions { Leads = 500, Reps = 10, Days = 30, Seed = 1, SolutionFolder = SolutionFolder() });
            simulator.Run((_, _, _) => { });
            return simulator.Org.All("lead").Count;
        }

        internal static string SolutionFolder()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "LeadAlign.sln")))
                {
                    return Path.Combine(folder.FullName, "Solution");
                }
            }

            throw new InvalidOperationException("Run the benchmarks from inside the LeadAlign repository.");
        }

        /// <summary>The services a PreOperation lead Update step gets, with a fresh Target copy per run.</summary>
        private sealed class BenchmarkProvider : IServiceProvider, IPluginExecutionContext, ITracingService, IOrganizationServiceFactory
        {
            private readonly InMemoryDataverse _org;
            private readonly Entity _template;

            public BenchmarkProvider(InMemoryDataverse org, Entity template)
            {
                _org = org;
                _template = template;
                Reset();
            }

            public Entity Target { get; private set; } = null!;

            public void Reset()
            {
                Target = new Entity(_template.LogicalName, _template.Id);
                foreach (var attribute in _template.Attributes)
                {
                    Target[attribute.Key] = attribute.Value;
                }

                InputParameters["Target"] = Target;
            }

            public object? GetService(Type serviceType) => serviceType == typeof(IPluginExecutionContext) ? this : serviceType == typeof(ITracingService) ? this : serviceType == typeof(IOrganizationServiceFactory) ? this : null;

            public IOrganizationService CreateOrganizationService(Guid? userId) => _org.ServiceFor(userId ?? _org.SystemUserId);

            public void Trace(string format, params object[] args)
            {
            }

            public int Stage => 20;

            public IPluginExecutionContext ParentContext => null!;

            public int Mode => 0;

            public int IsolationMode => 2;

            public int Depth => 1;

            public string MessageName => "Update";

            public string PrimaryEntityName => "lead";

            public Guid? RequestId => null;

            public string SecondaryEntityName => "none";

            public ParameterCollection InputParameters { get; } = new();

            public ParameterCollection OutputParameters { get; } = new();

            public ParameterCollection SharedVariables { get; } = new();

            public Guid UserId => _org.SystemUserId;

            public Guid InitiatingUserId => _org.SystemUserId;

            public Guid BusinessUnitId => _org.RootBusinessUnitId;

            public Guid OrganizationId => _org.OrganizationId;

            public string OrganizationName => "benchmark";

            public Guid PrimaryEntityId => _template.Id;

            public EntityImageCollection PreEntityImages { get; } = new();

            public EntityImageCollection PostEntityImages { get; } = new();

            public EntityReference OwningExtension => null!;

            public Guid CorrelationId { get; } = Guid.NewGuid();

            public bool IsExecutingOffline => false;

            public bool IsOfflinePlayback => false;

            public bool IsInTransaction => true;

            public Guid OperationId => Guid.Empty;

            public DateTime OperationCreatedOn => _org.UtcNow;
        }
    }
}
