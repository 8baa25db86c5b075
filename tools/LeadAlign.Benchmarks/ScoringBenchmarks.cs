using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using LeadAlign.Dataverse;
using LeadAlign.Plugins;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Benchmarks
{
    /// <summary>What lead scoring costs per save, with LeadAlign's solution imported in the in-memory Dataverse.</summary>
    [MemoryDiagnoser]
    public class ScoringBenchmarks
    {
        private InMemoryDataverse _org = null!;
        private Guid _lead;
        private int _turn;

        [GlobalSetup]
        public void Setup()
        {
            _org = new InMemoryDataverse(DataverseOptions.ForSolution(SolutionFolder(), typeof(PluginBase).Assembly));
            _lead = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Benchmark", ["jobtitle"] = "Director" });
        }

        [Benchmark(Description = "Create a lead (scored)")]
        public Guid CreateScoredLead() => _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak", ["jobtitle"] = "VP Sales", ["numberofemployees"] = 500, ["emailaddress1"] = "ann@contoso.com" });

        [Benchmark(Description = "Update a fit column (re-scored)")]
        public void UpdateFitColumn() => _org.SystemService.Update(new Entity("lead", _lead) { ["numberofemployees"] = 100 + (_turn++ % 500) });

        [Benchmark(Description = "Marketing interaction on a lead (engagement)")]
        public Guid AddInteraction() => _org.SystemService.Create(new Entity("la_marketinginteraction")
        {
            ["subject"] = "Web visit",
            ["la_interactiontype"] = new OptionSetValue(412500000),
            ["regardingobjectid"] = new EntityReference("lead", _lead),
        });

        private static string SolutionFolder()
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
    }
}
