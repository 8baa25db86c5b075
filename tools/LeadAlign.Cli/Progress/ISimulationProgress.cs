using System;
using LeadAlign.Cli.Simulation;

namespace LeadAlign.Cli.Progress
{
    /// <summary>
    /// Shows a simulated month's progress while it runs: a progress bar on a terminal (<see cref="TerminalProgress"/>), plain
    /// lines on the output when it is redirected (<see cref="PlainProgress"/>). <see cref="ProgressDisplay.For"/> chooses.
    /// </summary>
    public interface ISimulationProgress
    {
        /// <summary>
        /// Runs one month: <paramref name="month"/> runs it, reporting each simulated day to the callback it is given (the day,
        /// the days in the month, the leads created so far). <paramref name="label"/> names the run (null for a single month).
        /// </summary>
        void Month(SimulationOptions options, string? label, Action<Action<int, int, int>> month);

        /// <summary>Says one line where the progress goes (beside the bar, or among the plain lines), never among the report.</summary>
        void Say(string line);

        /// <summary>Runs a step after the month (asking for its report), saying <paramref name="what"/> it does while it runs.</summary>
        T Step<T>(string what, Func<T> step);
    }
}
