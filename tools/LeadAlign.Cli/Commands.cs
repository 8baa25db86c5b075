using System;
using System.IO;
using System.Linq;
using LeadAlign.Cli.CustomApis;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Plugins;

namespace LeadAlign.Cli
{
    internal static class Commands
    {
        public const int Success = 0;
        public const int Failure = 1;

        public static int PrintAssemblies(TextWriter output, TextWriter error)
        {
            var failed = false;
            foreach (var name in BuildOutputs.Deployable)
            {
                string path;
                try
                {
                    path = BuildOutputs.Net462(name);
                }
                catch (InvalidOperationException missing)
                {
                    error.WriteLine(missing.Message);
                    failed = true;
                    continue;
                }

                if (!File.Exists(path))
                {
                    error.WriteLine($"{name}: {path} does not exist. Build it with 'dotnet build LeadAlign.sln -c Release'.");
                    failed = true;
                    continue;
                }

                var report = AssemblyReport.Read(path);
                output.WriteLine(name);
                output.WriteLine($"  path:               {report.Path}");
                output.WriteLine($"  target framework:   {report.TargetFramework}");
                output.WriteLine($"  identity:           {report.Identity}");
                output.WriteLine($"  strong-name signed: {(report.StrongNameSigned ? "yes" : "NO")}");
                output.WriteLine("  binds to:");
                foreach (var reference in report.SdkReferences)
                {
                    output.WriteLine($"    {reference}");
                }

                if (!report.StrongNameSigned)
                {
                    error.WriteLine($"{name} is not strong-name signed: Dataverse will refuse to register it.");
                    failed = true;
                }
            }

            return failed ? Failure : Success;
        }
    
        /// <summary>The unpacked solution folder: the one given, or Solution/ of the repository this tool was built from.</summary>
        public static string SolutionFolder(string? given) =>
            given ?? Path.Combine(BuildOutputs.RepoRoot ?? throw new InvalidOperationException("The build recorded no repository root: give --solution."), "Solution");

        public static int Steps(string? solutionFolder, bool check, TextWriter output, TextWriter error)
        {
            var folder = SolutionFolder(solutionFolder);
            var declared = SolutionRegistration.Declared(folder);
            if (check)
            {
                var drift = StepFiles.Drift(declared, folder);
                foreach (var finding in drift)
                {
                    error.WriteLine(finding);
                }

                output.WriteLine(drift.Count == 0
                    ? $"{declared.Count} declared steps; {StepFiles.FolderName} matches them."
                    : $"{drift.Count} differences: run 'leadalign steps' to regenerate {StepFiles.FolderName}.");
                return drift.Count == 0 ? Success : Failure;
            }

            var written = StepFiles.Write(declared, folder);
            output.WriteLine($"Wrote {written.Count} step files to {Path.Combine(folder, StepFiles.FolderName)}.");
            return Success;
        }
    
        /// <summary>
        /// Writes the generated schema code (one class of table and column names per table, one enum per choice) from the solution
        /// folder, or with <paramref name="check"/> lists how the code differs from it and fails.
        /// </summary>
        public static int Schema(string? solutionFolder, string? codeFolder, bool check, TextWriter output, TextWriter error)
        {
            var folder = SolutionFolder(solutionFolder);
            if (!Directory.Exists(folder))
            {
                error.WriteLine($"The solution folder {folder} does not exist: give the unpacked solution with --solution.");
                return Failure;
            }

            var code = codeFolder ?? Path.GetFullPath(Path.Combine(BuildOutputs.RepoRoot ?? throw new InvalidOperationException("The build recorded no repository root: give --code."), SchemaCode.SchemaCodeFiles.RepositoryFolder));
            var shownAs = codeFolder == null ? SchemaCode.SchemaCodeFiles.RepositoryFolder : code;
            System.Collections.Generic.IReadOnlyList<SchemaCode.SchemaCodeFile> files;
            SchemaCode.SolutionSchema schema;
            try
            {
                schema = SchemaCode.SolutionSchema.Read(folder);
                files = SchemaCode.SchemaCodeWriter.Files(schema);
            }
            catch (Exception unreadable) when (unreadable is InvalidDataException or System.Xml.XmlException)
            {
                error.WriteLine(unreadable.Message);
                error.WriteLine(check ? "The schema code cannot be checked: fix the solution first." : "Nothing written.");
                return Failure;
            }

            var what = $"{schema.Tables.Count} tables and {schema.Choices.Count} choices";
            if (check)
            {
                var drift = SchemaCode.SchemaCodeFiles.Drift(files, code, shownAs);
                foreach (var finding in drift)
                {
                    error.WriteLine(finding);
                }

                output.WriteLine(drift.Count == 0
                    ? $"{what}; {shownAs} matches them."
                    : $"{drift.Count} differences: run 'leadalign schema' to regenerate {shownAs}.");
                return drift.Count == 0 ? Success : Failure;
            }

            try
            {
                SchemaCode.SchemaCodeFiles.Write(files, code);
            }
            catch (Exception unwritable) when (unwritable is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"{code}: {unwritable.Message}");
                return Failure;
            }

            output.WriteLine($"Wrote {files.Count} files ({what}) to {code}.");
            return Success;
        }

        /// <summary>
        /// Writes Solution/customapis from the [CustomApi] declarations on the plug-in classes and their request and response
        /// classes, or with <paramref name="check"/> lists how the folder differs and fails.
        /// </summary>
        public static int CustomApis(string? solutionFolder, bool check, TextWriter output, TextWriter error)
        {
            var folder = SolutionFolder(solutionFolder);
            System.Collections.Generic.IReadOnlyList<CustomApiDefinition> declared;
            try
            {
                declared = CustomApiDeclarations.FromAssembly(typeof(PluginBase).Assembly);
            }
            catch (InvalidOperationException refused)
            {
                error.WriteLine(refused.Message);
                return Failure;
            }

            if (check)
            {
                var drift = CustomApiFiles.Drift(declared, folder);
                foreach (var finding in drift)
                {
                    error.WriteLine(finding);
                }

                output.WriteLine(drift.Count == 0
                    ? $"{declared.Count} declared Custom APIs; {CustomApiFiles.FolderName} matches them."
                    : $"{drift.Count} differences: run 'leadalign customapis' to regenerate {CustomApiFiles.FolderName}.");
                return drift.Count == 0 ? Success : Failure;
            }

            var written = CustomApiFiles.Write(declared, folder);
            output.WriteLine($"Wrote {written.Count} files of {declared.Count} Custom APIs to {Path.Combine(folder, CustomApiFiles.FolderName)}.");
            return Success;
        }

        public static int Simulate(string? solutionFolder, int leads, int reps, int days, int seed, string? outputFolder, TextWriter output, TextWriter error)
        {
            var folder = SolutionFolder(solutionFolder);
            if (!Directory.Exists(folder))
            {
                error.WriteLine($"The solution folder {folder} does not exist: give the unpacked solution with --solution.");
                return Failure;
            }

            var options = new Simulation.SimulationOptions { Leads = leads, Reps = reps, Days = days, Seed = seed, SolutionFolder = folder, OutputFolder = outputFolder ?? Path.GetFullPath("simulation") };
            try
            {
                options.Check();
            }
            catch (ArgumentException invalid)
            {
                error.WriteLine(invalid.Message);
                return Failure;
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            output.WriteLine($"Simulating {options.Leads} leads, {options.Reps} reps, {options.Days} days (seed {options.Seed}) on the in-memory Dataverse...");
            var simulator = new Simulation.Simulator(options);
            simulator.Run((day, total, count) => output.WriteLine($"  day {day,3}/{total}: {count} leads"));
            var report = new Simulation.SimulationReport(simulator.Org, simulator.Reps);
            output.WriteLine();
            report.WriteText(output);
            Directory.CreateDirectory(options.OutputFolder);
            using (var text = new StreamWriter(Path.Combine(options.OutputFolder, "report.txt")))
            {
                report.WriteText(text);
            }

            File.WriteAllText(Path.Combine(options.OutputFolder, "report.html"), report.Html());
            var failed = simulator.Org.FailedAsyncJobs.Count;
            output.WriteLine();
            output.WriteLine($"Done in {clock.Elapsed.TotalSeconds:0.0} s ({options.Leads / Math.Max(0.001, clock.Elapsed.TotalSeconds):0} leads/s). Report: {Path.Combine(options.OutputFolder, "report.html")}");
            if (failed > 0)
            {
                error.WriteLine($"{failed} asynchronous jobs failed; the first: {simulator.Org.FailedAsyncJobs[0]}");
                return Failure;
            }

            return Success;
        }
    
        public static int Pack(string? solutionFolder, string? outputFolder, TextWriter output, TextWriter error)
        {
            var folder = SolutionFolder(solutionFolder);
            if (!Directory.Exists(folder))
            {
                error.WriteLine($"The solution folder {folder} does not exist: give the unpacked solution with --solution.");
                return Failure;
            }

            var assemblies = BuiltAssemblies(error);
            if (assemblies == null)
            {
                return Failure;
            }

            System.Collections.Generic.IReadOnlyList<string> findings;
            try
            {
                findings = new Packaging.SolutionValidator(folder, assemblies).Findings();
            }
            catch (Exception unreadable) when (unreadable is InvalidDataException or System.Xml.XmlException)
            {
                error.WriteLine(unreadable.Message);
                error.WriteLine("Nothing packed.");
                return Failure;
            }

            if (findings.Count > 0)
            {
                foreach (var finding in findings)
                {
                    error.WriteLine(finding);
                }

                error.WriteLine($"{findings.Count} findings: nothing packed. Fix them ('leadalign validate' lists them) and pack again.");
                return Failure;
            }

            var packer = new Packaging.SolutionPacker(folder, Path.Combine(BuildOutputs.RepoRoot ?? Path.GetDirectoryName(folder)!, "build", "schemas"));
            var target = outputFolder ?? Path.GetFullPath("out");
            try
            {
                foreach (var managed in new[] { true, false })
                {
                    output.WriteLine($"Packed {packer.Pack(managed, assemblies, target)}");
                }

                output.WriteLine($"Packed {packer.PackData(target)} (the default scoring model and agreement, for the Configuration Migration tool)");
            }
            catch (InvalidDataException refused)
            {
                error.WriteLine(refused.Message);
                return Failure;
            }

            return Success;
        }
    
        /// <summary>
        /// Writes the RootComponents of Other/Solution.xml from the solution's folders and the built assemblies, or with
        /// <paramref name="check"/> lists how they differ and fails.
        /// </summary>
        public static int Components(string? solutionFolder, bool check, TextWriter output, TextWriter error)
        {
            var folder = SolutionFolder(solutionFolder);
            if (!File.Exists(Path.Combine(folder, Packaging.RootComponentsFile.RelativePath)))
            {
                error.WriteLine($"{Path.Combine(folder, Packaging.RootComponentsFile.RelativePath)} does not exist: give the unpacked solution with --solution.");
                return Failure;
            }

            var assemblies = BuiltAssemblies(error);
            if (assemblies == null)
            {
                return Failure;
            }

            try
            {
                var components = Packaging.SolutionComponents.FromFolder(folder, assemblies);
                if (check)
                {
                    var drift = Packaging.RootComponentsFile.Differences(folder, components, compareAssemblies: true);
                    foreach (var finding in drift)
                    {
                        error.WriteLine(finding);
                    }

                    output.WriteLine(drift.Count == 0
                        ? $"{components.Count} root components; {Packaging.RootComponentsFile.RelativePath} lists them."
                        : $"{drift.Count} differences: run 'leadalign components' to rewrite the RootComponents of {Packaging.RootComponentsFile.RelativePath}.");
                    return drift.Count == 0 ? Success : Failure;
                }

                Packaging.RootComponentsFile.Write(folder, components);
                output.WriteLine($"Wrote {components.Count} root components to {Path.Combine(folder, Packaging.RootComponentsFile.RelativePath)}.");
                return Success;
            }
            catch (InvalidDataException unreadable)
            {
                error.WriteLine(unreadable.Message);
                return Failure;
            }
        }

        /// <summary>The built net462 assemblies, or null (having said which one is missing and how to build it).</summary>
        private static System.Collections.Generic.List<string>? BuiltAssemblies(TextWriter error)
        {
            var assemblies = new System.Collections.Generic.List<string>();
            foreach (var name in BuildOutputs.Deployable)
            {
                var path = BuildOutputs.Net462(name);
                if (!File.Exists(path))
                {
                    error.WriteLine($"{name}: {path} does not exist. Build it with 'dotnet build LeadAlign.sln -c Release'.");
                    return null;
                }

                assemblies.Add(path);
            }

            return assemblies;
        }

        public static int Validate(string? solutionFolder, TextWriter output, TextWriter error)
        {
            var folder = SolutionFolder(solutionFolder);
            if (!Directory.Exists(folder))
            {
                error.WriteLine($"The solution folder {folder} does not exist: give the unpacked solution with --solution.");
                return Failure;
            }

            var findings = new Packaging.SolutionValidator(folder, BuildOutputs.Deployable.Select(BuildOutputs.Net462)).Findings();
            foreach (var finding in findings)
            {
                error.WriteLine(finding);
            }

            output.WriteLine(findings.Count == 0 ? $"{folder}: no findings." : $"{findings.Count} findings.");
            return findings.Count == 0 ? Success : Failure;
        }
    }
}
