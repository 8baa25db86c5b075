using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace LeadAlign.Tests.Browser
{
    /// <summary>
    /// One headless Chromium for the browser tests, driven by Playwright: Debian's /usr/bin/chromium, or the browser the
    /// environment variable LEADALIGN_CHROMIUM names. Playwright never downloads a browser here. Without a browser every test
    /// fails, saying how to install one.
    /// </summary>
    public sealed class ReportBrowser : IAsyncLifetime
    {
        public const string ChromiumVariable = "LEADALIGN_CHROMIUM";
        public const string DebianChromium = "/usr/bin/chromium";

        private static readonly string[] Arguments =
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
        };

        private IPlaywright? _playwright;
        private IBrowser? _browser;

        public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

        /// <summary>The Chromium the tests drive: LEADALIGN_CHROMIUM when set, else Debian's.</summary>
        public static string ChromiumPath => Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : DebianChromium;

        public async Task InitializeAsync()
        {
            var chromium = ChromiumPath;
            if (!File.Exists(chromium))
            {
                throw new InvalidOperationException(
                    $"No Chromium at {chromium}: the browser tests need one. On Debian run build/test.sh (it installs the 'chromium' package) " +
                    $"or 'sudo apt-get install chromium'; elsewhere install Chromium or Google Chrome and set {ChromiumVariable} to its executable.");
            }

            // The driver must not fetch browsers: the tests only ever launch the executable above.
            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = Arguments });
        }

        public async Task DisposeAsync()
        {
            if (_browser != null)
            {
                await _browser.CloseAsync();
            }

            _playwright?.Dispose();
        }
    }
}
