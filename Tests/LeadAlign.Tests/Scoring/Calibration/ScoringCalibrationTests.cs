using System;
using System.Linq;
using System.Text.Json.Nodes;
using LeadAlign.Plugins.Reporting;
using LeadAlign.Plugins.Scoring.Calibration;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Reporting;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Scoring.Calibration
{
    /// <summary>
    /// la_GetScoringCalibration on the seeded March of <see cref="CalibrationScenario"/>, every figure worked out by hand below;
    /// its default period, refusals, roles and service-call budget; and the alignment report carrying the same section.
    /// </summary>
    public sealed class ScoringCalibrationTests
    {
        internal static OrganizationResponse Calibrate(IOrganizationService service, DateTime? start, DateTime? end)
        {
            var request = new OrganizationRequest(GetScoringCalibrationPlugin.ApiName);
            if (start.HasValue)
            {
                request["PeriodStart"] = start.Value;
            }

            if (end.HasValue)
            {
                request["PeriodEnd"] = end.Value;
            }

            return service.Execute(request);
        }

        [Fact]
        public void A_marketing_user_gets_the_calibration_of_the_periods_MQLs_with_every_figure_as_worked_out_by_hand()
        {
            var scenario = new CalibrationScenario();

            var response = Calibrate(scenario.Org.As(scenario.Fixture.Marketer), CalibrationScenario.PeriodStart, CalibrationScenario.PeriodEnd);

            Assert.True((bool)response.Results["Complete"]);
            Assert.Equal(string.Empty, response.Results["Notice"]);
            var calibration = JsonNode.Parse((string)response.Results["Calibration"])!;
            Assert.Equal(1, (int)calibration["version"]!);
            Assert.Equal("2026-03-02T00:00:00Z", (string)calibration["period"]!["start"]!);
            Assert.Equal("2026-02-02T00:00:00Z", (string)calibration["previousPeriod"]!["start"]!);
            Assert.Equal("LeadAlign default", (string)calibration["model"]!["name"]!);
            Assert.Equal(60, (int)calibration["model"]!["mqlThreshold"]!);

            // Population: A–I and K became MQL in the period (J before it); K has no score; G is still SAL, so open.
            var population = calibration["population"]!;
            Assert.Equal(10, (int)population["mqls"]!);
            Assert.Equal(1, (int)population["unscored"]!);
            Assert.Equal(9, (int)population["scored"]!);
            Assert.Equal(1, (int)population["open"]!);
            Assert.Equal(8, (int)population["sqlDecided"]!);
            Assert.Equal(4, (int)population["reachedSql"]!);
            Assert.Equal(3, (int)population["withOutcome"]!);
            Assert.Equal(2, (int)population["won"]!);

            // SQL, 8 leads: reached 90, 80, 65, 55 (H at its MQL score, not its 30 now); not 75, 62, 60, 68.
            // AUC: 90 and 80 beat all four, 65 beats 62 and 60, 55 beats none: (4 + 4 + 2 + 0) / 16 = 0.625.
            // Brier: (.01 + .04 + .5625 + .1225 + .3844 + .36 + .2025 + .4624) / 8 = 2.1443 / 8 = 0.2680375 → 0.2680.
            var sql = calibration["sql"]!;
            Assert.Equal(0.625m, (decimal)sql["auc"]!);
            Assert.Equal(0.2680m, (decimal)sql["brier"]!);
            // Reliability: 8 leads, one per bin; decile k closes when count × 10 ≥ k × 8: deciles 1, 2, 3, 4, 6, 7, 8, 9.
            var reliability = sql["reliability"]!.AsArray();
            Assert.Equal(new[] { 1, 2, 3, 4, 6, 7, 8, 9 }, reliability.Select(bin => (int)bin!["decile"]!));
            Assert.Equal(new[] { 55, 60, 62, 65, 68, 75, 80, 90 }, reliability.Select(bin => (int)bin!["lowestScore"]!));
            Assert.Equal(new[] { 100m, 0m, 0m, 100m, 0m, 0m, 100m, 100m }, reliability.Select(bin => (decimal)bin!["observedPercent"]!));
            Assert.Equal(55.0m, (decimal)reliability[0]!["predictedPercent"]!);

            // Won: A 90 won, D 65 won, B 80 lost: 90 beats 80, 65 does not: 1 / 2 = 0.5.
            Assert.Equal(0.5m, (decimal)calibration["won"]!["auc"]!);

            // Bands by the model's thresholds: Hot ≥ 70 holds A, B, C and the open G: 2 SQL of 3 decided, 1 won of 2 outcomes;
            // Warm 35–69 holds D, E, F, H, I: 2 SQL of 5, 1 won of 1; Cold none.
            var bands = calibration["bands"]!.AsArray();
            Assert.Equal(new[] { "Hot", "Warm", "Cold" }, bands.Select(band => (string)band!["band"]!));
            Assert.Equal(new[] { 4, 5, 0 }, bands.Select(band => (int)band!["leads"]!));
            Assert.Equal(new[] { 1, 0, 0 }, bands.Select(band => (int)band!["open"]!));
            Assert.Equal(66.7m, (decimal)bands[0]!["sqlPercent"]!);
            Assert.Equal(50.0m, (decimal)bands[0]!["winPercent"]!);
            Assert.Equal(40.0m, (decimal)bands[1]!["sqlPercent"]!);
            Assert.Equal(100.0m, (decimal)bands[1]!["winPercent"]!);
            Assert.Null(bands[2]!["sqlPercent"]);

            // PSI: this period 12 leads in bins 10s 2, 30s 2, 60s 4, 70s 2, 80s 1, 90+ 1; the previous 8 in 20s 2, 40s 2, 50s 2,
            // 80s 1, 90+ 1. Terms: (1/6 − ε)ln(1/6 ÷ ε) = 1.235688 three times (10s, 30s, 70s), (ε − 1/4)ln(ε ÷ 1/4) = 1.955229 three
            // times (20s, 40s, 50s), (1/3 − ε)ln(1/3 ÷ ε) = 2.703098, (1/12 − 1/8)ln(2/3) = 0.016894 twice: 12.3096.
            var psi = calibration["psi"]!;
            Assert.Equal(12.3096m, (decimal)psi["value"]!);
            Assert.Equal(12, (int)psi["leads"]!);
            Assert.Equal(8, (int)psi["previousLeads"]!);

            // Capacity: one enabled rep (the disabled one does not count) × 1 a week × 4 weeks = 4 leads; the fifth best score is
            // 68, so the threshold is 69: 4 leads, 1.0 a week, against 8 at the model's 60, 2.0 a week.
            var capacity = calibration["capacity"]!;
            Assert.Equal(1, (int)capacity["reps"]!);
            Assert.Equal("salesTeam", (string)capacity["repsFrom"]!);
            Assert.Equal(1, (int)capacity["acceptsPerRepPerWeek"]!);
            Assert.Equal(4, (int)capacity["weeks"]!);
            Assert.Equal(69, (int)capacity["threshold"]!);
            Assert.Equal(1.0m, (decimal)capacity["mqlsPerWeekAtThreshold"]!);
            Assert.Equal(2.0m, (decimal)capacity["mqlsPerWeekAtMqlThreshold"]!);

            // And the whole document is what the rows give by the documented rules.
            var expected = new ExpectedCalibration(scenario.Org, scenario.Org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!, CalibrationScenario.PeriodStart, CalibrationScenario.PeriodEnd).Build();
            JsonFigures.Equal(expected, Section(calibration));
        }

        [Fact]
        public void Without_a_period_the_calibration_covers_the_last_28_days_and_the_alignment_report_carries_the_same_section()
        {
            var scenario = new CalibrationScenario();
            scenario.Org.UtcNow = CalibrationScenario.PeriodEnd;

            var byDefault = JsonNode.Parse((string)Calibrate(scenario.Org.As(scenario.Fixture.Marketer), null, null).Results["Calibration"])!;
            var fromStart = JsonNode.Parse((string)Calibrate(scenario.Org.As(scenario.Fixture.Marketer), CalibrationScenario.PeriodStart, null).Results["Calibration"])!;
            var report = JsonNode.Parse((string)AlignmentReportTests.Report(scenario.Org.As(scenario.Fixture.Marketer), CalibrationScenario.PeriodStart, CalibrationScenario.PeriodEnd).Results["Report"])!;

            Assert.Equal("2026-03-02T00:00:00Z", (string)byDefault["period"]!["start"]!);
            Assert.Equal("2026-03-30T00:00:00Z", (string)byDefault["period"]!["end"]!);
            Assert.Equal("2026-03-30T00:00:00Z", (string)fromStart["period"]!["end"]!);
            Assert.Equal(0.625m, (decimal)byDefault["sql"]!["auc"]!);
            JsonFigures.Equal(Section(byDefault), report["calibration"]);
            JsonFigures.Equal(Section(fromStart), report["calibration"]);
        }

        [Fact]
        public void With_no_one_on_the_sales_team_the_reps_are_the_owners_of_the_periods_handed_off_leads()
        {
            var scenario = new CalibrationScenario();
            var org = scenario.Org;
            org.SystemService.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.SalesTeamId] = null });
            org.DrainAsync();
            var reps = new[] { org.AddUser("Owner One"), org.AddUser("Owner Two") };
            var handedOff = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);
            org.Seed(new[] { reps[0], reps[0], reps[1] }.Select((owner, index) => new Entity(LeadTable.EntityName, Guid.NewGuid())
            {
                [LeadTable.LastName] = "Handed off " + index,
                [LeadTable.HandoffOn] = handedOff,
                ["ownerid"] = new EntityReference("systemuser", owner),
            }));

            var capacity = JsonNode.Parse((string)Calibrate(org.As(scenario.Fixture.Marketer), CalibrationScenario.PeriodStart, CalibrationScenario.PeriodEnd).Results["Calibration"])!["capacity"]!;

            // Two owners × 1 a week × 4 weeks = 8 leads: the ninth best score is 33, so the threshold is 34 (8 leads, 2.0 a week).
            Assert.Equal(2, (int)capacity["reps"]!);
            Assert.Equal("handoffOwners", (string)capacity["repsFrom"]!);
            Assert.Equal(34, (int)capacity["threshold"]!);
            Assert.Equal(2.0m, (decimal)capacity["mqlsPerWeekAtThreshold"]!);
        }

        [Theory]
        [InlineData(0, "PeriodEnd (2026-03-02T00:00:00Z) must be after PeriodStart (2026-03-02T00:00:00Z): the period runs from PeriodStart up to, not including, PeriodEnd.")]
        [InlineData(-3, "PeriodEnd (2026-02-27T00:00:00Z) must be after PeriodStart (2026-03-02T00:00:00Z)")]
        [InlineData(367, "The period from 2026-03-02T00:00:00Z to 2027-03-04T00:00:00Z is 367 days long; a calibration covers at most 366 days: ask for a shorter period.")]
        public void A_period_that_ends_before_it_starts_or_is_over_366_days_is_refused_saying_what_to_ask_for(int days, string message)
        {
            var fixture = new LifecycleFixture();

            var fault = TestOrganization.Fault(() => Calibrate(fixture.Org.As(fixture.Marketer), CalibrationScenario.PeriodStart, CalibrationScenario.PeriodStart.AddDays(days)));

            Assert.Contains(message, fault.Message, StringComparison.Ordinal);
            Assert.Equal(unchecked((int)0x80040265), fault.ErrorCode);
        }

        [Fact]
        public void A_sales_rep_is_refused_the_calibration_as_the_alignment_report_and_a_sales_manager_and_a_marketer_get_it()
        {
            var fixture = ShippedRoles.Organization();
            var manager = fixture.Org.AddUser("Max Manager");
            fixture.Org.AssignRole(manager, ShippedRoles.BaseRole);
            fixture.Org.AssignRole(manager, "LeadAlign Sales Manager");
            fixture.HandedOffLead();
            var start = fixture.Org.UtcNow.Date;

            var refused = TestOrganization.Fault(() => Calibrate(fixture.Org.As(fixture.Reps[0]), start, start.AddDays(1)));
            var reportRefused = TestOrganization.Fault(() => AlignmentReportTests.Report(fixture.Org.As(fixture.Reps[0]), start, start.AddDays(1)));
            var managers = JsonNode.Parse((string)Calibrate(fixture.Org.As(manager), start, start.AddDays(1)).Results["Calibration"])!;
            var marketing = JsonNode.Parse((string)Calibrate(fixture.Org.As(fixture.Marketer), start, start.AddDays(1)).Results["Calibration"])!;

            Assert.Equal(unchecked((int)0x80040220), refused.ErrorCode);
            Assert.Equal(reportRefused.ErrorCode, refused.ErrorCode);
            Assert.Contains("prvWritela_leadfeedback", refused.Message, StringComparison.Ordinal);
            // The handed-off lead became MQL today and is still MQL: one MQL, open.
            Assert.Equal(1, (int)managers["population"]!["mqls"]!);
            Assert.Equal(1, (int)managers["population"]!["open"]!);
            Assert.Equal(1, (int)marketing["population"]!["mqls"]!);
        }

        [Fact]
        public void A_calibration_costs_the_agreement_and_five_queries_of_one_page_whatever_the_number_of_leads()
        {
            var scenario = new CalibrationScenario();
            var org = scenario.Org;
            org.Log.Clear();
            Calibrate(org.As(scenario.Fixture.Marketer), CalibrationScenario.PeriodStart, CalibrationScenario.PeriodEnd);
            var small = org.Log.Of(typeof(GetScoringCalibrationPlugin)).Single();

            org.UtcNow = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);
            for (var index = 0; index < 40; index++)
            {
                org.As(scenario.Fixture.Marketer).Create(LifecycleFixture.QualifiedLead("More " + index));
            }

            org.Log.Clear();
            var larger = JsonNode.Parse((string)Calibrate(org.As(scenario.Fixture.Marketer), CalibrationScenario.PeriodStart, CalibrationScenario.PeriodEnd).Results["Calibration"])!;
            var call = org.Log.Of(typeof(GetScoringCalibrationPlugin)).Single();

            // The agreement; the model; the MQLs; their moves to MQL; the scores of both periods; the sales team's reps.
            Assert.Equal(6, small.Calls("RetrieveMultiple"));
            Assert.Equal(6, small.TotalCalls);
            Assert.Equal(small.TotalCalls, call.TotalCalls);
            Assert.Equal(50, (int)larger["population"]!["mqls"]!);
        }

        [Fact]
        public void The_shipped_agreement_accepts_25_leads_per_rep_a_week_and_the_platform_refuses_a_negative_count()
        {
            var fixture = new LifecycleFixture();

            var refused = TestOrganization.Fault(() => fixture.Org.As(fixture.Admin).Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.AcceptsPerRepPerWeek] = -1 }));
            var calibration = JsonNode.Parse((string)Calibrate(fixture.Org.As(fixture.Marketer), null, null).Results["Calibration"])!;

            Assert.Contains("is outside the valid range (0 to 1000)", refused.Message, StringComparison.Ordinal);
            Assert.Equal(25, fixture.Org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!.GetAttributeValue<int>(AgreementTable.AcceptsPerRepPerWeek));
            Assert.Equal(25, (int)calibration["capacity"]!["acceptsPerRepPerWeek"]!);
            Assert.Equal(3, (int)calibration["capacity"]!["reps"]!);
            Assert.Equal(75, (int)calibration["capacity"]!["leadsPerWeek"]!);
        }

        /// <summary>The calibration's figures without the response's own header (version, generatedOn, complete, notice, agreementId).</summary>
        private static JsonObject Section(JsonNode calibration)
        {
            var section = calibration.DeepClone().AsObject();
            foreach (var name in new[] { "version", "generatedOn", "complete", "notice", "agreementId" })
            {
                section.Remove(name);
            }

            return section;
        }
    }
}
