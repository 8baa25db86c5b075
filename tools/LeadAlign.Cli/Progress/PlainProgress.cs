using System;
using System.IO;
using LeadAlign.Cli.Simulation;

namespace LeadAlign.Cli.Progress
{
    /// <summary>
    /// Progress as plain lines on the output, one a simulated day (<c>  day   3/30: 512 leads</c>): what a log, a pipe or a test
    /// reads when the error stream is not a terminal.
    /// </summary>
    public sealed class PlainProgress : ISimulationProgress
    {
        private readonly TextWriter _output;

        public PlainProgress(TextWriter output)
        {
            _output = output;
        }

        public void Month(SimulationOptions options, string? label, Action<Action<int, int, int>> month)
        {
            _output.WriteLine($"Simulating {options.Leads} leads, {options.Reps} reps, {options.Days} days (seed {options.Seed}) on the in-memory Dataverse{(label == null ? string.Empty : ", " + label)}...");
            month((day, total, leads) => _output.WriteLine($"  day {day,3}/{total}: {leads} leads"));
        }

        /// <summary>Runs the step without a line: the plain output stays as it always was.</summary>
        public void Say(string line) => _output.WriteLine(line);

        public T Step<T>(string what, Func<T> step) => step();
    }
}
