using System.Linq;
using System.Text.Json.Nodes;

namespace LeadAlign.Tests.Browser
{
    /// <summary>
    /// The figures a user must find on the page, read from the provider's report (the in-memory Dataverse's answer for the
    /// seeded month), formatted as the page formats them in en-US.
    /// </summary>
    public sealed class AlignmentReportFigures
    {
        private readonly JsonObject _report;

        public AlignmentReportFigures(AlignmentReportResponse response)
        {
            _report = JsonNode.Parse(response.Report)!.AsObject();
        }

        /// <summary>The waterfall's six counts, Inquiry first: "5,000", "1,200", ...</summary>
        public string[] WaterfallCounts => _report["waterfall"]!.AsArray().Select(row => Count(row!["count"])).ToArray();

        /// <summary>The waterfall table's rows after Inquiry as the page's table reads: stage, leads and conversion, tab-separated.</summary>
        public string[] WaterfallRows => _report["waterfall"]!.AsArray().Skip(1).Select(row => (string)row!["stage"]! + "\t" + Count(row["count"]) + "\t" + Percent(row["conversionPercent"])).ToArray();

        /// <summary>The MQL stage's conversion: "24.0 %".</summary>
        public string MqlConversion => Percent(_report["waterfall"]![1]!["conversionPercent"]);

        public string WeeklyMqlCommitment => Count(_report["agreement"]!["mqlsPerWeek"]) + " MQLs per week";

        public string PipelineSharePercent => Percent(_report["pipelineShare"]!["percent"]);

        /// <summary>The sentence on marketing's pipeline share: "67.1 % of the 420 opportunities".</summary>
        public string PipelineShareSentence => PipelineSharePercent + " of the " + Count(_report["pipelineShare"]!["opportunities"]) + " opportunities";

        public string FirstCampaign => (string)_report["byCampaign"]![0]!["name"]!;

        public string FirstRep => (string)_report["sla"]!["byRep"]![0]!["rep"]!;

        /// <summary>How many weeks the report marks partial.</summary>
        public int PartialWeeks => _report["weeklyMql"]!.AsArray().Count(week => (bool)week!["partial"]!);

        /// <summary>The weeks that missed the commitment as the weekly table's rows read: week, MQLs, commitment, "missed".</summary>
        public string[] MissedWeeks => _report["weeklyMql"]!.AsArray().Where(week => week!["met"] is JsonValue met && !(bool)met)
            .Select(week => (string)week!["weekStart"]! + "\t" + Count(week["mql"]) + "\t" + Count(week["commitment"]) + "\tmissed").ToArray();

        /// <summary>The handed-off leads first contacted within an hour, overall: "66.7 %".</summary>
        public string WithinHourOverall => Percent(_report["speedToLead"]!["overall"]!["within60MinutesPercent"]);

        /// <summary>Per rep, as the speed-to-lead table's row begins: rep, leads, then (after the four times) within 5 min and within 1 h.</summary>
        public (string Rep, string Leads, string Within5, string Within60)[] SpeedByRep => _report["speedToLead"]!["byRep"]!.AsArray()
            .Select(rep => ((string)rep!["rep"]!, Count(rep["leads"]), Percent(rep["within5MinutesPercent"]), Percent(rep["within60MinutesPercent"]))).ToArray();

        /// <summary>The calibration figures table's rows as the page reads them: figure, then the value ("0.625", "—" when null).</summary>
        public string[] CalibrationFigureRows
        {
            get
            {
                var calibration = _report["calibration"]!;
                return new[]
                {
                    "AUC, SQL\t" + Ratio(calibration["sql"]!["auc"]),
                    "AUC, won\t" + Ratio(calibration["won"]!["auc"]),
                    "Brier score, SQL\t" + Ratio(calibration["sql"]!["brier"]),
                    "Population stability (PSI)\t" + Ratio(calibration["psi"]!["value"]),
                    "Capacity threshold\t" + (calibration["capacity"]!["threshold"] is { } threshold ? Count(threshold) : "—"),
                };
            }
        }

        /// <summary>The calibration band table's rows: band, MQLs, open, SQLs (the percents follow).</summary>
        public string[] CalibrationBandRows => _report["calibration"]!["bands"]!.AsArray()
            .Select(band => (string)band!["band"]! + "\t" + Count(band["leads"]) + "\t" + Count(band["open"]) + "\t" + Count(band["sql"])).ToArray();

        /// <summary>The reliability table's rows: decile, leads, lowest–highest score.</summary>
        public string[] ReliabilityRows => _report["calibration"]!["sql"]!["reliability"]!.AsArray()
            .Select(bin => Count(bin!["decile"]) + "\t" + Count(bin["leads"]) + "\t" + Count(bin["lowestScore"]) + "–" + Count(bin["highestScore"])).ToArray();

        private static string Ratio(JsonNode? value) => value == null ? "—" : ((double)value).ToString("0.000#", System.Globalization.CultureInfo.GetCultureInfo("en-US"));

        private static string Count(JsonNode? value) => ((double)value!).ToString("#,##0", System.Globalization.CultureInfo.GetCultureInfo("en-US"));

        private static string Percent(JsonNode? value) => ((double)value!).ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("en-US")) + " %";
    }
}
