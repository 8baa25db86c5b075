using System.IO;
using Xunit;

namespace LeadAlign.Tests.Cli
{
    /// <summary>leadalign simulate on a small seed: exact figures, the same report for the same seed, and its errors.</summary>
    public sealed class SimulateCommandTests
    {
        private static (int Exit, string Output, string Error, string Html) Simulate(params string[] extra)
        {
            var folder = Directory.CreateTempSubdirectory("leadalign-simulate-").FullName;
            try
            {
                var output = new StringWriter();
                var error = new StringWriter();
                var args = new System.Collections.Generic.List<string> { "simulate", "--leads", "120", "--reps", "4", "--days", "10", "--seed", "7", "--output", folder };
                args.AddRange(extra);
                var exit = LeadAlign.Cli.Program.Run(args.ToArray(), output, error);
                var html = File.Exists(Path.Combine(folder, "report.html")) ? File.ReadAllText(Path.Combine(folder, "report.html")) : string.Empty;
                return (exit, output.ToString(), error.ToString(), html);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        private static string Report(string output) => output[output.IndexOf("Funnel", System.StringComparison.Ordinal)..output.IndexOf("Done in", System.StringComparison.Ordinal)];

        [Fact]
        public void A_small_seeded_month_reports_exact_figures_and_the_same_seed_gives_the_same_report()
        {
            var first = Simulate();
            var second = Simulate();

            Assert.Equal(0, first.Exit);
            Assert.Equal(string.Empty, first.Error);
            Assert.Contains("  Inquiry        120", first.Output);
            Assert.Contains("  MQL             33  (27.5% of Inquiry)", first.Output);
            Assert.Contains("  SQL             17  (53.1% of SAL)", first.Output);
            Assert.Contains("Weekly MQLs (commitment 50)", first.Output);
            Assert.Contains("<svg", first.Html);
            Assert.Contains("SLA compliance", first.Html);
            Assert.Equal(Report(first.Output), Report(second.Output));
            Assert.Equal(first.Html, second.Html);
        }

        [Fact]
        public void A_bad_option_value_exits_2_and_a_missing_solution_folder_exits_3_and_both_say_what_to_give()
        {
            var daysError = new StringWriter();
            var tooFewDays = LeadAlign.Cli.Program.Run(new[] { "simulate", "--days", "3" }, new StringWriter(), daysError);
            var output = new StringWriter();
            var error = new StringWriter();
            var missing = LeadAlign.Cli.Program.Run(new[] { "simulate", "--solution", "/nonexistent/solution" }, output, error);

            Assert.Equal(2, tooFewDays);
            Assert.Contains("--days must be between 7 and 366; it was 3.", daysError.ToString());
            Assert.Equal(3, missing);
            Assert.Contains("does not exist: give the unpacked solution with --solution", error.ToString());
        }
    }
}
