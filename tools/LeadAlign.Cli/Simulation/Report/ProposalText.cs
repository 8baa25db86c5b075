using System;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>
    /// The fitted scoring proposal beside the model it was fitted from, as text and CSV, written from la_ProposeScoringModel's
    /// Proposal JSON and nothing else: the back-test on the held-out leads (current against proposed), the thresholds, and every
    /// rule's points with its interval, training leads, lift and note.
    /// </summary>
    internal static class ProposalText
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        public static void Write(JsonElement proposal, TextWriter output)
        {
            var training = proposal.GetProperty("training");
            var heldOut = proposal.GetProperty("heldOut");
            var outcome = proposal.GetProperty("outcome").GetString();
            var backTest = proposal.GetProperty("backTest");
            var thresholds = proposal.GetProperty("thresholds");
            output.WriteLine($"Scoring: current model against the proposal fitted to {outcome} outcomes ({proposal.GetProperty("proposedModel").GetString()}, awaiting a marketing and a sales approval)");
            output.WriteLine($"  Fitted to {Int(training, "leads")} leads with an outcome, MQLs from {Day(training, "from")} to {Day(training, "to")}: {Int(training, "reached")} reached {outcome}, {Int(training, "notReached")} did not ({Int(training, "open")} still open, left out)");
            output.WriteLine($"  Back-tested on {Int(heldOut, "leads")} later leads, {Day(heldOut, "from")} to {Day(heldOut, "to")} (not fitted to)");
            output.WriteLine($"  {"Held out",-28} {"current",9} {"proposed",9}");
            output.WriteLine($"  {"AUC (" + outcome + ")",-28} {Decimal(backTest.GetProperty("auc"), "current", "0.000"),9} {Decimal(backTest.GetProperty("auc"), "proposed", "0.000"),9}");
            output.WriteLine($"  {"MQLs a week",-28} {Decimal(backTest.GetProperty("mqlsPerWeek"), "current", "0.0"),9} {Decimal(backTest.GetProperty("mqlsPerWeek"), "proposed", "0.0"),9}");
            output.WriteLine($"  {"SAL rate",-28} {Percent(backTest.GetProperty("salRate"), "current"),9} {Percent(backTest.GetProperty("salRate"), "proposed"),9}");
            var top = backTest.GetProperty("topBandRate");
            output.WriteLine($"  {outcome + " rate in the hot band",-28} {Percent(top, "current"),9} {Percent(top, "proposed"),9}   ({Int(top, "currentLeads")} and {Int(top, "proposedLeads")} leads)");
            output.WriteLine($"  {"MQL / warm / hot thresholds",-28} {Thresholds(thresholds.GetProperty("current")),9} {Thresholds(thresholds.GetProperty("proposed")),9}");
            output.WriteLine("  Rules: points now → proposed [95% interval], training leads it fired for, lift");
            foreach (var rule in proposal.GetProperty("rules").EnumerateArray())
            {
                var note = rule.GetProperty("note").ValueKind == JsonValueKind.String ? "  " + rule.GetProperty("note").GetString() : string.Empty;
                output.WriteLine($"    {rule.GetProperty("name").GetString(),-38} {Int(rule, "currentPoints"),4} → {Int(rule, "proposedPoints"),4} [{Int(rule, "low")}, {Int(rule, "high")}]  n {Int(rule, "hits")}  lift {Decimal(rule, "lift", "0.00")}{note}");
            }
        }

        /// <summary>The proposal as CSV rows (section,name,current,proposed,...), to append to report.csv.</summary>
        public static void WriteCsv(JsonElement proposal, TextWriter output)
        {
            var backTest = proposal.GetProperty("backTest");
            output.WriteLine("proposal,figure,current,proposed");
            foreach (var figure in new[] { "auc", "mqlsPerWeek", "salRate", "topBandRate" })
            {
                output.WriteLine($"proposal,{figure},{Decimal(backTest.GetProperty(figure), "current", "0.####")},{Decimal(backTest.GetProperty(figure), "proposed", "0.####")}");
            }

            output.WriteLine("proposal rule,name,current points,proposed points,low,high,training leads,lift,note");
            foreach (var rule in proposal.GetProperty("rules").EnumerateArray())
            {
                var note = rule.GetProperty("note").ValueKind == JsonValueKind.String ? rule.GetProperty("note").GetString() : string.Empty;
                output.WriteLine($"proposal rule,{Csv(rule.GetProperty("name").GetString())},{Int(rule, "currentPoints")},{Int(rule, "proposedPoints")},{Int(rule, "low")},{Int(rule, "high")},{Int(rule, "hits")},{Decimal(rule, "lift", "0.00")},{Csv(note)}");
            }
        }

        private static string Thresholds(JsonElement scale) => $"{Int(scale, "mql")}/{Int(scale, "warm")}/{Int(scale, "hot")}";

        private static string Int(JsonElement element, string name) =>
            element.GetProperty(name).ValueKind == JsonValueKind.Number ? element.GetProperty(name).GetInt32().ToString(Invariant) : "-";

        private static string Decimal(JsonElement element, string name, string format) =>
            element.GetProperty(name).ValueKind == JsonValueKind.Number ? element.GetProperty(name).GetDecimal().ToString(format, Invariant) : "n/a";

        private static string Percent(JsonElement element, string name) =>
            element.GetProperty(name).ValueKind == JsonValueKind.Number ? (element.GetProperty(name).GetDecimal() * 100).ToString("0.0", Invariant) + "%" : "n/a";

        private static string Day(JsonElement element, string name) => element.GetProperty(name).GetString()?[..10] ?? "?";

        private static string Csv(string? value) =>
            value == null ? string.Empty : value.IndexOfAny(new[] { ',', '"', '\n' }) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
