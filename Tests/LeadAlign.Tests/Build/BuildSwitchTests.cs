using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Build
{
    /// <summary>
    /// -p:XrmSdkPath=DIR swaps the stand-ins for the official SDK dlls in the net462 builds. Checked by evaluating the
    /// projects with MSBuild (no compile), so the test needs no copy of the official SDK.
    /// </summary>
    public class BuildSwitchTests
    {
        [Theory]
        [InlineData("Plugins/LeadAlign.Plugins.csproj", new[] { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy" })]
        [InlineData("WorkflowActivities/LeadAlign.WorkflowActivities.csproj", new[] { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow" })]
        public void XrmSdkPath_builds_net462_against_the_official_dlls_in_that_folder_instead_of_the_stand_ins(string project, string[] sdkAssemblies)
        {
            var official = Evaluate(project, "net462", "/opt/official-sdk");

            foreach (var assembly in sdkAssemblies)
            {
                var reference = official.References.SingleOrDefault(r => r.Include == assembly);
                Assert.True(reference.Include != null, assembly + " is not referenced from XrmSdkPath");
                Assert.Equal(Path.Combine("/opt/official-sdk", assembly + ".dll"), reference.HintPath.Replace('\\', '/'));
                Assert.Equal("false", reference.Private);
            }

            Assert.DoesNotContain(official.ProjectReferences, p => p.Contains("Sdk"));
        }

        [Fact]
        public void Without_XrmSdkPath_net462_builds_against_the_stand_ins_without_copying_them()
        {
            var standIns = Evaluate("Plugins/LeadAlign.Plugins.csproj", "net462", null);

            Assert.Contains(standIns.ProjectReferences, p => p.EndsWith("Microsoft.Xrm.Sdk.csproj"));
            Assert.DoesNotContain(standIns.References, r => r.Include == "Microsoft.Xrm.Sdk");
            Assert.All(standIns.ProjectReferencePrivate, isPrivate => Assert.Equal("false", isPrivate));
        }

        [Fact]
        public void XrmSdkPath_leaves_the_net10_build_on_the_stand_ins()
        {
            var net10 = Evaluate("Plugins/LeadAlign.Plugins.csproj", "net10.0", "/opt/official-sdk");

            Assert.Contains(net10.ProjectReferences, p => p.EndsWith("Microsoft.Xrm.Sdk.csproj"));
        }

        private static Evaluation Evaluate(string project, string framework, string? xrmSdkPath)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepositoryLayout.RepoRoot,
            };
            foreach (var argument in new[] { "msbuild", RepositoryLayout.PathInRepo(project), "-p:TargetFramework=" + framework, "-getItem:Reference", "-getItem:ProjectReference", "-nologo" })
            {
                start.ArgumentList.Add(argument);
            }

            if (xrmSdkPath != null)
            {
                start.ArgumentList.Add("-p:XrmSdkPath=" + xrmSdkPath);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "msbuild evaluation failed: " + output + error);

            using var json = JsonDocument.Parse(output);
            var items = json.RootElement.GetProperty("Items");
            var references = items.TryGetProperty("Reference", out var r)
                ? r.EnumerateArray().Select(item => (
                    Include: item.GetProperty("Identity").GetString()!,
                    HintPath: item.TryGetProperty("HintPath", out var hint) ? hint.GetString()! : string.Empty,
                    Private: item.TryGetProperty("Private", out var isPrivate) ? isPrivate.GetString()! : string.Empty)).ToList()
                : new();
            var projectReferences = items.TryGetProperty("ProjectReference", out var p)
                ? p.EnumerateArray().Select(item => item.GetProperty("Identity").GetString()!.Replace('\\', '/')).ToList()
                : new();
            var projectReferencePrivate = items.TryGetProperty("ProjectReference", out var pp)
                ? pp.EnumerateArray().Select(item => item.TryGetProperty("Private", out var isPrivate) ? isPrivate.GetString()! : string.Empty).ToList()
                : new();
            return new Evaluation(references, projectReferences, projectReferencePrivate);
        }

        private sealed record Evaluation(
            System.Collections.Generic.List<(string Include, string HintPath, string Private)> References,
            System.Collections.Generic.List<string> ProjectReferences,
            System.Collections.Generic.List<string> ProjectReferencePrivate);
    }
}
