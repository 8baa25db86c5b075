using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace LeadAlign.Tests.Browser
{
    /// <summary>
    /// The lead commands' script (la_leadcommands.js) in headless Chromium with a fake Xrm: the request it hands to
    /// Xrm.WebApi.online.execute (Microsoft Learn, "Xrm.WebApi.online.execute (Client API reference)": getMetadata with
    /// boundParameter "entity", operationType 0 for an action, parameterTypes with structuralProperty 5 for the entity and 1 for a
    /// primitive), the refresh after success, and the platform's error text shown on failure.
    /// </summary>
    public sealed class LeadCommandsScriptTests : IClassFixture<ReportBrowser>
    {
        private const string FakeXrm = """
            window.calls = { executed: [], errors: [], refreshed: 0, dialogs: [] };
            window.failWith = null;
            window.Xrm = {
              WebApi: { online: { execute: function (request) {
                window.calls.executed.push({ metadata: request.getMetadata(), entity: request.entity, Reason: request.Reason, Notes: request.Notes });
                return window.failWith ? Promise.reject(window.failWith) : Promise.resolve({ ok: true });
              } } },
              Navigation: {
                openErrorDialog: function (options) { window.calls.errors.push(options.message); return Promise.resolve(); },
                navigateTo: function (page, options) { window.calls.dialogs.push({ page: page, title: options.title, target: options.target }); return Promise.resolve(); },
                openConfirmDialog: function () { return Promise.resolve({ confirmed: true }); },
              },
            };
            window.form = { data: { entity: { getId: function () { return "{6E2A1F3C-0000-4000-8000-000000000001}"; } }, refresh: function () { window.calls.refreshed++; return Promise.resolve(); } } };
            window.grid = { refresh: function () { window.calls.refreshed++; } };
            """;

        private readonly ReportBrowser _browser;

        public LeadCommandsScriptTests(ReportBrowser browser)
        {
            _browser = browser;
        }

        private async Task<IPage> PageAsync()
        {
            var page = await _browser.Browser.NewPageAsync();
            await page.SetContentAsync("<!DOCTYPE html><html><body></body></html>");
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = FakeXrm });
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = File.ReadAllText(RepositoryLayout.PathInRepo("Solution", "WebResources", "la_leadcommands.js")) });
            return page;
        }

        private static async Task<JsonElement> CallsAsync(IPage page) => JsonDocument.Parse(await page.EvaluateAsync<string>("JSON.stringify(window.calls)")).RootElement;

        [Fact]
        public async Task Accept_on_the_form_executes_la_AcceptLead_bound_to_the_lead_and_refreshes_the_form()
        {
            var page = await PageAsync();

            await page.EvaluateAsync("LeadAlign.LeadCommands.acceptFromForm(window.form)");

            var calls = await CallsAsync(page);
            var executed = calls.GetProperty("executed")[0];
            Assert.Equal(1, calls.GetProperty("executed").GetArrayLength());
            Assert.Equal("""{"boundParameter":"entity","parameterTypes":{"entity":{"typeName":"mscrm.lead","structuralProperty":5}},"operationType":0,"operationName":"la_AcceptLead"}""", executed.GetProperty("metadata").GetRawText());
            Assert.Equal("""{"entityType":"lead","id":"6e2a1f3c-0000-4000-8000-000000000001"}""", executed.GetProperty("entity").GetRawText());
            Assert.Equal(1, calls.GetProperty("refreshed").GetInt32());
            Assert.Equal(0, calls.GetProperty("errors").GetArrayLength());
        }

        [Fact]
        public async Task A_reject_request_sends_the_reason_as_an_int32_and_the_notes_as_a_string()
        {
            var page = await PageAsync();

            await page.EvaluateAsync($"LeadAlign.LeadCommands.runAll([LeadAlign.LeadCommands.rejectRequest('{{6E2A1F3C-0000-4000-8000-000000000001}}', {(int)RejectionReason.NoBudget}, 'Budget frozen')])");

            var executed = (await CallsAsync(page)).GetProperty("executed")[0];
            var types = executed.GetProperty("metadata").GetProperty("parameterTypes");
            Assert.Equal("la_RejectLead", executed.GetProperty("metadata").GetProperty("operationName").GetString());
            Assert.Equal("""{"typeName":"Edm.Int32","structuralProperty":1}""", types.GetProperty("Reason").GetRawText());
            Assert.Equal("""{"typeName":"Edm.String","structuralProperty":1}""", types.GetProperty("Notes").GetRawText());
            Assert.Equal((int)RejectionReason.NoBudget, executed.GetProperty("Reason").GetInt32());
            Assert.Equal("Budget frozen", executed.GetProperty("Notes").GetString());
        }

        [Fact]
        public async Task A_refusal_shows_the_platforms_message_and_grid_commands_run_for_every_selected_row_until_one_fails()
        {
            var page = await PageAsync();
            await page.EvaluateAsync("window.failWith = { errorCode: 2147746592, message: \"This lead is Rejected: it cannot move to SAL. From Rejected it can move to Nurture.\" }");

            await page.EvaluateAsync("LeadAlign.LeadCommands.acceptFromGrid(['{A}', '{B}'], window.grid)");

            var calls = await CallsAsync(page);
            Assert.Equal(1, calls.GetProperty("executed").GetArrayLength());
            Assert.Equal("This lead is Rejected: it cannot move to SAL. From Rejected it can move to Nurture.", calls.GetProperty("errors")[0].GetString());
            Assert.Equal(1, calls.GetProperty("refreshed").GetInt32());
        }

        [Fact]
        public async Task Reject_on_the_grid_opens_the_reason_dialog_for_the_selected_leads_and_recycle_calls_each_lead()
        {
            var page = await PageAsync();

            await page.EvaluateAsync("LeadAlign.LeadCommands.rejectFromGrid(['{A1}', '{B2}'], window.grid)");
            await page.EvaluateAsync("LeadAlign.LeadCommands.recycleFromGrid(['{A1}', '{B2}'], window.grid)");

            var calls = await CallsAsync(page);
            var dialog = calls.GetProperty("dialogs")[0];
            Assert.Equal("""{"pageType":"webresource","webresourceName":"la_rejectleaddialog.html","data":"a1,b2"}""", dialog.GetProperty("page").GetRawText());
            Assert.Equal(2, dialog.GetProperty("target").GetInt32());
            var executed = calls.GetProperty("executed");
            Assert.Equal(2, executed.GetArrayLength());
            Assert.All(new[] { executed[0], executed[1] }, call => Assert.Equal("la_RecycleLead", call.GetProperty("metadata").GetProperty("operationName").GetString()));
            Assert.Equal("b2", executed[1].GetProperty("entity").GetProperty("id").GetString());
        }
    }
}
