using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LeadAlign.Dataverse.Registration;

namespace LeadAlign.Cli.CustomApis
{
    /// <summary>
    /// The solution's customapis folder, kept equal to the Custom API declarations: <see cref="Write"/> regenerates it,
    /// <see cref="Drift"/> says how it differs (the test that fails when a declaration and the files drift apart uses it).
    /// </summary>
    public static class CustomApiFiles
    {
        public const string FolderName = CustomApiDefinition.FolderName;

        /// <summary>Each difference between the declared Custom APIs and the files, as a sentence naming the file; empty when equal.</summary>
        public static IReadOnlyList<string> Drift(IReadOnlyList<CustomApiDefinition> declared, string solutionFolder)
        {
            var findings = new List<string>();
            var expected = Expected(declared);
            foreach (var (path, (api, text)) in expected)
            {
                var file = Path.Combine(solutionFolder, FolderName, path);
                if (!File.Exists(file))
                {
                    findings.Add($"{FolderName}/{path} is missing: '{api.UniqueName}' is declared on {api.PluginTypeName}.");
                    continue;
                }

                var written = File.ReadAllText(file).ReplaceLineEndings("\n");
                if (written != text)
                {
                    findings.Add($"{FolderName}/{path} differs from the declaration of '{api.UniqueName}' on {api.PluginTypeName}: {FirstDifference(written, text)}.");
                }
            }

            foreach (var path in Existing(solutionFolder).Where(path => !expected.ContainsKey(path)))
            {
                findings.Add($"{FolderName}/{path} is declared by no plug-in class: remove it, or declare it with [CustomApi] and its request and response classes.");
            }

            return findings;
        }

        /// <summary>
        /// Writes every file of the declared Custom APIs, and removes the files (and the folders left empty) of Custom APIs,
        /// parameters and properties no longer declared. Returns the files written.
        /// </summary>
        public static IReadOnlyList<string> Write(IReadOnlyList<CustomApiDefinition> declared, string solutionFolder)
        {
            var folder = Path.Combine(solutionFolder, FolderName);
            var expected = Expected(declared);
            foreach (var stale in Existing(solutionFolder).Where(path => !expected.ContainsKey(path)))
            {
                File.Delete(Path.Combine(folder, stale));
            }

            if (Directory.Exists(folder))
            {
                foreach (var directory in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).OrderByDescending(path => path.Length).ToList())
                {
                    if (!Directory.EnumerateFileSystemEntries(directory).Any())
                    {
                        Directory.Delete(directory);
                    }
                }
            }

            var written = new List<string>();
            foreach (var (path, (_, text)) in expected)
            {
                var file = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, text);
                written.Add(file);
            }

            return written;
        }

        /// <summary>Every file the declarations give, by its '/'-separated path under customapis/, with its API and text.</summary>
        private static SortedDictionary<string, (CustomApiDefinition Api, string Text)> Expected(IReadOnlyList<CustomApiDefinition> declared)
        {
            var expected = new SortedDictionary<string, (CustomApiDefinition, string)>(StringComparer.Ordinal);
            foreach (var api in declared)
            {
                foreach (var (path, text) in api.ToFiles())
                {
                    expected[path] = (api, text);
                }
            }

            return expected;
        }

        /// <summary>The XML files under customapis/, by '/'-separated path, in ordinal order.</summary>
        private static IEnumerable<string> Existing(string solutionFolder)
        {
            var folder = Path.Combine(solutionFolder, FolderName);
            return Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories)
                    .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
                    .OrderBy(path => path, StringComparer.Ordinal)
                    .ToList()
                : Enumerable.Empty<string>();
        }

        private static string FirstDifference(string written, string declared)
        {
            var writtenLines = written.Split('\n');
            var declaredLines = declared.Split('\n');
            for (var line = 0; line < Math.Max(writtenLines.Length, declaredLines.Length); line++)
            {
                var left = line < writtenLines.Length ? writtenLines[line] : null;
                var right = line < declaredLines.Length ? declaredLines[line] : null;
                if (left != right)
                {
                    return $"line {line + 1} is {Quoted(left)}, the declaration gives {Quoted(right)}";
                }
            }

            return "they differ in their line ends";
        }

        private static string Quoted(string? line) => line == null ? "missing" : "'" + line.Trim() + "'";
    }
}
