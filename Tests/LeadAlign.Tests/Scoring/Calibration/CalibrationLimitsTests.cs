using System;
using System.Text.Json.Nodes;
using LeadAlign.Reporting;
using LeadAlign.Schema;
using LeadAlign.Scoring.Calibration;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Reporting;
using Xunit;

namespace LeadAlign.Tests.Scoring.Calibration
{
    /// <summary>The calibration's reads within the platform's limits: page by page with the same figures, and giving up out of time.</summary>
    public sealed class CalibrationLimitsTests
    {
        [Fact]
        public void Read_three_rows_a_page_the_calibration_asks_for_more_pages_and_gives_the_same_figures()
        {
            var scenario = new CalibrationScenario();
            var org = scenario.Org;
            var agreement = org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!;
            var paged = new CountingService(org.SystemService);
            var whole = new CountingService(org.SystemService);

            var small = Json(ScoringCalibration.Assemble(new AlignmentReportReader(paged, () => false, pageSize: 3), agreement, CalibrationScenario.PeriodStart, CalibrationScenario.PeriodEnd));
            var large = Json(ScoringCalibration.Assemble(new AlignmentReportReader(whole, () => false), agreement, CalibrationScenario.PeriodStart, CalibrationScenario.PeriodEnd));

            // The model (1, TopCount), ten MQLs (4 pages of 3), their 8 moves to MQL in the period (3), 20 scored leads of both
            // periods (7) and the reps (1): 16 pages, against 5 when every query fits in one.
            Assert.Equal(5, whole.Pages.Count);
            Assert.Equal(16, paged.Pages.Count);
            JsonFigures.Equal(JsonNode.Parse(large), JsonNode.Parse(small));
            Assert.Equal(0.625m, (decimal)JsonNode.Parse(small)!["sql"]!["auc"]!);
        }

        [Fact]
        public void A_report_that_runs_out_of_time_in_the_calibration_is_incomplete_and_says_to_ask_for_a_shorter_period()
        {
            var scenario = new CalibrationScenario();
            var org = scenario.Org;
            var agreement = org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!;
            var settings = new ReportSettings(agreement, () => LeadAlign.Sla.TimeZoneDefinitions.Load(org.SystemService), CalibrationScenario.PeriodStart, CalibrationScenario.PeriodEnd, org.UtcNow);
            var reads = 0;

            // The report's own nine queries read, then the calibration's second runs out of time.
            var result = AlignmentReport.Compute(new AlignmentReportReader(org.SystemService, () => ++reads > 10), settings, 12);

            Assert.False(result.Complete);
            Assert.Equal("The period holds too many rows to read in the two minutes one call may run: ask for a shorter period.", result.Notice);
            Assert.Null(JsonNode.Parse(result.Report)!["calibration"]);
        }

        private static string Json(CalibrationFigures figures)
        {
            var json = new JsonWriter().BeginObject();
            CalibrationJson.WriteProperties(json, figures);
            return json.EndObject().ToString();
        }
    }
}
