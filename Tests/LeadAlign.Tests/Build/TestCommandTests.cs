using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Build
{
    /// <summary>
    /// The README's test command is what CI runs, and it is the one that brings the browser tests their Chromium on Debian.
    /// </summary>
    public class TestCommandTests
    {
        [Fact]
        public void CI_runs_exactly_the_READMEs_test_command_which_installs_Chromium_then_runs_the_suite()
        {
            var readme = File.ReadAllText(RepositoryLayout.PathInRepo("README.md"));
            var block = Regex.Match(readme, "Run every test:\\s*```sh\\n(?<command>[^\\n]+)\\n```");
            var ci = File.ReadAllLines(RepositoryLayout.PathInRepo(".ci", "run")).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
            var script = File.ReadAllText(RepositoryLayout.PathInRepo("build", "test.sh"));

            Assert.True(block.Success, "The README has no 'Run every test:' command block.");
            Assert.Equal("build/test.sh", block.Groups["command"].Value);
            Assert.Equal(block.Groups["command"].Value, ci.Last());
            Assert.Contains("[ ! -x " + Browser.ReportBrowser.DebianChromium + " ]", script, StringComparison.Ordinal);
            Assert.Contains("apt-get install -y -qq --no-install-recommends chromium", script, StringComparison.Ordinal);
            Assert.Contains(Browser.ReportBrowser.ChromiumVariable, script, StringComparison.Ordinal);
            Assert.EndsWith("exec dotnet test LeadAlign.sln -c Release \"$@\"\n", script, StringComparison.Ordinal);
        }
    }
}
