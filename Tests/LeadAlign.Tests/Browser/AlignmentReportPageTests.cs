using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Browser
{
    /// <summary>
    /// The alignment report web resource (Solution/WebResources/la_alignmentreport.html) in headless Chromium, as a marketing
    /// user or sales manager sees it on the Sales &amp; Marketing Alignment dashboard: it calls la_GetAlignmentReport through the
    /// org's Web API (answered here from <see cref="AlignmentReportSource.Response"/>) or renders the response embedded in the
    /// page, and shows the figures, charts and messages.
    /// </summary>
    public sealed class AlignmentReportPageTests : IClassFixture<ReportBrowser>
    {
        private readonly ReportBrowser _browser;
        private readonly AlignmentReportFigures _figures = new(AlignmentReportSource.Response());

        public AlignmentReportPageTests(ReportBrowser browser)
        {
            _browser = browser;
        }

        [Fact]
        public async Task A_user_opening_the_dashboard_sees_the_figures_of_the_Custom_APIs_response()
        {
            await using var page = await ReportPage.CreateAsync(_browser);

            await page.OpenAsync();

            var text = await page.TextAsync();
            Assert.All(_figures.WaterfallCounts, figure => Assert.Contains(figure, text));
            Assert.Contains(_figures.MqlConversion, text);
            Assert.Contains(_figures.WeeklyMqlCommitment, text);
            Assert.Contains(_figures.PipelineShareSentence, text);
            var waterfallTable = await page.Page.InnerTextAsync("#la-waterfall table");
            Assert.All(_figures.WaterfallRows, row => Assert.Contains(row, waterfallTable));
            Assert.Contains(_figures.FirstCampaign, text);
            Assert.Contains(_figures.FirstRep, text);
            Assert.Empty(page.ConsoleErrors);
            Assert.Empty(page.PageErrors);
            Assert.Empty(page.OtherRequests);
            if (Environment.GetEnvironmentVariable("LEADALIGN_SCREENSHOT") == "1")
            {
                await page.Page.ScreenshotAsync(new() { Path = RepositoryLayout.PathInRepo("docs", "alignment-report.png"), FullPage = true });
            }
        }

        [Fact]
        public async Task The_calibration_panel_shows_AUC_Brier_PSI_the_capacity_threshold_the_band_table_and_the_reliability_table()
        {
            await using var page = await ReportPage.CreateAsync(_browser);

            await page.OpenAsync();

            var panel = await page.Page.InnerTextAsync("#la-calibration");
            Assert.StartsWith("Scoring calibration", panel, StringComparison.Ordinal);
            var figures = await page.Page.InnerTextAsync("#la-calibration [aria-label='Calibration figures'] tbody");
            Assert.All(_figures.CalibrationFigureRows, row => Assert.Contains(row, figures));
            var bands = await page.Page.InnerTextAsync("#la-calibration [aria-label='Calibration by score band'] tbody");
            Assert.Equal(3, _figures.CalibrationBandRows.Length);
            Assert.All(_figures.CalibrationBandRows, row => Assert.Contains(row, bands));
            var reliability = await page.Page.Locator("#la-calibration [aria-label='Reliability by score decile'] tbody tr").AllInnerTextsAsync();
            Assert.NotEmpty(_figures.ReliabilityRows);
            Assert.Equal(_figures.ReliabilityRows, reliability.Select(row => string.Join("\t", row.Split('\t').Take(3))));
            Assert.Contains("capacity threshold", await page.Page.InnerTextAsync("#la-capacity"), StringComparison.Ordinal);
            Assert.Empty(page.ScriptErrors);
        }

        [Fact]
        public async Task The_page_posts_the_last_four_full_weeks_to_the_Custom_API_and_Refresh_asks_for_the_chosen_period()
        {
            // Wednesday 2 December 2026: the last four full weeks run from Monday 2 November to Sunday 29 November.
            await using var page = await ReportPage.CreateAsync(_browser, now: new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc));

            await page.OpenAsync();
            await page.Page.FillAsync("#la-start", "2026-10-01");
            await page.Page.FillAsync("#la-end", "2026-10-31");
            await page.Page.ClickAsync("#la-refresh");
            await page.Page.WaitForFunctionAsync("() => !document.getElementById('la-refresh').disabled");

            Assert.Equal(2, page.CustomApiRequests.Count);
            var first = page.CustomApiRequests[0];
            Assert.Equal("""{"PeriodStart":"2026-11-02T00:00:00Z","PeriodEnd":"2026-11-30T00:00:00Z"}""", first.PostData);
            Assert.Equal("4.0", first.Headers["odata-maxversion"]);
            Assert.Equal("4.0", first.Headers["odata-version"]);
            Assert.Equal("application/json", first.Headers["accept"]);
            Assert.StartsWith("application/json", first.Headers["content-type"], StringComparison.Ordinal);
            Assert.Equal("""{"PeriodStart":"2026-10-01T00:00:00Z","PeriodEnd":"2026-11-01T00:00:00Z"}""", page.CustomApiRequests[1].PostData);
        }

        [Fact]
        public async Task On_a_dashboard_the_page_calls_the_Web_API_of_the_org_the_client_context_names()
        {
            // A dashboard frames the web resource; Xrm.Utility.getGlobalContext().getClientUrl() of the parent gives the org's
            // URL, which (on premises, or behind a path) is not the page's origin.
            const string parent = "<!DOCTYPE html><html><head><script>window.Xrm = { Utility: { getGlobalContext: function () { return { getClientUrl: function () { return 'https://contoso.crm.dynamics.com/contoso'; } }; } } };</script></head>" +
                "<body><iframe id=\"report\" src=\"/WebResources/la_alignmentreport.html\" style=\"width:1000px;height:800px\"></iframe></body></html>";
            await using var page = await ReportPage.CreateAsync(_browser, parent: parent);

            await page.Page.GotoAsync(ReportPage.ParentUrl);
            var report = page.Page.FrameLocator("#report");
            await report.Locator("#la-waterfall").WaitForAsync();

            Assert.Equal(new[] { "https://contoso.crm.dynamics.com/contoso/api/data/v9.2/la_GetAlignmentReport" }, page.CustomApiRequests.Select(request => request.Url));
            Assert.Contains(_figures.FirstCampaign, await report.Locator("#la-campaigns").InnerTextAsync());
            Assert.Empty(page.OtherRequests);
            Assert.Empty(page.ScriptErrors);
        }

        [Fact]
        public async Task The_charts_carry_axis_labels_legends_a_commitment_line_and_partial_weeks_marked_partial()
        {
            await using var page = await ReportPage.CreateAsync(_browser);

            await page.OpenAsync();

            var waterfall = await page.ChartTextsAsync("la-waterfall");
            Assert.Contains("Leads", waterfall);
            Assert.Contains("Stage", waterfall);
            var weekly = await page.ChartTextsAsync("la-weekly");
            Assert.Contains("Business week (starting Monday)", weekly);
            Assert.Contains("MQLs", weekly);
            Assert.Contains("Commitment", weekly);
            Assert.Contains("Partial week", weekly);
            Assert.Equal(_figures.PartialWeeks, weekly.Count(text => text == "partial"));
            Assert.Equal(1, await page.Page.Locator("#la-weekly svg polyline.la-line").CountAsync());
            Assert.Equal(_figures.MissedWeeks.Length, await page.Page.Locator("#la-weekly svg rect.la-bar.la-fill-bad").CountAsync());
            var weeklyTable = await page.Page.InnerTextAsync("#la-weekly table");
            Assert.NotEmpty(_figures.MissedWeeks);
            Assert.All(_figures.MissedWeeks, week => Assert.Contains(week, weeklyTable));
            var bands = await page.ChartTextsAsync("la-bands");
            Assert.Contains("SQL rate", bands);
            Assert.Contains("Win rate", bands);
            Assert.Contains("100 %", bands);
            var pipeline = await page.ChartTextsAsync("la-pipeline");
            Assert.Contains("Share of new pipeline", pipeline);
            Assert.Contains("100 %", pipeline);
            var sla = await page.ChartTextsAsync("la-sla");
            Assert.Contains("Breached", sla);
            Assert.Empty(page.ScriptErrors);
        }

        [Fact]
        public async Task On_a_phone_the_page_does_not_scroll_sideways_and_wide_tables_scroll_in_their_own_box()
        {
            await using var page = await ReportPage.CreateAsync(_browser, width: 375);

            await page.OpenAsync();

            Assert.True(await page.Page.EvaluateAsync<int>("document.scrollingElement.scrollWidth") <= 375, "The page scrolls sideways at 375 px.");
            Assert.True(await page.Page.EvaluateAsync<bool>("(() => { const box = document.querySelector('#la-campaigns .la-scroll'); return box.scrollWidth > box.clientWidth && getComputedStyle(box).overflowX === 'auto'; })()"),
                "The campaign table does not scroll inside its own box.");
            // The charts are drawn for the phone's width, not shrunk from the desktop's: their smallest text is still readable.
            var smallestText = await page.Page.EvaluateAsync<double>("() => Math.min(...Array.from(document.querySelectorAll('svg.la-chart text')).map(text => text.getBoundingClientRect().height).filter(height => height > 0))");
            Assert.True(smallestText >= 10, $"The smallest chart text is {smallestText:0.0} px high at 375 px.");
            Assert.Contains(_figures.FirstCampaign, await page.TextAsync());
            Assert.Contains(_figures.WithinHourOverall, await page.Page.InnerTextAsync("#la-speed"));
            Assert.Empty(page.ScriptErrors);
        }

        [Fact]
        public async Task A_sales_manager_sees_each_reps_speed_to_lead_in_a_table_and_a_bar_chart_scaled_to_100_percent()
        {
            await using var page = await ReportPage.CreateAsync(_browser);

            await page.OpenAsync();

            Assert.Contains(_figures.WithinHourOverall + " of the", await page.Page.InnerTextAsync("#la-speed .la-share"));
            var table = await page.Page.InnerTextAsync("#la-speed table");
            var chart = await page.ChartTextsAsync("la-speed");
            Assert.NotEmpty(_figures.SpeedByRep);
            foreach (var rep in _figures.SpeedByRep)
            {
                var row = table.Split('\n').Single(line => line.StartsWith(rep.Rep + "\t", StringComparison.Ordinal));
                Assert.StartsWith(rep.Rep + "\t" + rep.Leads + "\t", row, StringComparison.Ordinal);
                Assert.Contains("\t" + rep.Within5 + "\t" + rep.Within60 + "\t", row, StringComparison.Ordinal);
                Assert.Contains(rep.Rep, chart);
                Assert.Contains(rep.Within5 + " · " + rep.Within60, chart);

                // The rep's bar (its two segments) is as long as its within-an-hour share of the axis from 0 % to 100 %.
                var share = await page.Page.EvaluateAsync<double>(
                    @"rep => {
                        const chart = document.querySelector('#la-speed svg');
                        const tick = label => Number(Array.from(chart.querySelectorAll('text')).find(text => text.textContent === label).getAttribute('x'));
                        const bars = Array.from(chart.querySelectorAll('rect.la-bar')).filter(bar => bar.querySelector('title').textContent.startsWith(rep + ': '));
                        return 100 * bars.reduce((sum, bar) => sum + Number(bar.getAttribute('width')), 0) / (tick('100 %') - tick('0 %'));
                    }", rep.Rep);
                Assert.Equal(double.Parse(rep.Within60.Replace(" %", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture), share, 0);
            }

            Assert.Contains("Within 5 minutes", chart);
            Assert.Contains("Within an hour (after 5 minutes)", chart);
            Assert.Contains("Share of handed-off leads first contacted", chart);
            Assert.Contains("100 %", chart);
            Assert.Empty(page.ScriptErrors);
        }

        [Fact]
        public async Task With_hot_lane_and_queued_leads_the_speed_section_sets_the_hot_lane_beside_the_others_and_tells_the_queue_wait()
        {
            static JsonObject Lane(int leads, double within5, double within60) => new()
            {
                ["leads"] = leads, ["within5MinutesPercent"] = within5, ["within60MinutesPercent"] = within60,
                ["sqlPercentContactedWithinHour"] = 50.0, ["sqlPercentContactedLater"] = 10.0,
            };
            var lanes = AlignmentReportSource.Response().WithReport(report =>
            {
                report["speedToLead"]!["hotLane"] = Lane(3, 66.7, 100.0);
                report["speedToLead"]!["otherLeads"] = Lane(9, 0.0, 11.1);
                report["speedToLead"]!["salesQueue"] = new JsonObject { ["leads"] = 4, ["waitMedianMinutes"] = 42.0, ["waitP90Minutes"] = 95.0 };
            });
            await using var page = await ReportPage.CreateAsync(_browser);
            page.CustomApi = _ => (200, lanes.WebApiBody(ReportPage.Organization));

            await page.OpenAsync();

            var table = (await page.Page.InnerTextAsync("#la-speed table")).Split('\n');
            Assert.Contains(table, line => line.StartsWith("Hot lane\t3\t", StringComparison.Ordinal) && line.Contains("\t66.7 %\t100.0 %\t", StringComparison.Ordinal));
            Assert.Contains(table, line => line.StartsWith("Other leads\t9\t", StringComparison.Ordinal) && line.Contains("\t0.0 %\t11.1 %\t", StringComparison.Ordinal));
            Assert.Contains("4 leads waited in the sales queue before a rep picked them: median 42", await page.Page.InnerTextAsync("#la-speed"));
            Assert.Empty(page.ScriptErrors);
        }

        [Fact]
        public async Task With_the_response_embedded_the_page_renders_it_without_calling_the_org()
        {
            var html = ReportPage.ShippedHtml.Replace("</body>",
                "<script type=\"application/json\" id=\"la-report-data\">" + AlignmentReportSource.Response().EmbeddedJson() + "</script>\n</body>", StringComparison.Ordinal);
            await using var page = await ReportPage.CreateAsync(_browser, html: html);

            await page.OpenAsync();

            var text = await page.TextAsync();
            Assert.All(_figures.WaterfallCounts, figure => Assert.Contains(figure, text));
            Assert.Contains(_figures.FirstRep, text);
            Assert.Empty(page.CustomApiRequests);
            Assert.Empty(page.OtherRequests);
            Assert.False(await page.Page.IsVisibleAsync("#la-period"));
            Assert.Empty(page.ConsoleErrors);
            Assert.Empty(page.PageErrors);
        }

        [Fact]
        public async Task An_HTTP_error_is_shown_with_the_Web_APIs_error_message()
        {
            // The Web API's error body (Learn, "Troubleshoot Dataverse Web API client errors": a 404 for an unknown action).
            await using var page = await ReportPage.CreateAsync(_browser);
            page.CustomApi = _ => (404, """{"error":{"code":"0x8006088a","message":"Resource not found for the segment 'la_GetAlignmentReport'."}}""");

            await page.OpenAsync();

            var message = await page.Page.InnerTextAsync("#la-status");
            Assert.Contains("HTTP 404", message);
            Assert.Contains("Resource not found for the segment 'la_GetAlignmentReport'.", message);
            Assert.Equal(0, await page.Page.Locator("#la-report section").CountAsync());
            Assert.Empty(page.ScriptErrors);
        }

        [Fact]
        public async Task A_period_too_large_for_one_call_shows_the_notice_instead_of_figures()
        {
            const string notice = "The period holds more than 50,000 leads, more than one call can count: ask for a shorter period.";
            var full = JsonNode.Parse(AlignmentReportSource.Response().Report)!;
            var partial = new AlignmentReportResponse(
                new JsonObject { ["version"] = 1, ["complete"] = false, ["notice"] = notice, ["agreement"] = full["agreement"]!.DeepClone(), ["period"] = full["period"]!.DeepClone() }.ToJsonString(),
                Complete: false,
                Notice: notice);
            await using var page = await ReportPage.CreateAsync(_browser);
            page.CustomApi = _ => (200, partial.WebApiBody(ReportPage.Organization));

            await page.OpenAsync();

            Assert.Contains(notice, await page.Page.InnerTextAsync("#la-status"));
            Assert.Equal(0, await page.Page.Locator("#la-report section").CountAsync());
            Assert.Empty(page.ScriptErrors);
        }

        [Fact]
        public async Task A_closed_week_shows_both_teams_commitments_side_by_side_with_missed_in_words()
        {
            var response = AlignmentReportSource.ResponseWithClosedWeek();
            var week = JsonNode.Parse(response.Report)!["weeks"]!.AsArray().Single()!;
            var mqls = week["commitments"]!.AsArray().Single(item => (string)item!["commitment"]! == "MQLs delivered")!;
            var returns = week["commitments"]!.AsArray().Single(item => (string)item!["commitment"]! == "No-decision returns")!;
            await using var page = await ReportPage.CreateAsync(_browser);
            page.CustomApi = _ => (200, response.WebApiBody(ReportPage.Organization));

            await page.OpenAsync();

            var section = await page.Page.InnerTextAsync("#la-commitments");
            Assert.Contains("Both teams' commitments", section);
            Assert.Contains("Week of 2026-01-12", section);
            var header = await page.Page.InnerTextAsync("#la-commitments thead");
            Assert.Equal("Marketing commitment\tActual\tTarget\tResult\tSales commitment\tActual\tTarget\tResult", header.Trim());

            // The first row: marketing's MQLs (of 4 committed) beside sales' accept compliance; the MQL figure was missed.
            Assert.Equal("Missed", (string)mqls["result"]!);
            var first = (await page.Page.InnerTextAsync("#la-commitments tbody tr:first-child")).Split('\t');
            Assert.Equal(new[] { "MQLs delivered", ((int)mqls["actual"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), "4", "Missed" }, first.Take(4));
            Assert.Equal("Accept compliance", first[4]);
            Assert.Equal("la-status-missed", await page.Page.GetAttributeAsync("#la-commitments tbody tr:first-child td:nth-child(4)", "class"));
            var rows = (await page.Page.InnerTextAsync("#la-commitments tbody")).Split('\n');
            var last = rows.Single(row => row.Contains("No-decision returns", StringComparison.Ordinal));
            Assert.Contains("No-decision returns\t" + (int)returns["actual"]! + "\t0\t" + (string)returns["result"]!, last, StringComparison.Ordinal);
            Assert.Empty(page.ScriptErrors);
        }

        [Fact]
        public async Task Without_a_closed_week_the_commitments_section_says_how_weeks_get_closed()
        {
            await using var page = await ReportPage.CreateAsync(_browser);

            await page.OpenAsync();

            Assert.Empty(JsonNode.Parse(AlignmentReportSource.Response().Report)!["weeks"]!.AsArray());
            Assert.Contains("No week closed yet: the weekly close flow closes each week on Monday.", await page.Page.InnerTextAsync("#la-commitments"));
            Assert.Equal(0, await page.Page.Locator("#la-commitments table").CountAsync());
            Assert.Empty(page.ScriptErrors);
        }

        [Fact]
        public async Task A_period_without_leads_says_so()
        {
            var none = AlignmentReportSource.Response().WithReport(report =>
            {
                report["leads"] = 0;
                foreach (var row in report["waterfall"]!.AsArray())
                {
                    row!["count"] = 0;
                }

                report["pipelineShare"]!["opportunities"] = 0;
                report["rejectionsByCampaign"] = new JsonArray();
            });
            await using var page = await ReportPage.CreateAsync(_browser);
            page.CustomApi = _ => (200, none.WebApiBody(ReportPage.Organization));

            await page.OpenAsync();

            Assert.Contains("No data for this period", await page.Page.InnerTextAsync("#la-status"));
            Assert.Empty(page.ScriptErrors);
        }

        [Fact]
        public async Task A_campaign_name_holding_markup_is_shown_as_text()
        {
            const string name = "Spring <img src=x onerror=\"window.laInjected=1\"> webinar";
            var hostile = AlignmentReportSource.Response().WithReport(report =>
            {
                report["byCampaign"]![0]!["name"] = name;
                report["rejectionsByCampaign"]![0]!["campaign"] = name;
                report["sla"]!["byRep"]![0]!["rep"] = "<b>Alex</b> Rep";
                report["speedToLead"]!["byRep"]![0]!["rep"] = "<b>Alex</b> Rep";
            });
            await using var page = await ReportPage.CreateAsync(_browser);
            page.CustomApi = _ => (200, hostile.WebApiBody(ReportPage.Organization));

            await page.OpenAsync();

            Assert.Contains(name, await page.Page.InnerTextAsync("#la-campaigns"));
            Assert.Contains(name, await page.Page.InnerTextAsync("#la-rejections"));
            Assert.Contains("<b>Alex</b> Rep", await page.Page.InnerTextAsync("#la-sla"));
            Assert.Contains("<b>Alex</b> Rep", await page.Page.InnerTextAsync("#la-speed"));
            Assert.Equal(0, await page.Page.Locator("img, #la-sla b, #la-speed b").CountAsync());
            Assert.True(await page.Page.EvaluateAsync<bool>("() => window.laInjected === undefined"), "The campaign name's markup ran.");
            Assert.Empty(page.OtherRequests);
            Assert.Empty(page.ScriptErrors);
        }
    }
}
