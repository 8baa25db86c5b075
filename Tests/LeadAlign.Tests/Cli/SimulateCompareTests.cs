using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace LeadAlign.Tests.Cli
{
    /// <summary>
    /// leadalign simulate --compare: the same small seeded month as shipped and with one change, side by side, every figure taken
    /// from the two months' la_GetAlignmentReport JSON; a change it cannot make is a usage error before anything runs.
    /// </summary>
    public sealed class SimulateCompareTests
    {
        private sealed record Run(int Exit, string Output, string Error, string Text, string Csv, string Json, string BaselineJson);

        private static Run Compare(string change, int leads = 120)
        {
            var folder = Directory.CreateTempSubdirectory("leadalign-compare-").FullName;
            try
            {
                var output = new StringWriter();
                var error = new StringWriter();
                var exit = LeadAlign.Cli.Program.Run(new[] { "simulate", "--leads", leads.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reps", "4", "--days", "10", "--seed", "7", "--output", folder, "--compare", change }, output, error);
                string Read(string name) => File.Exists(Path.Combine(folder, name)) ? File.ReadAllText(Path.Combine(folder, name)) : string.Empty;
                return new Run(exit, output.ToString(), error.ToString(), Read("report-compare.txt"), Read("report-compare.csv"), Read("report-compare.json"), Read("report.json"));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        private static JsonElement Figure(JsonDocument comparison, string figure) =>
            comparison.RootElement.GetProperty("figures").EnumerateArray().Single(each => each.GetProperty("figure").GetString() == figure);

        private static int Stage(JsonElement report, string stage) =>
            report.GetProperty("waterfall").EnumerateArray().Single(each => each.GetProperty("stage").GetString() == stage).GetProperty("count").GetInt32();

        [Fact]
        public void A_higher_mql_threshold_gives_fewer_mqls_than_the_shipped_month_both_printed_side_by_side_and_the_same_seed_repeats_it()
        {
            var first = Compare("mql-threshold=70");
            var second = Compare("mql-threshold=70");

            Assert.Equal(0, first.Exit);
            Assert.Equal(string.Empty, first.Error);
            Assert.Contains("Simulating 120 leads, 4 reps, 10 days (seed 7) on the in-memory Dataverse, as shipped...", first.Output);
            Assert.Contains("Simulating 120 leads, 4 reps, 10 days (seed 7) on the in-memory Dataverse, with mql-threshold=70...", first.Output);
            Assert.Contains("What if mql-threshold=70: the scoring model's MQL threshold set to 70.", first.Output);
            Assert.Matches(new Regex(@"^\s+As shipped\s+mql-threshold=70\s+Difference\r?$", RegexOptions.Multiline), first.Output);

            // The figures are the reports' own: the shipped month's column is report.json's (which stays the shipped month's),
            // the change's column is the changed month's report, kept whole in report-compare.json.
            using var comparison = JsonDocument.Parse(first.Json);
            using var baseline = JsonDocument.Parse(first.BaselineJson);
            var mql = Figure(comparison, "MQL");
            var shipped = mql.GetProperty("baseline").GetInt32();
            var changed = mql.GetProperty("changed").GetInt32();
            Assert.Equal(Stage(baseline.RootElement, "MQL"), shipped);
            Assert.Equal(Stage(comparison.RootElement.GetProperty("changedReport"), "MQL"), changed);
            Assert.True(changed < shipped, $"MQLs at threshold 70 ({changed}) against 60 ({shipped})");
            Assert.Equal(changed - shipped, mql.GetProperty("difference").GetInt32());
            Assert.Equal(60, Figure(comparison, "MQL threshold").GetProperty("baseline").GetInt32());
            Assert.Equal(70, Figure(comparison, "MQL threshold").GetProperty("changed").GetInt32());
            Assert.Equal(120, Figure(comparison, "Inquiry").GetProperty("changed").GetInt32());

            // Both columns and the difference printed, on stdout and in report-compare.txt; the CSV carries the same row.
            Assert.Matches(new Regex($@"^  MQL\s+{shipped}\s+{changed}\s+{changed - shipped}\r?$", RegexOptions.Multiline), first.Output);
            Assert.Contains(first.Text, first.Output);
            Assert.Contains($",MQL,count,{shipped},{changed},{changed - shipped},,", first.Csv);
            foreach (var section in new[] { "Funnel", "Weekly MQLs (commitment", "SQLs per month (commitment", "SLA compliance", "Speed to lead (all reps)", "Pipeline and scoring" })
            {
                Assert.Contains("\n" + section, first.Text);
            }

            Assert.Equal(first.Text, second.Text);
            Assert.Equal(first.Csv, second.Csv);
        }

        [Fact]
        public void Routing_every_mql_to_the_queue_fills_the_sales_queue_the_shipped_ten_day_month_never_uses()
        {
            var run = Compare("routing=queue");

            Assert.Equal(0, run.Exit);
            using var comparison = JsonDocument.Parse(run.Json);
            var picked = Figure(comparison, "Picked from the sales queue");
            Assert.Equal(0, picked.GetProperty("baseline").GetInt32());
            Assert.True(picked.GetProperty("changed").GetInt32() > 0, "leads picked from the queue: " + picked);
            Assert.Contains("What if routing=queue: the agreement routes MQLs to the reps' lead queue all month", run.Output);
        }

        [Fact]
        public void More_reps_and_a_tighter_accept_sla_reach_the_month_the_report_describes()
        {
            var reps = Compare("reps=6");
            // 800 leads: enough MQLs (93 with seed 7) for the slower reps' habits to breach a 1-hour accept SLA more often (14 → 22).
            var hours = Compare("accept-hours=1", leads: 800);

            Assert.Equal(0, reps.Exit);
            using var repsComparison = JsonDocument.Parse(reps.Json);
            Assert.Equal(4, Figure(repsComparison, "Reps (capacity)").GetProperty("baseline").GetInt32());
            Assert.Equal(6, Figure(repsComparison, "Reps (capacity)").GetProperty("changed").GetInt32());
            Assert.Equal(0, hours.Exit);
            using var hoursComparison = JsonDocument.Parse(hours.Json);
            var breached = Figure(hoursComparison, "Accept breached");
            Assert.True(breached.GetProperty("changed").GetInt32() > breached.GetProperty("baseline").GetInt32(), "accept breaches with 1 business hour against 4: " + breached);
        }

        [Fact]
        public void Round_robin_all_month_on_a_month_too_short_for_the_queue_week_changes_nothing_and_says_so()
        {
            var run = Compare("routing=round-robin");

            Assert.Equal(0, run.Exit);
            using var comparison = JsonDocument.Parse(run.Json);
            var figures = comparison.RootElement.GetProperty("figures").EnumerateArray().ToList();
            Assert.Contains(figures, figure => figure.GetProperty("figure").GetString() == "MQL" && figure.GetProperty("difference").GetInt32() == 0);
            Assert.Empty(figures.Where(figure => figure.GetProperty("difference").ValueKind == JsonValueKind.Number && figure.GetProperty("difference").GetDecimal() != 0).Select(figure => figure.GetProperty("figure").GetString()));
            Assert.Contains("routing=round-robin changed none of these figures: this month already runs that way, or the change does not reach them.", run.Output);
        }

        [Theory]
        [InlineData("mql-threshold=high", "mql-threshold must be a whole number from 0 to 100000")]
        [InlineData("accept-hours=0", "accept-hours must be a whole number from 1 to 1000")]
        [InlineData("reps=1", "reps must be a whole number from 2 to 200")]
        [InlineData("routing=sideways", "routing must be round-robin or queue")]
        [InlineData("budget=10", "--compare 'budget=10' is not a change LeadAlign can compare")]
        public void A_change_it_cannot_make_exits_2_before_simulating_and_says_what_to_give(string change, string message)
        {
            var output = new StringWriter();
            var error = new StringWriter();

            var exit = LeadAlign.Cli.Program.Run(new[] { "simulate", "--leads", "120", "--reps", "4", "--days", "10", "--compare", change }, output, error);

            Assert.Equal(2, exit);
            Assert.Contains(message, error.ToString());
            Assert.Contains("Give one change as name=value: mql-threshold=<0-100000>", error.ToString());
            Assert.Contains("routing=round-robin|queue", error.ToString());
            Assert.DoesNotContain("Simulating", output.ToString());
        }
    }
}
