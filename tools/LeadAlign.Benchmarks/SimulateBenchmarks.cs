using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LeadAlign.Cli.Simulation;

namespace LeadAlign.Benchmarks
{
    /// <summary>
    /// `leadalign simulate` throughput (issue 19): a whole month of <see cref="Leads"/> leads (10 reps, 30 days, seed 42, the
    /// report included) per invocation, once, in its own process. The time of the operation is the month's: leads a second are
    /// <see cref="Leads"/> divided by it. The 50,000-lead month takes minutes: filter to one size when only one is wanted.
    /// </summary>
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
    [MemoryDiagnoser]
    public class SimulateBenchmarks
    {
        [Params(5_000, 50_000)]
        public int Leads { get; set; }

        [Benchmark(Description = "simulate: one month with its report")]
        public int Month()
        {
            var simulator = new Simulator(new SimulationOptions { Leads = Leads, Reps = 10, Days = 30, Seed = 42, SolutionFolder = ScoringBenchmarks.SolutionFolder() });
            simulator.Run((_, _, _) => { });
            return new SimulationReport(simulator, ScoringBenchmarks.SolutionFolder()).Stats.Leads;
        }
    }
}
