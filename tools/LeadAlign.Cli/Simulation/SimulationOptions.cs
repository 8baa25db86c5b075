using System;

namespace LeadAlign.Cli.Simulation
{
    /// <summary>What <c>leadalign simulate</c> runs: how many leads and reps, over how many days, from which seed, written where.</summary>
    public sealed class SimulationOptions
    {
        public int Leads { get; init; } = 5000;

        public int Reps { get; init; } = 10;

        public int Days { get; init; } = 30;

        public int Seed { get; init; } = 42;

        public string OutputFolder { get; init; } = "simulation";

        public string SolutionFolder { get; init; } = string.Empty;

        /// <summary>Refuses options the simulation cannot run with, saying what to give instead.</summary>
        public void Check()
        {
            if (Leads < 1 || Leads > 100_000)
            {
                throw new ArgumentException($"--leads must be between 1 and 100000; it was {Leads}.");
            }

            if (Reps < 2 || Reps > 200)
            {
                throw new ArgumentException($"--reps must be between 2 and 200; it was {Reps}.");
            }

            if (Days < 7 || Days > 366)
            {
                throw new ArgumentException($"--days must be between 7 and 366; it was {Days}.");
            }
        }
    }
}
