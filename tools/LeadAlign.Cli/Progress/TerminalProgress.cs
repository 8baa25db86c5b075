using System;
using LeadAlign.Cli.Simulation;
using Spectre.Console;

namespace LeadAlign.Cli.Progress
{
    /// <summary>
    /// A Spectre.Console progress bar on the error stream (a terminal): the run and its simulated day, the bar, leads done,
    /// leads a second and the time left, refreshed while the month runs; the output keeps only the report.
    /// </summary>
    public sealed class TerminalProgress : ISimulationProgress
    {
        private readonly IAnsiConsole _console;

        public TerminalProgress(IAnsiConsole console)
        {
            _console = console;
        }

        public void Month(SimulationOptions options, string? label, Action<Action<int, int, int>> month)
        {
            var name = label ?? "Simulating";
            _console.MarkupLine(Markup.Escape($"Simulating {options.Leads} leads, {options.Reps} reps, {options.Days} days (seed {options.Seed}) on the in-memory Dataverse{(label == null ? string.Empty : ", " + label)}..."));
            _console.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new LeadsPerSecondColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Describe(name, 0, options.Days), maxValue: options.Leads);
                    month((day, total, leads) =>
                    {
                        task.Description = Describe(name, day, total);
                        task.Value = leads;
                    });
                    task.Value = task.MaxValue;
                    task.StopTask();
                });
        }

        /// <summary>Runs the step under a spinner that says what it does; the spinner goes when it is done.</summary>
        public void Say(string line) => _console.MarkupLine(Markup.Escape(line));

        public T Step<T>(string what, Func<T> step) => _console.Status().Start(Markup.Escape(what), _ => step());

        private static string Describe(string name, int day, int total) => Markup.Escape($"{name}: day {day}/{total}");
    }
}
