using System;
using System.Linq;
using System.Text.Json.Nodes;
using LeadAlign.Dataverse;
using LeadAlign.Plugins.Reporting;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Reporting
{
    /// <summary>
    /// The alignment report (la_GetAlignmentReport) of a seeded month, called as a marketing user: every figure of its JSON equals
    /// the figure worked out in the test from the organization's rows; and its refusals, its limit and its service-call budget.
    /// </summary>
    public sealed class AlignmentReportTests
    {
        internal static OrganizationResponse Report(IOrganizationService service, DateTime start, DateTime end, Guid? agreement = null)
        {
            var request = new OrganizationRequest(GetAlignmentReportPlugin.ApiName) { ["PeriodStart"] = start, ["PeriodEnd"] = end };
            if (agreement.HasValue)
            {
                request["AgreementId"] = agreement.Value;
            }

            return service.Execute(request);
        }

        [Fact]
        public void A_marketing_user_gets_a_report_whose_every_figure_equals_the_one_computed_from_the_rows()
        {
            var scenario = new ReportScenario();
            var org = scenario.Org;

            var response = Report(org.As(scenario.Fixture.Marketer), ReportScenario.PeriodStart, ReportScenario.PeriodEnd);

            Assert.True((bool)response.Results["Complete"]);
            Assert.Equal(string.Empty, response.Results["Notice"]);
            var report = JsonNode.Parse((string)response.Results["Report"])!;
            var expected = new ExpectedReport(org, LifecycleFixture.AgreementId, ReportScenario.PeriodStart, ReportScenario.PeriodEnd, org.UtcNow).Build();
            JsonFigures.Equal(expected, report);

            // The scenario is what it claims to be, so the figures above are not all zeros: leads from before the period are not
            // counted, deals were won and lost, feedback was sent, clocks breached and succeeded, and a week was complete.
            Assert.Equal(8, (int)report["leads"]!);
            Assert.Equal(new[] { 8, 6, 4, 3, 3, 2 }, report["waterfall"]!.AsArray().Select(row => (int)row!["count"]!));
            Assert.Equal(52_500.50m, (decimal)report["revenueWon"]!);
            Assert.Equal(2, report["rejectionsByCampaign"]!.AsArray().Count);
            Assert.True((int)report["sla"]!["overall"]![0]!["breached"]! > 0 && (int)report["sla"]!["overall"]![0]!["succeeded"]! > 0);
            Assert.Contains(report["weeklyMql"]!.AsArray(), week => !(bool)week!["partial"]!);
            Assert.Equal(5, (int)report["pipelineShare"]!["opportunities"]!);
            Assert.Equal(4, (int)report["pipelineShare"]!["fromMarketing"]!);

            // Speed to lead: the handed-off cohort leads (not Fay or Gus, still inquiries; not Early, handed off before the
            // period); Ben and Hal called at once, Ana and Dee at exactly an hour, Eve a day later; Ana and Ben reached SQL.
            var speed = report["speedToLead"]!["overall"]!;
            Assert.Equal(6, (int)speed["leads"]!);
            Assert.Equal(33.3m, (decimal)speed["within5MinutesPercent"]!);
            Assert.Equal(66.7m, (decimal)speed["within60MinutesPercent"]!);
            Assert.Equal(50.0m, (decimal)speed["sqlPercentContactedWithinHour"]!);
            Assert.Equal(0.0m, (decimal)speed["sqlPercentContactedLater"]!);
            Assert.True(report["speedToLead"]!["byRep"]!.AsArray().Count > 1);
        }

        [Fact]
        public void A_sales_rep_is_refused_the_report_by_the_platforms_privilege_check_and_a_sales_manager_gets_it()
        {
            var fixture = ShippedRoles.Organization();
            var manager = fixture.Org.AddUser("Max Manager");
            fixture.Org.AssignRole(manager, ShippedRoles.BaseRole);
            fixture.Org.AssignRole(manager, "LeadAlign Sales Manager");
            fixture.HandedOffLead();
            var start = fixture.Org.UtcNow.Date;

            var refused = TestOrganization.Fault(() => Report(fixture.Org.As(fixture.Reps[0]), start, start.AddDays(1)));
            var managers = Report(fixture.Org.As(manager), start, start.AddDays(1));
            var marketing = Report(fixture.Org.As(fixture.Marketer), start, start.AddDays(1));

            Assert.Equal(unchecked((int)0x80040220), refused.ErrorCode);
            Assert.Contains("prvWritela_leadfeedback", refused.Message, StringComparison.Ordinal);
            Assert.Equal(1, (int)JsonNode.Parse((string)managers.Results["Report"])!["leads"]!);
            Assert.Equal(1, (int)JsonNode.Parse((string)marketing.Results["Report"])!["leads"]!);
        }

        [Fact]
        public void A_period_with_more_leads_than_an_aggregate_may_count_gives_an_incomplete_report_with_the_notice()
        {
            var scenario = new ReportScenario(options => options with { AggregateQueryRecordLimit = 5 });
            var org = scenario.Org;
            org.Log.Clear();

            var tooLarge = Report(org.As(scenario.Fixture.Marketer), ReportScenario.PeriodStart, ReportScenario.PeriodEnd);
            var oneDay = Report(org.As(scenario.Fixture.Marketer), ReportScenario.PeriodStart, ReportScenario.PeriodStart.AddDays(1));

            var notice = "The period holds more than 50,000 leads, more than one call can count: ask for a shorter period.";
            Assert.False((bool)tooLarge.Results["Complete"]);
            Assert.Equal(notice, tooLarge.Results["Notice"]);
            var report = JsonNode.Parse((string)tooLarge.Results["Report"])!.AsObject();
            Assert.Equal(new[] { "version", "generatedOn", "complete", "notice", "agreement", "period" }, report.Select(pair => pair.Key));
            Assert.False((bool)report["complete"]!);
            Assert.Equal(notice, (string)report["notice"]!);
            Assert.Equal("2026-02-01T00:00:00Z", (string)report["period"]!["end"]!);

            // The count was refused before the transaction; then no rows were read for figures, only the agreement and the
            // platform's time zones its time zone code is looked up in (kept an hour; last read weeks ago, when the agreement was saved).
            Assert.Equal(1, org.Log.Of(typeof(CountReportLeadsPlugin))[0].Calls("RetrieveMultiple"));
            Assert.Equal(2, org.Log.Of(typeof(GetAlignmentReportPlugin))[0].TotalCalls);
            Assert.True((bool)oneDay.Results["Complete"]);
            Assert.Equal(5, (int)JsonNode.Parse((string)oneDay.Results["Report"])!["leads"]!);
        }

        [Fact]
        public void The_in_memory_dataverse_refuses_an_aggregate_over_its_limit_with_the_platforms_fault()
        {
            var org = LeadAlignOrganization.Start(options => options with { AggregateQueryRecordLimit = 2 });
            for (var index = 0; index < 3; index++)
            {
                org.SystemService.Create(new Entity("lead") { ["lastname"] = "Lead " + index });
            }

            var count = "<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='n' aggregate='count' /></entity></fetch>";
            var fault = TestOrganization.Fault(() => org.SystemService.RetrieveMultiple(new FetchExpression(count)));
            org.SystemService.Delete("lead", org.All("lead")[0].Id);
            var counted = org.SystemService.RetrieveMultiple(new FetchExpression(count)).Entities.Single();

            Assert.Equal(-2147164125, fault.ErrorCode);
            Assert.Contains("AggregateQueryRecordLimit exceeded", fault.Message, StringComparison.Ordinal);
            Assert.Equal(2, counted.GetAttributeValue<AliasedValue>("n").Value);
        }

        [Theory]
        [InlineData(0, "PeriodEnd (2026-01-05T00:00:00Z) must be after PeriodStart (2026-01-05T00:00:00Z): the period runs from PeriodStart up to, not including, PeriodEnd.")]
        [InlineData(-1, "PeriodEnd (2026-01-04T00:00:00Z) must be after PeriodStart (2026-01-05T00:00:00Z)")]
        [InlineData(367, "The period from 2026-01-05T00:00:00Z to 2027-01-07T00:00:00Z is 367 days long; a report covers at most 366 days: ask for a shorter period.")]
        public void A_period_that_ends_before_it_starts_or_is_over_366_days_is_refused_saying_what_to_ask_for(int days, string message)
        {
            var scenario = new ReportScenario(seed: false);

            var fault = TestOrganization.Fault(() => Report(scenario.Org.As(scenario.Fixture.Marketer), ReportScenario.PeriodStart, ReportScenario.PeriodStart.AddDays(days)));
            var year = Report(scenario.Org.As(scenario.Fixture.Marketer), ReportScenario.PeriodStart, ReportScenario.PeriodStart.AddDays(366));

            Assert.Contains(message, fault.Message, StringComparison.Ordinal);
            Assert.Equal(unchecked((int)0x80040265), fault.ErrorCode);
            Assert.True((bool)year.Results["Complete"]);
        }

        [Fact]
        public void The_report_uses_the_agreement_asked_for_and_refuses_one_that_does_not_exist()
        {
            var scenario = new ReportScenario(seed: false);
            var org = scenario.Org;
            var other = org.SystemService.Create(new Entity(AgreementTable.EntityName) { [AgreementTable.Name] = "EMEA agreement", [AgreementTable.IsActive] = false, [AgreementTable.MqlsPerWeek] = 12 });
            var missing = Guid.NewGuid();

            var emea = Report(org.As(scenario.Fixture.Marketer), ReportScenario.PeriodStart, ReportScenario.PeriodEnd, other);
            var active = Report(org.As(scenario.Fixture.Marketer), ReportScenario.PeriodStart, ReportScenario.PeriodEnd);
            var fault = TestOrganization.Fault(() => Report(org.As(scenario.Fixture.Marketer), ReportScenario.PeriodStart, ReportScenario.PeriodEnd, missing));

            var agreement = JsonNode.Parse((string)emea.Results["Report"])!["agreement"]!;
            Assert.Equal(other.ToString(), (string)agreement["id"]!);
            Assert.Equal("EMEA agreement", (string)agreement["name"]!);
            Assert.Equal("UTC", (string)agreement["timeZone"]!);
            Assert.Equal(12, (int)agreement["mqlsPerWeek"]!);
            Assert.Null(agreement["pipelineSharePercent"]);
            Assert.Null(JsonNode.Parse((string)emea.Results["Report"])!["weeklyMql"]![0]!["met"]);
            Assert.Equal(LifecycleFixture.AgreementId.ToString(), (string)JsonNode.Parse((string)active.Results["Report"])!["agreement"]!["id"]!);
            Assert.Contains($"There is no sales and marketing agreement with the id {missing}", fault.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_report_costs_one_count_the_agreement_three_label_reads_and_one_page_per_query_whatever_the_number_of_leads()
        {
            var scenario = new ReportScenario();
            var org = scenario.Org;
            org.Log.Clear();
            Report(org.As(scenario.Fixture.Marketer), ReportScenario.PeriodStart, ReportScenario.PeriodEnd);
            var small = org.Log.Of(typeof(GetAlignmentReportPlugin)).Single();
            var count = org.Log.Of(typeof(CountReportLeadsPlugin)).Single();

            for (var index = 0; index < 40; index++)
            {
                org.As(scenario.Fixture.Marketer).Create(LifecycleFixture.QualifiedLead("More " + index));
            }

            org.Log.Clear();
            Report(org.As(scenario.Fixture.Marketer), ReportScenario.PeriodStart, ReportScenario.PeriodEnd);
            var larger = org.Log.Of(typeof(GetAlignmentReportPlugin)).Single();

            // The count (one aggregate, before the transaction); then the agreement, nine queries of one page each (under 5,000
            // rows; the ninth the closed weeks), the calibration's five (model, MQLs, their moves, scores, reps) and three choices' labels.
            // The first report also reads the platform's time zones (one query; last read weeks ago, when the agreement was saved),
            // which are then kept an hour: the second report, at the same time, does not read them.
            Assert.Equal(1, count.TotalCalls);
            Assert.Equal(1, count.Calls("RetrieveMultiple"));
            Assert.Equal(1 + 9 + 5 + 1, small.Calls("RetrieveMultiple"));
            Assert.Equal(3, small.Calls("RetrieveAttribute"));
            Assert.Equal(19, small.TotalCalls);
            Assert.Equal(18, larger.TotalCalls);
            Assert.Equal(1 + 9 + 5, larger.Calls("RetrieveMultiple"));
            Assert.Equal(1, org.Log.Of(typeof(CountReportLeadsPlugin)).Single().TotalCalls);
        }

        [Fact]
        public void An_agreement_is_refused_a_pipeline_share_outside_0_to_100_or_a_negative_count()
        {
            var fixture = new LifecycleFixture();
            var update = (Action<string, int>)((column, value) => fixture.Org.As(fixture.Admin).Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [column] = value }));

            var share = TestOrganization.Fault(() => update(AgreementTable.PipelineSharePercent, 120));
            var sqls = TestOrganization.Fault(() => update(AgreementTable.SqlsPerMonth, -5));
            var mqls = TestOrganization.Fault(() => update(AgreementTable.MqlsPerWeek, -1));
            update(AgreementTable.PipelineSharePercent, 100);

            Assert.Equal("Agreement 'Sales and marketing agreement': marketing's commitments are not valid. Pipeline share (%) is 120: give the percent of new pipeline marketing commits to, from 0 to 100.", share.Message);
            Assert.Contains("SQLs per month is -5: give a count of 0 or more, or leave it empty for no commitment.", sqls.Message, StringComparison.Ordinal);
            Assert.Contains("MQLs per week is -1: give a count of 0 or more", mqls.Message, StringComparison.Ordinal);
            var agreement = fixture.Org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!;
            Assert.Equal(100, agreement.GetAttributeValue<int>(AgreementTable.PipelineSharePercent));
            Assert.Equal(40, agreement.GetAttributeValue<int>(AgreementTable.SqlsPerMonth));
        }

        [Fact]
        public void An_agreement_is_refused_an_alert_throttle_or_a_hot_lane_time_out_of_range()
        {
            var fixture = new LifecycleFixture();
            var update = (Action<string, int>)((column, value) => fixture.Org.As(fixture.Admin).Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [column] = value }));

            var throttle = TestOrganization.Fault(() => update(AgreementTable.AlertThrottleMinutes, 0));
            var hotLane = TestOrganization.Fault(() => update(AgreementTable.HotLaneAcceptMinutes, 2000));
            update(AgreementTable.HotLaneAcceptMinutes, 5);

            Assert.Equal("Agreement 'Sales and marketing agreement': Alert throttle (minutes) is 0: give the least minutes between two notifications of one rep alert about one lead, from 1 to 10080, or leave it empty for 60.", throttle.Message);
            Assert.Contains("Hot-lane accept time (minutes) is 2000: give the business minutes a rep has to accept a lead handed off through a high-intent rule, from 1 to 1440", hotLane.Message, StringComparison.Ordinal);
            var agreement = fixture.Org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!;
            Assert.Equal(5, agreement.GetAttributeValue<int>(AgreementTable.HotLaneAcceptMinutes));
            Assert.Equal(60, agreement.GetAttributeValue<int>(AgreementTable.AlertThrottleMinutes));
        }
    }
}
