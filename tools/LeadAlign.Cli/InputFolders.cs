using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LeadAlign.Cli
{
    /// <summary>
    /// Where a command finds what it reads, in this order: the option (<c>--solution</c>), then the files that came with the
    /// tool (next to leadalign.dll: <c>solution/</c>, <c>schemas/</c>, <c>deployable/</c>, put there when the tool package is
    /// packed), then, for a development build run from the repository, the repository (the paths the build recorded in
    /// <see cref="BuildOutputs"/>). An installed tool (one that carries solution/) never reads the build machine's paths, even
    /// where they exist: <see cref="Repository"/> is null for it.
    /// </summary>
    internal static class InputFolders
    {
        public const string CarriedSolution = "solution";
        public const string CarriedSchemas = "schemas";
        public const string CarriedAssemblies = "deployable";
        public const string FromOption = "given with --solution";
        public const string FromTool = "carried with the tool";
        public const string FromRepository = "of the repository this build came from";
        private const string SchemaFile = "CustomizationsSolution.xsd";

        /// <summary>The folder leadalign.dll runs from (the tool's own files are beside it).</summary>
        public static string ToolFolder => AppContext.BaseDirectory;

        /// <summary>
        /// The repository a development build came from (recorded by the build); null for an installed tool (one that carries
        /// its solution folder), which never reads the build machine's paths, even where they exist.
        /// </summary>
        public static string? Repository => Directory.Exists(Path.Combine(ToolFolder, CarriedSolution)) ? null : BuildOutputs.RepoRoot;

        /// <summary>The solution folder: the one given, the one the tool carries, or Solution/ of the repository.</summary>
        public static Located Solution(string? given)
        {
            if (given != null)
            {
                return new Located(Path.GetFullPath(given), FromOption);
            }

            var carried = Path.Combine(ToolFolder, CarriedSolution);
            if (File.Exists(Path.Combine(carried, "Other", "Solution.xml")))
            {
                return new Located(carried, FromTool);
            }

            return Repository is string root
                ? new Located(Path.GetFullPath(Path.Combine(root, "Solution")), FromRepository)
                : throw new CommandFailure(ExitCode.Input, $"This leadalign carries no solution folder ({carried} does not hold Other/Solution.xml) and was not built from a repository: give the unpacked solution with --solution, or reinstall the tool.");
        }

        /// <summary>
        /// The XSD schemas 'pack' validates customizations.xml against: the tool's, the repository's build/schemas, or build/schemas
        /// beside the given solution folder (a checkout's Solution/). The folder is returned even when it lacks the schema: the
        /// command says so.
        /// </summary>
        public static Located Schemas(string solutionFolder)
        {
            var carried = Path.Combine(ToolFolder, CarriedSchemas);
            if (File.Exists(Path.Combine(carried, SchemaFile)))
            {
                return new Located(carried, FromTool);
            }

            if (Repository is string root && File.Exists(Path.Combine(root, "build", "schemas", SchemaFile)))
            {
                return new Located(Path.GetFullPath(Path.Combine(root, "build", "schemas")), FromRepository);
            }

            return new Located(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(solutionFolder)) ?? solutionFolder, "build", "schemas")), "beside the solution folder");
        }

        /// <summary>
        /// The deployable (net462) assemblies, <see cref="BuildOutputs.Deployable"/>: the tool's deployable/ when it has that
        /// folder, else the repository's build outputs. Fails naming every missing one and what to do.
        /// </summary>
        public static LocatedFiles Assemblies()
        {
            var carried = Path.Combine(ToolFolder, CarriedAssemblies);
            if (Directory.Exists(carried))
            {
                var paths = BuildOutputs.Deployable.Select(name => Path.Combine(carried, name + ".dll")).ToList();
                var lacking = paths.Where(path => !File.Exists(path)).ToList();
                return lacking.Count == 0
                    ? new LocatedFiles(paths, FromTool)
                    : throw new CommandFailure(ExitCode.Input, $"The tool's {string.Join(" and ", lacking)} {(lacking.Count == 1 ? "does" : "do")} not exist." + Environment.NewLine + "Reinstall leadalign (dotnet tool update), or pack it again from the repository.");
            }

            if (Repository == null)
            {
                throw new CommandFailure(ExitCode.Input, $"This leadalign carries no deployable assemblies ({carried} does not exist)." + Environment.NewLine + "Reinstall leadalign (dotnet tool update), or pack it again from the repository.");
            }

            var assemblies = new List<string>();
            var missing = new List<string>();
            foreach (var name in BuildOutputs.Deployable)
            {
                string path;
                try
                {
                    path = BuildOutputs.Net462(name);
                }
                catch (InvalidOperationException unrecorded)
                {
                    throw new CommandFailure(ExitCode.Input, unrecorded.Message, unrecorded);
                }

                if (File.Exists(path))
                {
                    assemblies.Add(path);
                }
                else
                {
                    missing.Add($"{name} ({path})");
                }
            }

            return missing.Count == 0
                ? new LocatedFiles(assemblies, FromRepository)
                : throw new CommandFailure(ExitCode.Input, $"The built assembl{(missing.Count == 1 ? "y" : "ies")} {string.Join(" and ", missing)} {(missing.Count == 1 ? "does" : "do")} not exist." + Environment.NewLine + "Build them with 'dotnet build LeadAlign.sln -c Release'.");
        }

        /// <summary>Whether the folder is the solution the tool carries (which its commands read but never rewrite).</summary>
        public static bool IsCarried(string folder) =>
            string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), Path.TrimEndingDirectorySeparator(Path.Combine(ToolFolder, CarriedSolution)), StringComparison.Ordinal);
    }
}
