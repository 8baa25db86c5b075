using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;

namespace LeadAlign.Cli
{
    /// <summary>
    /// The unpacked solution folder a command reads, checked before the command starts: it exists, it holds the parts the
    /// command reads, and every XML file in it is well formed. Each problem fails with <see cref="ExitCode.Input"/> and a message
    /// naming the folder or file (with the line and position for XML), instead of a stack trace from deep inside a reader.
    /// </summary>
    internal static class SolutionInput
    {
        private static readonly string[] XmlPatterns = { "*.xml", "*.xaml" };
        private static readonly Regex LineSuffix = new(@"\s*Line \d+, position \d+\.\s*$", RegexOptions.CultureInvariant);

        /// <summary>The folder given with --solution, else the one the tool carries, else Solution/ of the repository (<see cref="InputFolders.Solution"/>).</summary>
        public static Located Resolve(string? given) => InputFolders.Solution(given);

        /// <summary>
        /// Resolves the folder and checks it: <c>Other/Solution.xml</c> and <c>Entities/</c> always, <c>Data/</c> (the default
        /// scoring model and agreement) when <paramref name="needsData"/>, and that every XML file in it is well formed.
        /// </summary>
        public static Located Open(string? given, bool needsData)
        {
            var located = Resolve(given);
            var folder = located.Path;
            if (!Directory.Exists(folder))
            {
                throw new CommandFailure(ExitCode.Input, File.Exists(folder)
                    ? $"The solution folder {folder} is a file: give the unpacked solution folder with --solution."
                    : $"The solution folder {folder} does not exist: give the unpacked solution with --solution.");
            }

            var missing = new List<string>();
            if (!File.Exists(Path.Combine(folder, "Other", "Solution.xml")))
            {
                missing.Add("Other/Solution.xml (the solution's manifest)");
            }

            if (!HasFiles(Path.Combine(folder, "Entities"), "Entity.xml"))
            {
                missing.Add("Entities/ (the tables)");
            }

            if (needsData && !HasFiles(Path.Combine(folder, "Data"), "*.xml"))
            {
                missing.Add("Data/ (the default scoring model and agreement)");
            }

            if (missing.Count > 0)
            {
                throw new CommandFailure(ExitCode.Input, $"The solution folder {folder} lacks {string.Join(" and ", missing)}."
                    + Environment.NewLine + "Give the whole unpacked solution with --solution, or restore what is missing from source control.");
            }

            var corrupt = XmlPatterns
                .SelectMany(pattern => Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories))
                .OrderBy(file => file, StringComparer.Ordinal)
                .Select(NotWellFormed)
                .OfType<string>()
                .ToList();
            if (corrupt.Count > 0)
            {
                throw new CommandFailure(ExitCode.Input, string.Join(Environment.NewLine, corrupt) + Environment.NewLine
                    + (corrupt.Count == 1
                        ? "Fix this file of the solution (or restore it from source control) and run the command again."
                        : $"Fix these {corrupt.Count} files of the solution (or restore them from source control) and run the command again."));
            }

            return located;
        }

        /// <summary>Why an XML file is not well formed, naming it with the line and position: <c>path: line 12, position 3: not well-formed XML: reason</c>.</summary>
        public static string Describe(string file, XmlException corrupt) =>
            $"{file}: line {corrupt.LineNumber}, position {corrupt.LinePosition}: not well-formed XML: {LineSuffix.Replace(corrupt.Message, string.Empty)}";

        /// <summary>The file named by an <see cref="XmlException"/> a reader threw, when the reader knew it.</summary>
        public static string? FileOf(XmlException corrupt) =>
            Uri.TryCreate(corrupt.SourceUri, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : null;

        private static bool HasFiles(string folder, string pattern) =>
            Directory.Exists(folder) && Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories).Any();

        private static string? NotWellFormed(string file)
        {
            try
            {
                using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
                while (reader.Read())
                {
                }

                return null;
            }
            catch (XmlException corrupt)
            {
                return Describe(file, corrupt);
            }
            catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
            {
                return $"{file}: cannot be read: {unreadable.Message}";
            }
        }
    }
}
