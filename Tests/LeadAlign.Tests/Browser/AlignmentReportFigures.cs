using System.Linq;
using System.Text.Json.Nodes;

namespace LeadAlign.Tests.Browser
{
    /// <summary>
    /// The figures a user must find on the page, read from the provider's report (so the tests follow the provider when it
    /// switches to the in-memory Dataverse's answer), formatted as the page formats them in en-US.
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

        /// <summary>The MQL stage's conversion: "24.0 %".</summary>
        public string MqlConversion => Percent(_report["waterfall"]![1]!["conversionPercent"]);

        public string WeeklyMqlCommitment => Count(_report["agreement"]!["mqlsPerWeek"]) + " MQLs per week";

        public string PipelineSharePercent => Percent(_report["pipelineShare"]!["percent"]);

        public string FirstCampaign => (string)_report["byCampaign"]![0]!["name"]!;

        public string FirstRep => (string)_report["sla"]!["byRep"]![0]!["rep"]!;

        /// <summary>How many weeks the report marks partial.</summary>
        public int PartialWeeks => _report["weeklyMql"]!.AsArray().Count(week => (bool)week!["partial"]!);

        /// <summary>The week starts of the weeks that missed the commitment.</summary>
        public string[] MissedWeeks => _report["weeklyMql"]!.AsArray().Where(week => week!["met"] is JsonValue met && !(bool)met).Select(week => (string)week!["weekStart"]!).ToArray();

        private static string Count(JsonNode? value) => ((double)value!).ToString("#,##0", System.Globalization.CultureInfo.GetCultureInfo("en-US"));

        private static string Percent(JsonNode? value) => ((double)value!).ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("en-US")) + " %";
    }
}
