using System;
using System.Text.Json;
using System.Threading.Tasks;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace LeadAlign.Tests.Browser
{
    /// <summary>
    /// The reject dialog (la_rejectleaddialog.html, opened by the Reject command through Xrm.Navigation.navigateTo with the selected
    /// leads as its data) in headless Chromium with a fake Xrm: it lists the rejection reasons from the column's metadata
    /// (Xrm.Utility.getEntityMetadata), refuses to send without a reason, sends la_RejectLead for every lead, and then stays open
    /// saying it is done: a page in a navigateTo dialog has no supported way to close it (Microsoft's answer on
    /// MicrosoftDocs/powerapps-docs issue 791, "Closing dialog through custom button": "No, there isn't any provided as part of
    /// this API"), so the dialog's own close button closes it and resolves the command's promise.
    /// </summary>
    public sealed class RejectDialogTests : IClassFixture<ReportBrowser>
    {
        private static readonly string FakeXrm = $$"""
            window.calls = { executed: [], closed: 0 };
            window.close = function () { window.calls.closed++; };
            window.Xrm = {
              Utility: { getEntityMetadata: function () {
                var options = { 0: { value: {{(int)RejectionReason.NoBudget}}, text: "No budget" }, 1: { value: {{(int)RejectionReason.Other}}, text: "Other" } };
                return Promise.resolve({ Attributes: { get: function () { return { OptionSet: options }; } } });
              } },
              WebApi: { online: { execute: function (request) {
                window.calls.executed.push({ operation: request.getMetadata().operationName, lead: request.entity.id, Reason: request.Reason, Notes: request.Notes });
                return Promise.resolve({ ok: true });
              } } },
            };
            """;

        private readonly ReportBrowser _browser;

        public RejectDialogTests(ReportBrowser browser)
        {
            _browser = browser;
        }

        private async Task<IPage> OpenAsync(string data)
        {
            var page = await _browser.Browser.NewPageAsync();
            await page.AddInitScriptAsync(FakeXrm);
            var file = new Uri(RepositoryLayout.PathInRepo("Solution", "WebResources", "la_rejectleaddialog.html")).AbsoluteUri;
            await page.GotoAsync(file + "?data=" + data);
            await page.WaitForSelectorAsync("#reason option:nth-child(3)", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
            return page;
        }

        private static async Task<JsonElement> CallsAsync(IPage page) => JsonDocument.Parse(await page.EvaluateAsync<string>("JSON.stringify(window.calls)")).RootElement;

        [Fact]
        public async Task Without_a_reason_nothing_is_sent_and_the_dialog_asks_for_one()
        {
            var page = await OpenAsync("a1");

            await page.ClickAsync("#reject");

            Assert.Equal("Choose a rejection reason: marketing counts them.", await page.TextContentAsync("#error"));
            Assert.Equal(0, (await CallsAsync(page)).GetProperty("executed").GetArrayLength());
        }

        [Fact]
        public async Task A_reason_rejects_every_selected_lead_and_the_dialog_stays_open_saying_it_is_done()
        {
            var page = await OpenAsync("a1,b2");
            Assert.Equal("Tell marketing why these 2 leads are rejected: they count the reasons.", await page.TextContentAsync("#intro"));

            await page.SelectOptionAsync("#reason", ((int)RejectionReason.NoBudget).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.FillAsync("#notes", "  Budget frozen until Q3  ");
            await page.ClickAsync("#reject");
            await page.WaitForSelectorAsync("#done:not(:empty)");

            var calls = await CallsAsync(page);
            var executed = calls.GetProperty("executed");
            Assert.Equal(2, executed.GetArrayLength());
            Assert.Equal(new[] { "a1", "b2" }, new[] { executed[0].GetProperty("lead").GetString(), executed[1].GetProperty("lead").GetString() });
            Assert.All(new[] { executed[0], executed[1] }, call =>
            {
                Assert.Equal("la_RejectLead", call.GetProperty("operation").GetString());
                Assert.Equal((int)RejectionReason.NoBudget, call.GetProperty("Reason").GetInt32());
                Assert.Equal("Budget frozen until Q3", call.GetProperty("Notes").GetString());
            });
            Assert.Equal("The 2 leads are rejected: marketing gets the reason. Close this dialog to return.", await page.TextContentAsync("#done"));
            Assert.True(await page.IsDisabledAsync("#reason"));
            Assert.False(await page.IsVisibleAsync("#reject"));
            Assert.Equal(0, calls.GetProperty("closed").GetInt32());
        }
    }
}
