using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace LeadAlign.Tests.Browser
{
    /// <summary>
    /// The report page with a scoring proposal embedded beside the report, as <c>leadalign simulate</c> writes it: the proposal's
    /// back-test (current against proposed) and every rule's points, read from la_ProposeScoringModel's Proposal JSON.
    /// </summary>
    public sealed class ProposalPanelTests : IClassFixture<ReportBrowser>
    {
        private const string Proposal = """
            {"version":1,"proposedModel":"LeadAlign default v2","outcome":"SQL",
             "training":{"from":"2026-01-05T00:00:00Z","to":"2026-01-25T00:00:00Z","leads":812,"reached":500,"notReached":312,"open":116},
             "heldOut":{"from":"2026-01-25T00:00:00Z","to":"2026-02-04T00:00:00Z","leads":407},
             "thresholds":{"current":{"mql":60,"warm":35,"hot":70},"proposed":{"mql":19,"warm":18,"hot":22}},
             "pointsPerLogit":9.5,
             "backTest":{"auc":{"current":0.625,"proposed":0.734},"mqlsPerWeek":{"current":334.8,"proposed":255.7},
               "salRate":{"current":0.819,"proposed":0.857},"topBandRate":{"current":0.744,"proposed":0.819,"currentLeads":207,"proposedLeads":188}},
             "rules":[{"name":"Is the decision maker","currentPoints":10,"proposedPoints":12,"low":10,"high":15,"hits":441,"reachedWithHit":360,"lift":1.28,"neverFired":false,"note":null},
                      {"name":"Met the sales rep","currentPoints":15,"proposedPoints":15,"low":15,"high":15,"hits":0,"reachedWithHit":0,"lift":null,"neverFired":true,"note":"Never fired in the training period"}]}
            """;

        private readonly ReportBrowser _browser;

        public ProposalPanelTests(ReportBrowser browser)
        {
            _browser = browser;
        }

        private static string PageWith(string? proposal)
        {
            var embedded = JsonNode.Parse(AlignmentReportSource.Response().EmbeddedJson())!.AsObject();
            if (proposal != null)
            {
                embedded["Proposal"] = proposal;
            }

            return ReportPage.ShippedHtml.Replace("</body>",
                "<script type=\"application/json\" id=\"la-report-data\">" + embedded.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal) + "</script>\n</body>", StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_embedded_proposal_shows_its_back_test_beside_the_current_model_and_every_rule()
        {
            await using var page = await ReportPage.CreateAsync(_browser, html: PageWith(Proposal));

            await page.OpenAsync();

            var panel = await page.Page.InnerTextAsync("#la-proposal");
            Assert.Contains("LeadAlign default v2, awaiting a marketing and a sales approval: fitted to 812 leads with an outcome (500 reached SQL), back-tested on 407 later leads", panel);
            var backTest = (await page.Page.InnerTextAsync("#la-proposal table >> nth=0")).Split('\n');
            Assert.Contains(backTest, line => line.StartsWith("AUC, SQL\t0.625\t0.734", StringComparison.Ordinal));
            Assert.Contains(backTest, line => line.StartsWith("SQL rate in the hot band\t74.4 %\t81.9 %", StringComparison.Ordinal));
            Assert.Contains(backTest, line => line.StartsWith("MQL / warm / hot thresholds\t60 / 35 / 70\t19 / 18 / 22", StringComparison.Ordinal));
            var rules = (await page.Page.InnerTextAsync("#la-proposal table >> nth=1")).Split('\n');
            Assert.Contains(rules, line => line.StartsWith("Is the decision maker\t10\t12\t10 to 15\t441\t1.280", StringComparison.Ordinal));
            Assert.Contains(rules, line => line.StartsWith("Met the sales rep\t15\t15\t15 to 15\t0\t—\tNever fired in the training period", StringComparison.Ordinal));
            Assert.Empty(page.ScriptErrors);
        }

        [Fact]
        public async Task Without_a_proposal_the_page_has_no_proposal_panel()
        {
            await using var page = await ReportPage.CreateAsync(_browser, html: PageWith(null));

            await page.OpenAsync();

            Assert.Equal(0, await page.Page.Locator("#la-proposal").CountAsync());
            Assert.True(await page.Page.IsVisibleAsync("#la-calibration"));
            Assert.Empty(page.ScriptErrors);
        }
    }
}
