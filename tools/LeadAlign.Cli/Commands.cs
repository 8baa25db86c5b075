using System;
using System.Collections.Generic;
using System.IO;
using LeadAlign.Cli.CustomApis;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Plugins;

namespace LeadAlign.Cli
{
    /// <summary>
    /// The commands of <c>leadalign</c>. Each checks, in this order, its option values (<see cref="ExitCode.Usage"/>), its inputs
    /// (<see cref="SolutionInput"/>, the built assemblies: <see cref="ExitCode.Input"/>) and where it writes
    /// (<see cref="OutputTarget"/>: <see cref="ExitCode.Output"/>) before doing any work; a finding or drift returns
    /// <see cref="ExitCode.Validation"/>. Failures are <see cref="CommandFailure"/>s: <see cref="Program.Run"/> prints them.
    /// </summary>
    internal static class Commands
    {
        private const int Success = (int)ExitCode.Ok;
        private const int Invalid = (int)ExitCode.Validation;
        private const string SolutionWriteAdvice = "Give an unpacked solution folder you can write to with --solution.";
        private const string OutputWriteAdvice = "Give a folder you can write to with --output.";

        public static int PrintAssemblies(TextWriter output, TextWriter error)
        {
            var unsigned = new List<string>();
            foreach (var path in InputFolders.Assemblies().Paths)
            {
                AssemblyReport report;
                try
                {
                    report = AssemblyReport.Read(path);
                }
                catch (BadImageFormatException corrupt)
                {
                    throw new CommandFailure(ExitCode.Input, $"{path} is not a .NET assembly ({corrupt.Message}): rebuild it with 'dotnet build LeadAlign.sln -c Release'.", corrupt);
                }

                output.WriteLine(Path.GetFileNameWithoutExtension(path));
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
                    unsigned.Add(Path.GetFileNameWithoutExtension(path));
                }
            }

            foreach (var name in unsigned)
            {
                error.WriteLine($"{name} is not strong-name signed: Dataverse will refuse to register it. Build it with 'dotnet build LeadAlign.sln -c Release', which signs it with keys/LeadAlign.snk.");
            }

            return unsigned.Count == 0 ? Success : Invalid;
        }

        public static int Steps(string? solutionFolder, bool check, TextWriter output, TextWriter error)
        {
            var solution = SolutionInput.Open(solutionFolder, needsData: true);
            var folder = solution.Path;
            var target = Path.Combine(folder, StepFiles.FolderName);
            if (!check)
            {
                RefuseToRewrite(solution);
                OutputTarget.CheckFolder(target, SolutionWriteAdvice);
            }

            Uses(output, solution);
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
                return drift.Count == 0 ? Success : Invalid;
            }

            var written = OutputTarget.Writing(target, SolutionWriteAdvice, () => StepFiles.Write(declared, folder));
            output.WriteLine($"Wrote {written.Count} step files to {target}.");
            return Success;
        }

        /// <summary>
        /// Writes the generated schema code (one class of table and column names per table, one enum per choice) from the solution
        /// folder, or with <paramref name="check"/> lists how the code differs from it and fails.
        /// </summary>
        public static int Schema(string? solutionFolder, string? codeFolder, bool check, TextWriter output, TextWriter error)
        {
            var solution = SolutionInput.Open(solutionFolder, needsData: false);
            var folder = solution.Path;
            var code = Path.GetFullPath(codeFolder ?? Path.Combine(
                InputFolders.Repository ?? throw new CommandFailure(ExitCode.Input, "This leadalign is an installed tool, not a build of a repository, so it has no default code folder: give it with --code."),
                SchemaCode.SchemaCodeFiles.RepositoryFolder));
            var shownAs = codeFolder == null ? SchemaCode.SchemaCodeFiles.RepositoryFolder : code;
            if (!check)
            {
                OutputTarget.CheckFolder(code, "Give a folder you can write to with --code.");
            }

            Uses(output, solution);
            IReadOnlyList<SchemaCode.SchemaCodeFile> files;
            SchemaCode.SolutionSchema schema;
            try
            {
                schema = SchemaCode.SolutionSchema.Read(folder);
                files = SchemaCode.SchemaCodeWriter.Files(schema);
            }
            catch (InvalidDataException invalid)
            {
                throw new CommandFailure(ExitCode.Validation, invalid.Message + Environment.NewLine + (check ? "The schema code cannot be checked: fix the solution first." : "Nothing written."), invalid);
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
                return drift.Count == 0 ? Success : Invalid;
            }

            OutputTarget.Writing(code, "Give a folder you can write to with --code.", () => SchemaCode.SchemaCodeFiles.Write(files, code));
            output.WriteLine($"Wrote {files.Count} files ({what}) to {code}.");
            return Success;
        }

        /// <summary>
        /// Writes Solution/customapis from the [CustomApi] declarations on the plug-in classes and their request and response
        /// classes, or with <paramref name="check"/> lists how the folder differs and fails.
        /// </summary>
        public static int CustomApis(string? solutionFolder, bool check, TextWriter output, TextWriter error)
        {
            var solution = SolutionInput.Open(solutionFolder, needsData: false);
            var folder = solution.Path;
            var target = Path.Combine(folder, CustomApiFiles.FolderName);
            if (!check)
            {
                RefuseToRewrite(solution);
                OutputTarget.CheckFolder(target, SolutionWriteAdvice);
            }

            Uses(output, solution);

            IReadOnlyList<CustomApiDefinition> declared;
            try
            {
                declared = CustomApiDeclarations.FromAssembly(typeof(PluginBase).Assembly);
            }
            catch (InvalidOperationException refused)
            {
                throw new CommandFailure(ExitCode.Validation, refused.Message, refused);
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
                return drift.Count == 0 ? Success : Invalid;
            }

            var written = OutputTarget.Writing(target, SolutionWriteAdvice, () => CustomApiFiles.Write(declared, folder));
            output.WriteLine($"Wrote {written.Count} files of {declared.Count} Custom APIs to {target}.");
            return Success;
        }

        /// <summary>
        /// Runs the simulated month and writes its report (report.txt, .csv, .json, .html, and proposal.json when one was fitted);
        /// with <paramref name="compare"/> (one <see cref="Simulation.Compare.SimulationChange"/>), runs the same seeded month again
        /// with that change and prints and writes (report-compare.txt, .csv, .json) both side by side; report.* stay the shipped month's.
        /// </summary>
        public static int Simulate(string? solutionFolder, int leads, int reps, int days, int seed, string? outputFolder, string? compare, TextWriter output, TextWriter error)
        {
            var options = new Simulation.SimulationOptions
            {
                Leads = leads,
                Reps = reps,
                Days = days,
                Seed = seed,
                SolutionFolder = SolutionInput.Resolve(solutionFolder).Path,
                OutputFolder = Path.GetFullPath(outputFolder ?? "simulation"),
            };
            Simulation.Compare.SimulationChange? change;
            try
            {
                options.Check();
                change = compare == null ? null : Simulation.Compare.SimulationChange.Parse(compare);
            }
            catch (ArgumentException invalid)
            {
                throw new CommandFailure(ExitCode.Usage, invalid.Message, invalid);
            }

            var solution = SolutionInput.Open(solutionFolder, needsData: true);
            if (!File.Exists(Path.Combine(options.SolutionFolder, Simulation.SimulationReport.PagePath)))
            {
                throw new CommandFailure(ExitCode.Input, $"The solution folder {options.SolutionFolder} has no {Simulation.SimulationReport.PagePath}: the report page is the solution's own web resource." + Environment.NewLine + "Give the unpacked LeadAlign solution with --solution, or restore the file from source control.");
            }

            var reportText = Path.Combine(options.OutputFolder, "report.txt");
            var reportHtml = Path.Combine(options.OutputFolder, "report.html");
            var reportCsv = Path.Combine(options.OutputFolder, "report.csv");
            var reportJson = Path.Combine(options.OutputFolder, "report.json");
            var proposalJson = Path.Combine(options.OutputFolder, "proposal.json");
            var compareText = Path.Combine(options.OutputFolder, "report-compare.txt");
            var compareCsv = Path.Combine(options.OutputFolder, "report-compare.csv");
            var compareJson = Path.Combine(options.OutputFolder, "report-compare.json");
            var files = new List<string> { reportText, reportHtml, reportCsv, reportJson, proposalJson };
            if (change != null)
            {
                files.AddRange(new[] { compareText, compareCsv, compareJson });
            }

            OutputTarget.CheckFolder(options.OutputFolder, OutputWriteAdvice, files.ConvertAll(file => Path.GetFileName(file)).ToArray());

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var progress = Progress.ProgressDisplay.For(output, error);

            // Said where the progress goes (beside the bar on the error stream), so `leadalign simulate > month.txt` keeps only the report.
            progress.Say(UsesLine(solution));
            var (simulator, report) = SimulateMonth(options, change == null ? null : "as shipped", progress);
            if (change == null)
            {
                output.WriteLine();
                report.WriteText(output);
            }

            OutputTarget.Writing(options.OutputFolder, OutputWriteAdvice, () =>
            {
                Directory.CreateDirectory(options.OutputFolder);
                using (var text = new StreamWriter(reportText))
                {
                    report.WriteText(text);
                }

                using (var csv = new StreamWriter(reportCsv))
                {
                    report.WriteCsv(csv);
                }

                File.WriteAllText(reportJson, report.Json());
                if (report.ProposalIndented() is string proposal)
                {
                    File.WriteAllText(proposalJson, proposal);
                }
                else if (File.Exists(proposalJson))
                {
                    File.Delete(proposalJson);
                }
                File.WriteAllText(reportHtml, report.Html());
            });
            var failed = new List<string>(simulator.Org.FailedAsyncJobs);
            var simulated = options.Leads;
            if (change != null)
            {
                var (changedSimulator, changedReport) = SimulateMonth(change.ApplyTo(options), "with " + change.Text, progress);
                var comparison = new Simulation.Compare.ComparisonReport(change, options, report.ReportJson, changedReport.ReportJson);
                output.WriteLine();
                comparison.WriteText(output);
                OutputTarget.Writing(options.OutputFolder, OutputWriteAdvice, () =>
                {
                    using (var text = new StreamWriter(compareText))
                    {
                        comparison.WriteText(text);
                    }

                    using (var csv = new StreamWriter(compareCsv))
                    {
                        comparison.WriteCsv(csv);
                    }

                    File.WriteAllText(compareJson, comparison.Json());
                });
                failed.AddRange(changedSimulator.Org.FailedAsyncJobs);
                simulated += options.Leads;
            }

            output.WriteLine();
            output.WriteLine($"Done in {clock.Elapsed.TotalSeconds:0.0} s ({simulated / Math.Max(0.001, clock.Elapsed.TotalSeconds):0} leads/s). Report: {(change == null ? reportHtml : compareText + " (the shipped month's: " + reportHtml + ")")}");
            if (failed.Count > 0)
            {
                error.WriteLine($"{failed.Count} asynchronous jobs failed; the first: {failed[0]}");
                return (int)ExitCode.Unexpected;
            }

            return Success;
        }

        /// <summary>One simulated month, shown by <paramref name="progress"/>, and its report.</summary>
        private static (Simulation.Simulator Simulator, Simulation.SimulationReport Report) SimulateMonth(Simulation.SimulationOptions options, string? label, Progress.ISimulationProgress progress)
        {
            var simulator = new Simulation.Simulator(options);
            progress.Month(options, label, simulator.Run);
            var report = progress.Step("Asking la_GetAlignmentReport and la_ProposeScoringModel for the month...", () => new Simulation.SimulationReport(simulator, options.SolutionFolder));
            return (simulator, report);
        }

        public static int Pack(string? solutionFolder, string? outputFolder, TextWriter output, TextWriter error)
        {
            var solution = SolutionInput.Open(solutionFolder, needsData: true);
            var folder = solution.Path;
            var located = InputFolders.Assemblies();
            var assemblies = new List<string>(located.Paths);
            var schemaFolder = InputFolders.Schemas(folder);
            var schemas = schemaFolder.Path;
            if (!File.Exists(Path.Combine(schemas, "CustomizationsSolution.xsd")))
            {
                throw new CommandFailure(ExitCode.Input, $"{Path.Combine(schemas, "CustomizationsSolution.xsd")} does not exist: pack validates customizations.xml against it. Restore build/schemas from source control, or reinstall leadalign.");
            }

            var packer = new Packaging.SolutionPacker(folder, schemas);
            var target = Path.GetFullPath(outputFolder ?? "out");
            OutputTarget.CheckFolder(target, OutputWriteAdvice, packer.FileName(managed: true), packer.FileName(managed: false), packer.DataFileName);
            Uses(output, solution, schemaFolder, located);

            IReadOnlyList<string> findings;
            try
            {
                findings = new Packaging.SolutionValidator(folder, assemblies).Findings();
            }
            catch (InvalidDataException invalid)
            {
                throw new CommandFailure(ExitCode.Validation, invalid.Message + Environment.NewLine + "Nothing packed.", invalid);
            }

            if (findings.Count > 0)
            {
                foreach (var finding in findings)
                {
                    error.WriteLine(finding);
                }

                error.WriteLine($"{findings.Count} findings: nothing packed. Fix them ('leadalign validate' lists them) and pack again.");
                return Invalid;
            }

            try
            {
                foreach (var managed in new[] { true, false })
                {
                    output.WriteLine($"Packed {OutputTarget.Writing(target, OutputWriteAdvice, () => packer.Pack(managed, assemblies, target))}");
                }

                output.WriteLine($"Packed {OutputTarget.Writing(target, OutputWriteAdvice, () => packer.PackData(target))} (the default scoring model and agreement, for the Configuration Migration tool)");
            }
            catch (InvalidDataException refused)
            {
                throw new CommandFailure(ExitCode.Validation, refused.Message, refused);
            }

            return Success;
        }

        /// <summary>
        /// Writes the RootComponents of Other/Solution.xml from the solution's folders and the built assemblies, or with
        /// <paramref name="check"/> lists how they differ and fails.
        /// </summary>
        public static int Components(string? solutionFolder, bool check, TextWriter output, TextWriter error)
        {
            var solution = SolutionInput.Open(solutionFolder, needsData: false);
            var folder = solution.Path;
            var manifest = Path.Combine(folder, Packaging.RootComponentsFile.RelativePath);
            var located = InputFolders.Assemblies();
            var assemblies = new List<string>(located.Paths);
            if (!check)
            {
                RefuseToRewrite(solution);
                OutputTarget.CheckFile(manifest, SolutionWriteAdvice);
            }

            Uses(output, solution, assemblies: located);

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
                    return drift.Count == 0 ? Success : Invalid;
                }

                OutputTarget.Writing(manifest, SolutionWriteAdvice, () => Packaging.RootComponentsFile.Write(folder, components));
                output.WriteLine($"Wrote {components.Count} root components to {manifest}.");
                return Success;
            }
            catch (InvalidDataException invalid)
            {
                throw new CommandFailure(ExitCode.Validation, invalid.Message, invalid);
            }
        }

        public static int Validate(string? solutionFolder, TextWriter output, TextWriter error)
        {
            var solution = SolutionInput.Open(solutionFolder, needsData: true);
            var folder = solution.Path;
            var located = InputFolders.Assemblies();
            Uses(output, solution, assemblies: located);
            IReadOnlyList<string> findings;
            try
            {
                findings = new Packaging.SolutionValidator(folder, new List<string>(located.Paths)).Findings();
            }
            catch (InvalidDataException invalid)
            {
                throw new CommandFailure(ExitCode.Validation, invalid.Message, invalid);
            }

            foreach (var finding in findings)
            {
                error.WriteLine(finding);
            }

            output.WriteLine(findings.Count == 0 ? $"{folder}: no findings." : $"{findings.Count} findings.");
            return findings.Count == 0 ? Success : Invalid;
        }

        /// <summary>The one line that says what a command reads: <c>Solution: folder (where from); schemas: ...; assemblies: ...</c>.</summary>
        private static void Uses(TextWriter output, Located solution, Located? schemas = null, LocatedFiles? assemblies = null) =>
            output.WriteLine(UsesLine(solution, schemas, assemblies));

        private static string UsesLine(Located solution, Located? schemas = null, LocatedFiles? assemblies = null) =>
            $"Solution: {solution}" + (schemas == null ? string.Empty : $"; schemas: {schemas}") + (assemblies == null ? string.Empty : $"; assemblies: {assemblies}") + ".";

        /// <summary>The solution the tool carries is read, never rewritten (a reinstall would undo it, and it is not the user's source).</summary>
        private static void RefuseToRewrite(Located solution)
        {
            if (InputFolders.IsCarried(solution.Path))
            {
                throw new CommandFailure(ExitCode.Output, $"{solution.Path} is the solution carried with the tool: leadalign reads it but never rewrites it." + Environment.NewLine + "Give the unpacked solution you work on (a checkout's Solution/) with --solution.");
            }
        }
    }
}
