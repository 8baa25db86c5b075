using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Cli
{
    /// <summary>
    /// leadalign as a .NET tool: packed from tools/LeadAlign.Cli (dotnet pack, from the build the test run already made),
    /// installed with 'dotnet tool install --tool-path' from that package alone (a NuGet config of its own, a package cache of
    /// its own, so no stale or published package stands in), then run from an empty folder with a HOME and PATH that lead
    /// nowhere near the repository. The tool must read what it carries (solution/, schemas/, deployable/) and say so.
    /// Tool package and install options as Microsoft Learn gives them: "Tutorial: Create a .NET tool using the .NET CLI"
    /// (https://learn.microsoft.com/dotnet/core/tools/global-tools-how-to-create: PackAsTool, ToolCommandName, PackageOutputPath)
    /// and "dotnet tool install" (https://learn.microsoft.com/dotnet/core/tools/dotnet-tool-install: --tool-path, --add-source,
    /// --configfile, --version); the package's tools/net10.0/any/ folder with DotnetToolSettings.xml is what the SDK's pack writes.
    /// </summary>
    public sealed class ToolInstallTests : IClassFixture<ToolInstallTests.InstalledTool>
    {
        private const string Carried = "(carried with the tool)";
        private readonly InstalledTool _tool;

        public ToolInstallTests(InstalledTool tool)
        {
            _tool = tool;
        }

        [Fact]
        public void The_package_carries_the_solution_the_schemas_and_the_net462_assemblies_and_no_sdk_stand_in()
        {
            using var package = ZipFile.OpenRead(_tool.Package);
            var entries = package.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.Ordinal);
            const string tool = "tools/net10.0/any/";

            Assert.Contains(tool + "leadalign.dll", entries);
            Assert.Contains(tool + "DotnetToolSettings.xml", entries);
            Assert.Contains(tool + "solution/Other/Solution.xml", entries);
            Assert.Contains(tool + "solution/WebResources/la_alignmentreport.html", entries);
            Assert.Contains(tool + "schemas/CustomizationsSolution.xsd", entries);
            Assert.Contains(tool + "schemas/FormXml.xsd", entries);
            Assert.Contains(tool + "schemas/Fetch.xsd", entries); // CustomizationsSolution.xsd includes it by this name
            Assert.Equal(new[] { tool + "deployable/LeadAlign.Plugins.dll", tool + "deployable/LeadAlign.WorkflowActivities.dll" },
                entries.Where(entry => entry.StartsWith(tool + "deployable/", StringComparison.Ordinal)).OrderBy(entry => entry, StringComparer.Ordinal));
            var shipped = Directory.EnumerateFiles(RepositoryLayout.PathInRepo("Solution"), "*", SearchOption.AllDirectories)
                .Select(file => tool + "solution/" + Path.GetRelativePath(RepositoryLayout.PathInRepo("Solution"), file).Replace('\\', '/'));
            var missing = shipped.Where(file => !entries.Contains(file)).ToList();
            Assert.True(missing.Count == 0, "The package lacks files of Solution/: " + string.Join(", ", missing));

            var settings = XDocument.Load(package.GetEntry(tool + "DotnetToolSettings.xml")!.Open());
            Assert.Equal("leadalign", (string?)settings.Descendants("Command").Single().Attribute("Name"));
        }

        [Fact]
        public void Simulate_from_an_empty_folder_reads_the_solution_the_tool_carries_and_writes_the_report_there()
        {
            var run = _tool.Run("simulate", "--leads", "200", "--days", "10");

            Assert.True(run.Exit == 0, run.ToString());
            var uses = run.Lines[0];
            Assert.Equal($"Solution: {Path.Combine(_tool.Home, "solution")} {Carried}.", uses);
            Assert.DoesNotContain(RepositoryLayout.RepoRoot.TrimEnd('/'), run.Output, StringComparison.Ordinal);
            Assert.Contains("Alignment report: Sales and marketing agreement, 2026-01-05 to 2026-01-15 (exclusive), 200 leads", run.Output, StringComparison.Ordinal);
            var reports = Path.Combine(run.Folder, "simulation");
            foreach (var name in new[] { "report.txt", "report.csv", "report.json", "report.html" })
            {
                Assert.True(new FileInfo(Path.Combine(reports, name)).Length > 0, name + " was not written to ./simulation");
            }

            Assert.StartsWith("Alignment report:", File.ReadAllText(Path.Combine(reports, "report.txt")), StringComparison.Ordinal);
        }

        [Fact]
        public void Validate_and_pack_from_an_empty_folder_use_the_carried_solution_schemas_and_assemblies()
        {
            var validate = _tool.Run("validate");
            var pack = _tool.Run("pack", "--output", "zips");

            var assemblies = $"LeadAlign.Plugins.dll, LeadAlign.WorkflowActivities.dll in {Path.Combine(_tool.Home, "deployable")} {Carried}";
            Assert.True(validate.Exit == 0, validate.ToString());
            Assert.Equal($"Solution: {Path.Combine(_tool.Home, "solution")} {Carried}; assemblies: {assemblies}.", validate.Lines[0]);
            Assert.Equal($"{Path.Combine(_tool.Home, "solution")}: no findings.", validate.Lines[^1]);
            Assert.True(pack.Exit == 0, pack.ToString());
            Assert.Equal($"Solution: {Path.Combine(_tool.Home, "solution")} {Carried}; schemas: {Path.Combine(_tool.Home, "schemas")} {Carried}; assemblies: {assemblies}.", pack.Lines[0]);

            var zip = Path.Combine(pack.Folder, "zips", "LeadAlign_" + _tool.Version.Replace('.', '_') + "_managed.zip");
            using var solution = ZipFile.OpenRead(zip);
            var dlls = solution.Entries.Where(entry => entry.FullName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal(new[] { "LeadAlignPlugins.dll", "LeadAlignWorkflowActivities.dll" }, dlls.Select(entry => entry.Name).OrderBy(name => name, StringComparer.Ordinal));
            Assert.All(dlls, entry => Assert.StartsWith("PluginAssemblies/", entry.FullName, StringComparison.Ordinal));
            using var packed = new MemoryStream();
            using (var content = dlls.Single(entry => entry.Name == "LeadAlignPlugins.dll").Open())
            {
                content.CopyTo(packed);
            }

            Assert.Equal(File.ReadAllBytes(Path.Combine(_tool.Home, "deployable", "LeadAlign.Plugins.dll")), packed.ToArray());
        }

        [Fact]
        public void The_carried_assemblies_are_the_signed_net462_builds_the_carried_solution_is_never_rewritten_and_the_repository_is_not_read()
        {
            var assemblies = _tool.Run("assemblies");
            var steps = _tool.Run("steps");
            var schema = _tool.Run("schema", "--check");

            Assert.True(assemblies.Exit == 0, assemblies.ToString());
            Assert.Contains($"  path:               {Path.Combine(_tool.Home, "deployable", "LeadAlign.Plugins.dll")}", assemblies.Lines);
            Assert.Contains($"  path:               {Path.Combine(_tool.Home, "deployable", "LeadAlign.WorkflowActivities.dll")}", assemblies.Lines);
            Assert.Equal(2, assemblies.Lines.Count(line => line == "  target framework:   .NETFramework,Version=v4.6.2"));
            Assert.Equal(2, assemblies.Lines.Count(line => line == "  strong-name signed: yes"));
            Assert.Equal(4, steps.Exit);
            Assert.Equal(
                new[]
                {
                    $"{Path.Combine(_tool.Home, "solution")} is the solution carried with the tool: leadalign reads it but never rewrites it.",
                    "Give the unpacked solution you work on (a checkout's Solution/) with --solution.",
                },
                steps.ErrorLines);
            Assert.Equal(3, schema.Exit); // the repository this tool was packed from is not where an installed tool looks
            Assert.Equal("This leadalign is an installed tool, not a build of a repository, so it has no default code folder: give it with --code.", schema.ErrorLines[0]);
        }

        [Fact]
        public void A_solution_given_with_the_option_comes_before_the_carried_one()
        {
            using var copy = new SolutionCopy();
            copy.Break(Path.Combine("Entities", "Lead", "FormXml", "main", "{952aedb5-1f47-5d33-93d2-370496313d96}.xml"), "datafieldname=\"la_recyclereason\"", "datafieldname=\"la_recycle\"");

            var validate = _tool.Run("validate", "--solution", copy.Folder);

            Assert.Equal(5, validate.Exit);
            Assert.StartsWith($"Solution: {copy.Folder} (given with --solution); assemblies: ", validate.Lines[0], StringComparison.Ordinal);
            Assert.Contains("the column lead.la_recycle does not exist.", validate.Error, StringComparison.Ordinal);
        }

        /// <summary>One run of the installed command: its exit code, standard output and error, and the folder it ran in.</summary>
        public sealed record ToolRun(int Exit, string Output, string Error, string Folder)
        {
            public string[] Lines => Split(Output);

            public string[] ErrorLines => Split(Error);

            public override string ToString() => $"exit {Exit}{Environment.NewLine}{Output}{Environment.NewLine}{Error}";

            private static string[] Split(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();
        }

        /// <summary>The tool packed once and installed into a temporary tool path for the class's tests; removed afterwards.</summary>
        public sealed class InstalledTool : IDisposable
        {
            private readonly string _root;
            private readonly List<string> _runs = new();

            public InstalledTool()
            {
                _root = Directory.CreateTempSubdirectory("leadalign-tool-").FullName;
                var packages = Directory.CreateDirectory(Path.Combine(_root, "package")).FullName;
                var toolPath = Path.Combine(_root, "tools");
                Version = (string)XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Other", "Solution.xml")).Descendants("Version").Single();
                var configuration = typeof(InstalledTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

                // Packs what this test run built (the tool and its net462 assemblies): no restore, no second build.
                Dotnet(RepositoryLayout.RepoRoot, null, "pack", RepositoryLayout.PathInRepo("tools", "LeadAlign.Cli", "LeadAlign.Cli.csproj"), "-c", configuration, "--no-build", "-o", packages, "-nologo");
                Package = Directory.GetFiles(packages, "leadalign.*.nupkg").Single();

                // Only the package folder as a source, and a package cache of its own: nothing stale, nothing from a feed.
                var config = Path.Combine(_root, "nuget.config");
                File.WriteAllText(config, new XDocument(new XElement("configuration",
                    new XElement("packageSources", new XElement("clear"), new XElement("add", new XAttribute("key", "leadalign"), new XAttribute("value", packages))))).ToString());
                Dotnet(_root, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "nuget-cache") },
                    "tool", "install", "leadalign", "--tool-path", toolPath, "--add-source", packages, "--configfile", config, "--version", Version);
                Command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "leadalign.exe" : "leadalign");
                Home = Path.GetDirectoryName(Directory.GetFiles(Path.Combine(toolPath, ".store"), "leadalign.dll", SearchOption.AllDirectories).Single())!;
            }

            public string Package { get; }

            public string Version { get; }

            public string Command { get; }

            /// <summary>The folder of the installed leadalign.dll (what the tool carries is beside it).</summary>
            public string Home { get; }

            /// <summary>Runs the installed command in a new empty folder, with a HOME there and a PATH of only the system folders.</summary>
            public ToolRun Run(params string[] args)
            {
                var folder = Directory.CreateTempSubdirectory("leadalign-empty-").FullName;
                lock (_runs)
                {
                    _runs.Add(folder);
                }

                var start = new ProcessStartInfo(Command) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in args)
                {
                    start.ArgumentList.Add(argument);
                }

                start.Environment["HOME"] = folder;
                start.Environment["DOTNET_CLI_HOME"] = folder;
                start.Environment["PATH"] = "/usr/bin:/bin";
                start.Environment["DOTNET_ROOT"] = DotnetRoot;
                start.Environment["DOTNET_NOLOGO"] = "1";
                using var process = Process.Start(start)!;
                var error = process.StandardError.ReadToEndAsync();
                var output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                return new ToolRun(process.ExitCode, output, error.Result, folder);
            }

            public void Dispose()
            {
                foreach (var folder in _runs.Append(_root))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            /// <summary>The .NET install this test runs on (the shared runtime's folder is shared/Microsoft.NETCore.App/&lt;version&gt; under it).</summary>
            private static string DotnetRoot => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

            private static void Dotnet(string folder, IReadOnlyDictionary<string, string>? environment, params string[] args)
            {
                var start = new ProcessStartInfo(Path.Combine(DotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet")) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in args)
                {
                    start.ArgumentList.Add(argument);
                }

                foreach (var (name, value) in environment ?? new Dictionary<string, string>())
                {
                    start.Environment[name] = value;
                }

                start.Environment["DOTNET_NOLOGO"] = "1";
                start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
                using var process = Process.Start(start)!;
                var error = process.StandardError.ReadToEndAsync();
                var output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"dotnet {string.Join(" ", args)} exited {process.ExitCode}:{Environment.NewLine}{output}{error.Result}");
                }
            }
        }
    }
}
