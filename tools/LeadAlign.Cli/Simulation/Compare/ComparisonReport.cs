using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace LeadAlign.Cli.Simulation.Compare
{
    /// <summary>
    /// <c>leadalign simulate --compare</c>'s report: the key figures of the same seeded month as shipped and with one change, side
    /// by side with their differences. Every figure is read from the two months' la_GetAlignmentReport JSON (the Custom API's
    /// own numbers, never recomputed): the funnel's counts and conversion, revenue won, weekly MQLs against the commitment,
    /// SQLs a month, SLA compliance, speed to lead, marketing's pipeline share and the scoring model's MQL threshold.
    /// </summary>
    public sealed class ComparisonReport
    {
        private const string Count = "count";
        private const string Percent = "percent";
        private const string Minutes = "minutes";
        private const string Money = "money";
        private readonly SimulationOptions _options;
        private readonly string _changedJson;

        public ComparisonReport(SimulationChange change, SimulationOptions options, string baselineJson, string changedJson)
        {
            Change = change;
            _options = options;
            _changedJson = changedJson;
            using var baseline = JsonDocument.Parse(baselineJson);
            using var changed = JsonDocument.Parse(changedJson);
            Figures = Read(baseline.RootElement, changed.RootElement);
            var period = baseline.RootElement.GetProperty("period");
            Period = $"{Day(period, "start")} to {Day(period, "end")}";
        }

        public SimulationChange Change { get; }

        /// <summary>The compared figures, in the report's order.</summary>
        public IReadOnlyList<ComparedFigure> Figures { get; }

        /// <summary>The simulated period, as the reports give it (end exclusive).</summary>
        public string Period { get; }

        /// <summary>The figure of that section and name; fails when the report has no such figure.</summary>
        public ComparedFigure Figure(string section, string figure) =>
            Figures.FirstOrDefault(each => each.Section == section && each.Figure == figure)
            ?? throw new KeyNotFoundException($"The comparison has no figure '{figure}' in '{section}'.");

        public void WriteText(TextWriter output)
        {
            var column = Math.Max(14, Change.Text.Length + 2);
            output.WriteLine($"What if {Change.Text}: {Change.Description}.");
            output.WriteLine($"The same seeded world twice: {_options.Leads} leads, {_options.Reps} reps, {_options.Days} days, seed {_options.Seed}, {Period} (exclusive).");
            output.WriteLine($"{string.Empty,-40}{"As shipped".PadLeft(column)}{Change.Text.PadLeft(column)}{"Difference".PadLeft(16)}");
            foreach (var section in Figures.GroupBy(figure => figure.Section))
            {
                output.WriteLine(section.Key);
                foreach (var figure in section)
                {
                    output.WriteLine($"  {figure.Figure,-38}{figure.Show(figure.Baseline, figure.BaselineNote).PadLeft(column)}{figure.Show(figure.Changed, figure.ChangedNote).PadLeft(column)}{figure.ShowDifference().PadLeft(16)}");
                }
            }

            if (Figures.All(figure => figure.Baseline == figure.Changed && figure.BaselineNote == figure.ChangedNote))
            {
                output.WriteLine($"{Change.Text} changed none of these figures: this month already runs that way, or the change does not reach them.");
            }
        }

        public void WriteCsv(TextWriter output)
        {
            output.WriteLine(string.Join(",", "section", "figure", "unit", "as shipped", Csv(Change.Text), "difference", "as shipped note", Csv(Change.Text + " note")));
            foreach (var figure in Figures)
            {
                output.WriteLine(string.Join(",", Csv(figure.Section), Csv(figure.Figure), figure.Unit, Invariant(figure.Baseline), Invariant(figure.Changed), Invariant(figure.Difference), Csv(figure.BaselineNote ?? string.Empty), Csv(figure.ChangedNote ?? string.Empty)));
            }
        }

        /// <summary>The comparison as indented JSON: the change, the month, the figures and the changed month's whole report.</summary>
        public string Json()
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("change");
                writer.WriteString("name", Change.Name);
                writer.WriteString("value", Change.Value);
                writer.WriteString("description", Change.Description);
                writer.WriteEndObject();
                writer.WriteStartObject("month");
                writer.WriteNumber("leads", _options.Leads);
                writer.WriteNumber("reps", _options.Reps);
                writer.WriteNumber("days", _options.Days);
                writer.WriteNumber("seed", _options.Seed);
                writer.WriteEndObject();
                writer.WriteStartArray("figures");
                foreach (var figure in Figures)
                {
                    writer.WriteStartObject();
                    writer.WriteString("section", figure.Section);
                    writer.WriteString("figure", figure.Figure);
                    writer.WriteString("unit", figure.Unit);
                    Number(writer, "baseline", figure.Baseline);
                    Number(writer, "changed", figure.Changed);
                    Number(writer, "difference", figure.Difference);
                    if (figure.BaselineNote != null || figure.ChangedNote != null)
                    {
                        writer.WriteString("baselineNote", figure.BaselineNote);
                        writer.WriteString("changedNote", figure.ChangedNote);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WritePropertyName("changedReport");
                using (var changed = JsonDocument.Parse(_changedJson))
                {
                    changed.RootElement.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static List<ComparedFigure> Read(JsonElement baseline, JsonElement changed)
        {
            var figures = new List<ComparedFigure>();
            const string funnel = "Funnel (leads reaching each stage; conversion from the stage before)";
            foreach (var stage in Union(baseline, changed, "waterfall", "stage"))
            {
                var before = Row(baseline, "waterfall", "stage", stage);
                var after = Row(changed, "waterfall", "stage", stage);
                figures.Add(new ComparedFigure(funnel, stage, Count, Value(before, "count"), Value(after, "count")));
                if (Value(before, "conversionPercent") != null || Value(after, "conversionPercent") != null)
                {
                    figures.Add(new ComparedFigure(funnel, stage + " conversion", Percent, Value(before, "conversionPercent"), Value(after, "conversionPercent")));
                }
            }

            figures.Add(new ComparedFigure(funnel, "Revenue won", Money, Value(baseline, "revenueWon"), Value(changed, "revenueWon")));

            var weekly = $"Weekly MQLs (commitment {Show(Value(baseline.GetProperty("agreement"), "mqlsPerWeek"))} a week)";
            foreach (var week in Union(baseline, changed, "weeklyMql", "weekStart"))
            {
                var before = Row(baseline, "weeklyMql", "weekStart", week);
                var after = Row(changed, "weeklyMql", "weekStart", week);
                figures.Add(new ComparedFigure(weekly, "Week of " + week, Count, Value(before, "mql"), Value(after, "mql"), Met(before), Met(after)));
            }

            figures.Add(new ComparedFigure(weekly, "Full weeks met", Count, WeeksMet(baseline), WeeksMet(changed)));

            var monthly = $"SQLs per month (commitment {Show(Value(baseline.GetProperty("agreement"), "sqlsPerMonth"))})";
            foreach (var month in Union(baseline, changed, "sqlsPerMonth", "month"))
            {
                var before = Row(baseline, "sqlsPerMonth", "month", month);
                var after = Row(changed, "sqlsPerMonth", "month", month);
                figures.Add(new ComparedFigure(monthly, month, Count, Value(before, "sql"), Value(after, "sql"), Met(before), Met(after)));
            }

            const string sla = "SLA compliance";
            foreach (var kpi in Union(baseline.GetProperty("sla"), changed.GetProperty("sla"), "overall", "kpi"))
            {
                var before = Row(baseline.GetProperty("sla"), "overall", "kpi", kpi);
                var after = Row(changed.GetProperty("sla"), "overall", "kpi", kpi);
                figures.Add(new ComparedFigure(sla, kpi + " compliance", Percent, Value(before, "compliancePercent"), Value(after, "compliancePercent")));
                figures.Add(new ComparedFigure(sla, kpi + " breached", Count, Value(before, "breached"), Value(after, "breached")));
            }

            const string speed = "Speed to lead (all reps)";
            var speedBefore = Property(Property(baseline, "speedToLead"), "overall");
            var speedAfter = Property(Property(changed, "speedToLead"), "overall");
            figures.Add(new ComparedFigure(speed, "Leads contacted", Count, Value(speedBefore, "leads"), Value(speedAfter, "leads")));
            figures.Add(new ComparedFigure(speed, "Accept, median", Minutes, Value(speedBefore, "acceptMedianMinutes"), Value(speedAfter, "acceptMedianMinutes")));
            figures.Add(new ComparedFigure(speed, "Accept, p90", Minutes, Value(speedBefore, "acceptP90Minutes"), Value(speedAfter, "acceptP90Minutes")));
            figures.Add(new ComparedFigure(speed, "First contact, median", Minutes, Value(speedBefore, "contactMedianMinutes"), Value(speedAfter, "contactMedianMinutes")));
            figures.Add(new ComparedFigure(speed, "First contact, p90", Minutes, Value(speedBefore, "contactP90Minutes"), Value(speedAfter, "contactP90Minutes")));
            figures.Add(new ComparedFigure(speed, "Contacted within 5 minutes", Percent, Value(speedBefore, "within5MinutesPercent"), Value(speedAfter, "within5MinutesPercent")));
            figures.Add(new ComparedFigure(speed, "Contacted within 60 minutes", Percent, Value(speedBefore, "within60MinutesPercent"), Value(speedAfter, "within60MinutesPercent")));
            var queueBefore = Property(Property(baseline, "speedToLead"), "salesQueue");
            var queueAfter = Property(Property(changed, "speedToLead"), "salesQueue");
            if ((Value(queueBefore, "leads") ?? 0) > 0 || (Value(queueAfter, "leads") ?? 0) > 0)
            {
                figures.Add(new ComparedFigure(speed, "Picked from the sales queue", Count, Value(queueBefore, "leads"), Value(queueAfter, "leads")));
                figures.Add(new ComparedFigure(speed, "Wait in the sales queue, median", Minutes, Value(queueBefore, "waitMedianMinutes"), Value(queueAfter, "waitMedianMinutes")));
            }

            const string pipeline = "Pipeline and scoring";
            var shareBefore = Property(baseline, "pipelineShare");
            var shareAfter = Property(changed, "pipelineShare");
            figures.Add(new ComparedFigure(pipeline, "Opportunities from marketing", Count, Value(shareBefore, "fromMarketing"), Value(shareAfter, "fromMarketing")));
            figures.Add(new ComparedFigure(pipeline, "Marketing's pipeline share", Percent, Value(shareBefore, "percent"), Value(shareAfter, "percent"), Met(shareBefore), Met(shareAfter)));
            var calibrationBefore = Property(baseline, "calibration");
            var calibrationAfter = Property(changed, "calibration");
            figures.Add(new ComparedFigure(pipeline, "MQL threshold", Count, Value(Property(calibrationBefore, "model"), "mqlThreshold"), Value(Property(calibrationAfter, "model"), "mqlThreshold")));
            figures.Add(new ComparedFigure(pipeline, "Reps (capacity)", Count, Value(Property(calibrationBefore, "capacity"), "reps"), Value(Property(calibrationAfter, "capacity"), "reps")));
            figures.Add(new ComparedFigure(pipeline, "AUC (SQL) of the score at MQL", "ratio", Value(Property(calibrationBefore, "sql"), "auc"), Value(Property(calibrationAfter, "sql"), "auc")));
            return figures;
        }

        /// <summary>The rows' keys of both reports, the shipped month's order first (a week or stage only one month has comes last).</summary>
        private static List<string> Union(JsonElement baseline, JsonElement changed, string array, string key) =>
            Keys(baseline, array, key).Concat(Keys(changed, array, key)).Distinct(StringComparer.Ordinal).ToList();

        private static IEnumerable<string> Keys(JsonElement report, string array, string key) =>
            report.TryGetProperty(array, out var rows) && rows.ValueKind == JsonValueKind.Array
                ? rows.EnumerateArray().Select(row => Text(row, key)).Where(text => text != null).Select(text => text!)
                : Enumerable.Empty<string>();

        private static JsonElement? Row(JsonElement report, string array, string key, string value) =>
            report.TryGetProperty(array, out var rows) && rows.ValueKind == JsonValueKind.Array
                ? rows.EnumerateArray().Where(row => Text(row, key) == value).Select(row => (JsonElement?)row).FirstOrDefault()
                : null;

        private static JsonElement? Property(JsonElement? row, string property) =>
            row is JsonElement element && element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value : null;

        private static decimal? Value(JsonElement? row, string property) =>
            Property(row, property) is JsonElement value && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

        private static string? Text(JsonElement row, string property) =>
            row.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        /// <summary>The report's verdict on a commitment: met, missed, partial (a week or month the period cuts), or none.</summary>
        private static string? Met(JsonElement? row) =>
            Property(row, "partial") is { ValueKind: JsonValueKind.True } ? "partial"
            : Property(row, "met") is { ValueKind: JsonValueKind.True } ? "met"
            : Property(row, "met") is { ValueKind: JsonValueKind.False } ? "missed"
            : null;

        private static decimal WeeksMet(JsonElement report) =>
            report.TryGetProperty("weeklyMql", out var weeks) ? weeks.EnumerateArray().Count(week => Met(week) == "met") : 0;

        private static void Number(Utf8JsonWriter writer, string property, decimal? value)
        {
            if (value is decimal number)
            {
                writer.WriteNumber(property, number);
            }
            else
            {
                writer.WriteNull(property);
            }
        }

        private static string Show(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-";

        private static string Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

        private static string Csv(string text) =>
            text.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        private static string Day(JsonElement row, string property) => (Text(row, property) ?? "-").Split('T')[0];
    }
}
