using System;
using LeadAlign.Cli.Simulation.Compare;

namespace LeadAlign.Cli.Simulation
{
    /// <summary>
    /// What <c>leadalign simulate</c> runs: how many leads and reps, over how many days, from which seed, written where, and (for
    /// <c>--compare</c>) the one what-if change applied to the shipped agreement or scoring model after set-up.
    /// </summary>
    public sealed record SimulationOptions
    {
        public int Leads { get; init; } = 5000;

        public int Reps { get; init; } = 10;

        public int Days { get; init; } = 30;

        public int Seed { get; init; } = 42;

        public string OutputFolder { get; init; } = "simulation";

        public string SolutionFolder { get; init; } = string.Empty;

        /// <summary>
        /// The days (from the month's start) the agreement routes MQLs to the reps' lead queue instead of round robin: the third
        /// week as shipped, when the month has one. <c>--compare routing=...</c> routes the whole month one way.
        /// </summary>
        public int QueueFromDay { get; init; } = 14;

        /// <summary>The day routing goes back to round robin; the queue week is skipped when the month ends before it.</summary>
        public int QueueToDay { get; init; } = 21;

        /// <summary>The what-if change the simulator applies to the agreement or the scoring model after set-up; null as shipped.</summary>
        public SimulationChange? Change { get; init; }

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
