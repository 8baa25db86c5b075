using System.IO;
using System.Linq;
using LeadAlign.Cli.Progress;
using LeadAlign.Cli.Simulation;
using Spectre.Console;
using Xunit;

namespace LeadAlign.Tests.Cli
{
    /// <summary>
    /// leadalign simulate's progress: plain lines on the output when it is redirected (as a test's writers are), a Spectre.Console
    /// progress bar with the day, leads done, leads a second and the time left on an interactive error stream.
    /// </summary>
    public sealed class SimulateProgressTests
    {
        [Fact]
        public void Redirected_a_month_prints_a_plain_line_for_each_simulated_day_and_nothing_on_the_error_stream()
        {
            var folder = Directory.CreateTempSubdirectory("leadalign-progress-").FullName;
            try
            {
                var output = new StringWriter();
                var error = new StringWriter();

                var exit = LeadAlign.Cli.Program.Run(new[] { "simulate", "--leads", "120", "--reps", "4", "--days", "10", "--seed", "7", "--output", folder }, output, error);

                Assert.Equal(0, exit);
                Assert.Equal(string.Empty, error.ToString());
                var lines = output.ToString().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
                Assert.Equal($"Solution: {LeadAlign.Tests.Support.RepositoryLayout.PathInRepo("Solution")} (of the repository this build came from).", lines[0]);
                Assert.Equal("Simulating 120 leads, 4 reps, 10 days (seed 7) on the in-memory Dataverse...", lines[1]);
                var days = lines.Skip(2).TakeWhile(line => line.StartsWith("  day ", System.StringComparison.Ordinal)).ToList();
                Assert.Equal(Enumerable.Range(0, 11).Select(day => $"  day {day,3}/10: "), days.Select(line => line[..(line.IndexOf(':') + 2)]));
                Assert.Equal("  day  10/10: 120 leads", days[^1]);
                Assert.Contains("Alignment report:", output.ToString());
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void Writers_that_are_not_the_process_terminal_get_plain_lines()
        {
            var output = new StringWriter();

            var progress = ProgressDisplay.For(output, new StringWriter());
            progress.Month(new SimulationOptions { Leads = 30, Reps = 2, Days = 7, Seed = 3 }, "as shipped", report => report(7, 7, 30));

            Assert.IsType<PlainProgress>(progress);
            Assert.Equal(
                "Simulating 30 leads, 2 reps, 7 days (seed 3) on the in-memory Dataverse, as shipped..." + System.Environment.NewLine + "  day   7/7: 30 leads" + System.Environment.NewLine,
                output.ToString());
        }

        [Fact]
        public void On_a_terminal_the_bar_shows_the_run_its_simulated_day_leads_done_and_leads_a_second()
        {
            var screen = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(screen),
                Ansi = AnsiSupport.Yes,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.Yes,
            });
            console.Profile.Width = 160;
            var days = 0;

            new TerminalProgress(console).Month(new SimulationOptions { Leads = 1200, Reps = 4, Days = 10, Seed = 7 }, "with reps=6", report =>
            {
                for (var day = 0; day <= 10; day++)
                {
                    report(day, 10, day * 120);
                    days++;
                }
            });

            var asked = new TerminalProgress(console).Step("Asking la_GetAlignmentReport for the month...", () => 42);

            var shown = screen.ToString();
            Assert.Equal(42, asked);
            Assert.Contains("Asking la_GetAlignmentReport for the month...", shown);
            Assert.Equal(11, days);
            Assert.Contains("Simulating 1200 leads, 4 reps, 10 days (seed 7) on the in-memory Dataverse, with reps=6...", shown);
            Assert.Contains("with reps=6: day 10/10", shown);
            Assert.Contains("1,200/1,200 leads", shown);
            Assert.Contains("leads/s", shown);
            Assert.Contains("100%", shown);
        }
    }
}
