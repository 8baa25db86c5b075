using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LeadAlign.Tests.Support;
using Microsoft.Playwright;

namespace LeadAlign.Tests.Browser
{
    /// <summary>
    /// The web resource opened as Dynamics 365 serves it (https://contoso.crm.dynamics.com/WebResources/la_alignmentreport.html),
    /// every request answered by Playwright's routing: the page from the solution's file, the Custom API by
    /// <see cref="CustomApi"/>, anything else refused and recorded. It records the console errors, the script errors and the
    /// Custom API's requests.
    /// </summary>
    public sealed class ReportPage : IAsyncDisposable
    {
        public const string Organization = "https://contoso.crm.dynamics.com";
        public const string PageUrl = Organization + "/WebResources/la_alignmentreport.html";
        public const string CustomApiPath = "/api/data/v9.2/la_GetAlignmentReport";
        public const string CustomApiUrl = Organization + CustomApiPath;

        /// <summary>A page of the org that frames the web resource, as a dashboard does (<see cref="CreateAsync"/>'s parent).</summary>
        public const string ParentUrl = Organization + "/main.aspx";

        private readonly IBrowserContext _context;

        private ReportPage(IBrowserContext context, IPage page)
        {
            _context = context;
            Page = page;
        }

        public IPage Page { get; }

        /// <summary>The answer to a POST to the Custom API: status and body (the default: the provider's response, 200).</summary>
        public Func<IRequest, (int Status, string Body)> CustomApi { get; set; } = _ => (200, AlignmentReportSource.Response().WebApiBody(Organization));

        public List<IRequest> CustomApiRequests { get; } = new();

        public List<string> OtherRequests { get; } = new();

        public List<string> ConsoleErrors { get; } = new();

        public List<string> PageErrors { get; } = new();

        /// <summary>The shipped web resource's HTML.</summary>
        public static string ShippedHtml => File.ReadAllText(RepositoryLayout.PathInRepo("Solution", "WebResources", "la_alignmentreport.html"));

        /// <summary>A new page of the given width (desktop 1280), its clock at <paramref name="now"/> when given; not yet loaded.</summary>
        /// <param name="html">The web resource's HTML (default: the shipped file).</param>
        /// <param name="parent">When given, the HTML of <see cref="ParentUrl"/>, which the test opens instead to frame the web resource.</param>
        public static async Task<ReportPage> CreateAsync(ReportBrowser browser, int width = 1280, DateTime? now = null, string? html = null, string? parent = null)
        {
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 812 : 900 },
                Locale = "en-US",
                TimezoneId = "UTC",
            });
            var page = await context.NewPageAsync();
            var result = new ReportPage(context, page);
            if (now != null)
            {
                await page.Clock.SetFixedTimeAsync(now.Value);
            }

            var content = html ?? ShippedHtml;
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    result.ConsoleErrors.Add(message.Text);
                }
            };
            page.PageError += (_, error) => result.PageErrors.Add(error);
            await page.RouteAsync("**/*", async route =>
            {
                var request = route.Request;
                if (request.Url == PageUrl)
                {
                    await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = content });
                }
                else if (parent != null && request.Url == ParentUrl)
                {
                    await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = parent });
                }
                else if (request.Url.EndsWith(CustomApiPath, StringComparison.Ordinal) && request.Method == "POST")
                {
                    result.CustomApiRequests.Add(request);
                    var (status, body) = result.CustomApi(request);
                    await route.FulfillAsync(new RouteFulfillOptions
                    {
                        Status = status,
                        ContentType = "application/json; odata.metadata=minimal",
                        Headers = new Dictionary<string, string> { ["OData-Version"] = "4.0" },
                        Body = body,
                    });
                }
                else
                {
                    result.OtherRequests.Add(request.Method + " " + request.Url);
                    await route.AbortAsync();
                }
            });
            return result;
        }

        /// <summary>Opens the page and waits until it shows either the report or a message.</summary>
        public async Task OpenAsync()
        {
            await Page.GotoAsync(PageUrl);
            await Page.WaitForSelectorAsync("#la-report section, #la-status .la-message:not(.la-info)");
        }

        /// <summary>What the user reads on the page.</summary>
        public Task<string> TextAsync() => Page.InnerTextAsync("body");

        /// <summary>The texts of the SVG charts (axis labels, ticks, legends, bar labels).</summary>
        public async Task<string[]> ChartTextsAsync(string section) =>
            (await Page.Locator($"#{section} svg text").AllTextContentsAsync()).ToArray();

        /// <summary>Errors other than the browser's own "Failed to load resource" line for an HTTP error the page then shows.</summary>
        public IEnumerable<string> ScriptErrors => ConsoleErrors.Where(error => !error.StartsWith("Failed to load resource", StringComparison.Ordinal)).Concat(PageErrors);

        public async ValueTask DisposeAsync() => await _context.CloseAsync();
    }
}
