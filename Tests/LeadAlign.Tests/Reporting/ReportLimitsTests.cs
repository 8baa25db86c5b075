using System;
using System.Linq;
using System.Text.Json.Nodes;
using LeadAlign.Plugins.Reporting;
using LeadAlign.Reporting;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace LeadAlign.Tests.Reporting
{
    /// <summary>
    /// The report within the platform's limits where the seeded scenario does not reach them: called inside a transaction (the
    /// count cannot be caught there), out of the time a plug-in may run, and text that must stay JSON.
    /// </summary>
    public sealed class ReportLimitsTests
    {
        [Fact]
        public void Inside_a_transaction_a_count_over_the_limit_fails_the_call_and_one_within_it_gives_the_whole_report()
        {
            var scenario = new ReportScenario(options => options with { AggregateQueryRecordLimit = 5 });
            var org = scenario.Org;
            OrganizationRequest Report(DateTime end) => new(GetAlignmentReportPlugin.ApiName) { ["PeriodStart"] = ReportScenario.PeriodStart, ["PeriodEnd"] = end };

            var refused = TestOrganization.Fault(() => org.As(scenario.Fixture.Marketer).Execute(new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection { Report(ReportScenario.PeriodEnd) }, ReturnResponses = true }));
            var oneDay = (ExecuteTransactionResponse)org.As(scenario.Fixture.Marketer).Execute(new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection { Report(ReportScenario.PeriodStart.AddDays(1)) }, ReturnResponses = true });

            // No partial figures: the whole call fails with the platform's refusal of the count.
            Assert.Contains("AggregateQueryRecordLimit exceeded", refused.Message, StringComparison.Ordinal);
            var response = Assert.Single(oneDay.Responses);
            Assert.True((bool)response.Results["Complete"]);
            Assert.Equal(5, (int)JsonNode.Parse((string)response.Results["Report"])!["leads"]!);
        }

        [Fact]
        public void A_report_that_runs_out_of_time_before_a_page_is_incomplete_and_says_to_ask_for_a_shorter_period()
        {
            var scenario = new ReportScenario();
            var org = scenario.Org;
            var agreement = org.Get(Schema.AgreementTable.EntityName, LifecycleFixture.AgreementId)!;
            var settings = new ReportSettings(agreement, () => LeadAlign.Sla.TimeZoneDefinitions.Load(org.SystemService), ReportScenario.PeriodStart, ReportScenario.PeriodEnd, org.UtcNow);
            var pages = 0;

            var result = AlignmentReport.Compute(new AlignmentReportReader(org.SystemService, () => ++pages > 3), settings, 8);

            Assert.False(result.Complete);
            Assert.Equal("The period holds too many rows to read in the two minutes one call may run: ask for a shorter period.", result.Notice);
            var report = JsonNode.Parse(result.Report)!.AsObject();
            Assert.Equal(new[] { "version", "generatedOn", "complete", "notice", "agreement", "period" }, report.Select(pair => pair.Key));
            Assert.Equal(result.Notice, (string)report["notice"]!);
        }

        [Fact]
        public void Rows_are_read_page_by_page_with_the_paging_cookie_until_there_are_no_more()
        {
            var scenario = new ReportScenario();
            var org = scenario.Org;
            var expected = org.All(Schema.LeadTable.EntityName).Where(lead => lead.GetAttributeValue<DateTime>("createdon") >= ReportScenario.PeriodStart).Select(lead => lead.Id).OrderBy(id => id).ToList();
            var service = new CountingService(org.SystemService);

            var rows = new AlignmentReportReader(service, () => false, pageSize: 3).ReadAll(AlignmentReportQueries.Leads(ReportScenario.PeriodStart, ReportScenario.PeriodEnd));

            Assert.Equal(8, expected.Count);
            Assert.Equal(expected, rows.Select(row => row.Id).OrderBy(id => id));
            Assert.Equal(3, service.Pages.Count);
            Assert.Equal(new[] { 1, 2, 3 }, service.Pages.Select(page => page.PageNumber));
            Assert.Null(service.Pages[0].PagingCookie);
            Assert.All(service.Pages.Skip(1), page => Assert.False(string.IsNullOrEmpty(page.PagingCookie)));
        }

        [Fact]
        public void Names_with_quotes_markup_and_control_characters_stay_valid_json_and_read_back_unchanged()
        {
            var name = "Q1 \"launch\" <b>&</b> \\ \n\t\u0001 café";

            var text = new JsonWriter().BeginObject().Property("name", name).Name("list").BeginArray().Value(1).Value((string?)null).OneDecimal(2.25m).EndArray().EndObject().ToString();

            Assert.DoesNotContain("<", text, StringComparison.Ordinal);
            var parsed = JsonNode.Parse(text)!;
            Assert.Equal(name, (string)parsed["name"]!);
            Assert.Equal("[1,null,2.3]", parsed["list"]!.ToJsonString());
        }
    }
}
