using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>
    /// The alignment report as text, written from the Custom API la_GetAlignmentReport's Report JSON and nothing else, so the
    /// console shows what the web resource in Dynamics 365 shows.
    /// </summary>
    internal static class AlignmentReportText
    {
        public static void Write(JsonElement report, TextWriter output)
        {
            var agreement = report.GetProperty("agreement");
            var period = report.GetProperty("period");
            output.WriteLine($"Alignment report: {Text(agreement, "name")}, {Day(period, "start")} to {Day(period, "end")} (exclusive), {Number(report, "leads")} leads");
            if (!report.GetProperty("complete").GetBoolean())
            {
                output.WriteLine($"  Not computed: {Text(report, "notice")}");
                return;
            }

            output.WriteLine("Waterfall (median and p90 hours from the stage before)");
            foreach (var stage in report.GetProperty("waterfall").EnumerateArray())
            {
                output.WriteLine($"  {Text(stage, "stage"),-12} {Number(stage, "count"),7}  {Percent(stage, "conversionPercent"),7}  {Hours(stage, "medianHours"),8} {Hours(stage, "p90Hours"),8}");
            }

            output.WriteLine($"  Revenue won {Money(report, "revenueWon")}");
            output.WriteLine($"Weekly MQLs (commitment {Number(agreement, "mqlsPerWeek")}, weeks in {Text(agreement, "timeZone")})");
            foreach (var week in report.GetProperty("weeklyMql").EnumerateArray())
            {
                output.WriteLine($"  {Text(week, "weekStart")}  {Number(week, "mql"),5}  {Met(week)}");
            }

            output.WriteLine($"SQLs per month (commitment {Number(agreement, "sqlsPerMonth")})");
            foreach (var month in report.GetProperty("sqlsPerMonth").EnumerateArray())
            {
                output.WriteLine($"  {Text(month, "month")}  {Number(month, "sql"),5}  {Met(month)}");
            }

            var share = report.GetProperty("pipelineShare");
            output.WriteLine($"Marketing's share of new pipeline (commitment {Number(share, "commitmentPercent")}%)");
            output.WriteLine($"  {Number(share, "fromMarketing")} of {Number(share, "opportunities")} opportunities  {Percent(share, "percent")}  value {Money(share, "valueFromMarketing")} of {Money(share, "value")}  {Met(share)}");
            Groups(report, "byCampaign", "By campaign", output);
            Groups(report, "bySource", "By source", output);
            output.WriteLine("SLA compliance");
            foreach (var kpi in report.GetProperty("sla").GetProperty("overall").EnumerateArray())
            {
                output.WriteLine($"  {Text(kpi, "kpi"),-16} succeeded {Number(kpi, "succeeded"),5}  breached {Number(kpi, "breached"),5}  open {Number(kpi, "open"),4}  compliance {Percent(kpi, "compliancePercent")}");
            }

            foreach (var rep in report.GetProperty("sla").GetProperty("byRep").EnumerateArray())
            {
                output.WriteLine($"  {Text(rep, "rep"),-14} {Text(rep, "kpi"),-16} succeeded {Number(rep, "succeeded"),4}  breached {Number(rep, "breached"),4}  open {Number(rep, "open"),3}  compliance {Percent(rep, "compliancePercent")}");
            }

            if (report.TryGetProperty("speedToLead", out var speed))
            {
                output.WriteLine("Speed to lead (minutes to accept and to first contact: median, p90; share first contacted within 5 and 60 minutes; SQL rate contacted within the hour vs later)");
                var lanes = new[] { ("Hot lane", "hotLane"), ("Other leads", "otherLeads"), ("All reps", "overall") }
                    .Where(lane => speed.TryGetProperty(lane.Item2, out _))
                    .Select(lane => (lane.Item1, speed.GetProperty(lane.Item2)));
                foreach (var (label, rep) in speed.GetProperty("byRep").EnumerateArray().Select(rep => (Text(rep, "rep"), rep)).Concat(lanes))
                {
                    var name = label;
                    output.WriteLine($"  {name,-14} {Number(rep, "leads"),5} leads  accept {Number(rep, "acceptMedianMinutes"),6} {Number(rep, "acceptP90Minutes"),6}  contact {Number(rep, "contactMedianMinutes"),6} {Number(rep, "contactP90Minutes"),6}  within 5 {Percent(rep, "within5MinutesPercent"),6}  within 60 {Percent(rep, "within60MinutesPercent"),6}  SQL {Percent(rep, "sqlPercentContactedWithinHour"),6} vs {Percent(rep, "sqlPercentContactedLater"),6}");
                }
            }

            if (report.TryGetProperty("speedToLead", out var speedFigures) && speedFigures.TryGetProperty("salesQueue", out var queue) && queue.GetProperty("leads").GetInt32() > 0)
            {
                output.WriteLine($"  Sales queue    {Number(queue, "leads"),5} leads waited before a rep picked them: median {Number(queue, "waitMedianMinutes")} min, p90 {Number(queue, "waitP90Minutes")} min");
            }

            output.WriteLine("Rejections by campaign and reason");
            foreach (var rejection in report.GetProperty("rejectionsByCampaign").EnumerateArray())
            {
                output.WriteLine($"  {Text(rejection, "campaign"),-22} {Text(rejection, "reason"),-22} {Number(rejection, "count"),5}");
            }

            if (report.TryGetProperty("weeks", out var weeks))
            {
                output.WriteLine("Both teams' commitments, week by week (actual against target: result)");
                foreach (var week in weeks.EnumerateArray())
                {
                    output.WriteLine($"  Week of {Text(week, "weekStart")}");
                    foreach (var commitment in week.GetProperty("commitments").EnumerateArray())
                    {
                        var unit = Text(commitment, "unit") == "percent" ? "%" : string.Empty;
                        output.WriteLine($"    {Text(commitment, "team"),-10} {Text(commitment, "commitment"),-32} {Number(commitment, "actual") + unit,8} of {(Number(commitment, "target") is var target && target != "-" ? target + unit : "-"),-6} {Text(commitment, "result")}");
                    }
                }
            }

            output.WriteLine("SQL and win rate by score band");
            foreach (var band in report.GetProperty("scoreBands").EnumerateArray())
            {
                output.WriteLine($"  {Text(band, "band"),-8} {Number(band, "leads"),6} leads  {Number(band, "sql"),5} SQL {Percent(band, "sqlPercent"),7}  {Number(band, "won"),4} won {Percent(band, "winPercent"),7}");
            }

            Calibration(report, output);
        }

        private static void Calibration(JsonElement report, TextWriter output)
        {
            if (!report.TryGetProperty("calibration", out var calibration))
            {
                return;
            }

            var model = calibration.GetProperty("model");
            var population = calibration.GetProperty("population");
            output.WriteLine(model.ValueKind == JsonValueKind.Object
                ? $"Scoring calibration (model {Text(model, "name")}, MQL threshold {Number(model, "mqlThreshold")}; score at MQL of the period's MQLs)"
                : "Scoring calibration (no active scoring model)");
            output.WriteLine($"  {Number(population, "mqls")} MQLs: {Number(population, "sqlDecided")} with an SQL outcome ({Number(population, "reachedSql")} reached SQL), {Number(population, "open")} open (left out), {Number(population, "unscored")} unscored; {Number(population, "withOutcome")} won or lost ({Number(population, "won")} won)");
            var sql = calibration.GetProperty("sql");
            output.WriteLine($"  AUC (SQL) {Ratio(sql, "auc")}  AUC (won) {Ratio(calibration.GetProperty("won"), "auc")}  Brier (SQL) {Ratio(sql, "brier")}");
            foreach (var band in calibration.GetProperty("bands").EnumerateArray())
            {
                output.WriteLine($"  {Text(band, "band"),-8} {Number(band, "leads"),6} MQLs  {Number(band, "open"),4} open  {Number(band, "sql"),5} SQL {Percent(band, "sqlPercent"),7}  {Number(band, "won"),4} won {Percent(band, "winPercent"),7}");
            }

            output.WriteLine("  Reliability (SQL) by score decile: leads, scores, predicted %, observed %");
            foreach (var bin in sql.GetProperty("reliability").EnumerateArray())
            {
                output.WriteLine($"    decile {Number(bin, "decile"),2} {Number(bin, "leads"),6}  {Number(bin, "lowestScore"),3}-{Number(bin, "highestScore"),-3}  {Percent(bin, "predictedPercent"),7} {Percent(bin, "observedPercent"),7}");
            }

            var psi = calibration.GetProperty("psi");
            output.WriteLine($"  PSI {Ratio(psi, "value")} ({Number(psi, "leads")} leads created in the period against {Number(psi, "previousLeads")} in the one before; below 0.1 stable, above 0.25 shifted)");
            var capacity = calibration.GetProperty("capacity");
            output.WriteLine($"  Capacity: {Number(capacity, "reps")} reps ({Text(capacity, "repsFrom")}) x {Number(capacity, "acceptsPerRepPerWeek")} a week: threshold {Number(capacity, "threshold")}, {Number(capacity, "mqlsPerWeekAtThreshold")} MQLs a week, against {Number(capacity, "mqlsPerWeekAtMqlThreshold")} at the MQL threshold {Number(capacity, "mqlThreshold")}");
        }

        private static void Groups(JsonElement report, string property, string title, TextWriter output)
        {
            output.WriteLine($"{title}: leads, MQL, SAL, SQL, opportunities, won, lost, revenue; MQL %, SQL %, win %");
            foreach (var group in report.GetProperty(property).EnumerateArray())
            {
                output.WriteLine($"  {Text(group, "name"),-22} {Number(group, "leads"),6} {Number(group, "mql"),5} {Number(group, "sal"),5} {Number(group, "sql"),5} {Number(group, "opportunities"),5} {Number(group, "won"),4} {Number(group, "lost"),4} {Money(group, "revenue"),14}  {Percent(group, "mqlPercent"),6} {Percent(group, "sqlPercent"),6} {Percent(group, "winPercent"),6}");
            }
        }

        private static string Met(JsonElement row) =>
            row.TryGetProperty("partial", out var partial) && partial.ValueKind == JsonValueKind.True ? "partial"
            : row.TryGetProperty("met", out var met) && met.ValueKind is JsonValueKind.True or JsonValueKind.False ? (met.GetBoolean() ? "met" : "missed") : "-";

        private static string Text(JsonElement row, string property) =>
            row.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "-";

        private static string Number(JsonElement row, string property) =>
            row.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal().ToString("0.##", CultureInfo.InvariantCulture) : "-";

        private static string Ratio(JsonElement row, string property) =>
            row.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal().ToString("0.000#", CultureInfo.InvariantCulture) : "-";

        private static string Percent(JsonElement row, string property) =>
            row.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal().ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

        private static string Hours(JsonElement row, string property) =>
            row.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal().ToString("0.0", CultureInfo.InvariantCulture) + " h" : "-";

        private static string Money(JsonElement row, string property) =>
            row.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal().ToString("#,0.00", CultureInfo.InvariantCulture) : "-";

        private static string Day(JsonElement row, string property) => Text(row, property).Split('T').First();
    }
}
