using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace LeadAlign.Cli.SchemaCode
{
    /// <summary>
    /// The folder of generated schema code (Shared/Schema/Generated), kept equal to the solution: <see cref="Write"/> regenerates
    /// it, <see cref="Drift"/> says how it differs (<c>leadalign schema --check</c> and the test that keeps them together use it).
    /// </summary>
    public static class SchemaCodeFiles
    {
        /// <summary>Where the generated schema code lives in the repository (and where <c>leadalign schema</c> writes by default).</summary>
        public const string RepositoryFolder = "Shared/Schema/Generated";

        public const string Pattern = "*.g.cs";

        /// <summary>Each difference between the expected files and the folder, as a sentence naming the file; empty when equal.</summary>
        public static IReadOnlyList<string> Drift(IReadOnlyList<SchemaCodeFile> expected, string folder, string shownAs)
        {
            var findings = new List<string>();
            foreach (var file in expected)
            {
                var path = Path.Combine(folder, file.FileName);
                if (!File.Exists(path))
                {
                    findings.Add($"{shownAs}/{file.FileName} is missing: Solution/{file.Source} declares it.");
                    continue;
                }

                var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
                if (actual == file.Text)
                {
                    continue;
                }

                var declarations = Declarations(file.Text);
                var written = Declarations(actual);
                var lacks = declarations.Except(written, StringComparer.Ordinal).ToList();
                var extra = written.Except(declarations, StringComparer.Ordinal).ToList();
                findings.AddRange(lacks.Select(line => $"{shownAs}/{file.FileName} lacks `{line}`, which Solution/{file.Source} declares."));
                findings.AddRange(extra.Select(line => $"{shownAs}/{file.FileName} has `{line}`, which Solution/{file.Source} does not declare."));
                if (lacks.Count == 0 && extra.Count == 0)
                {
                    findings.Add($"{shownAs}/{file.FileName} differs from what Solution/{file.Source} gives (comments, order or layout).");
                }
            }

            var names = expected.Select(file => file.FileName).ToHashSet(StringComparer.Ordinal);
            if (Directory.Exists(folder))
            {
                foreach (var stale in Directory.EnumerateFiles(folder, Pattern).Select(Path.GetFileName).Where(name => !names.Contains(name!)).OrderBy(name => name, StringComparer.Ordinal))
                {
                    findings.Add($"{shownAs}/{stale} is not generated from the solution (no table or choice of it gives this type): remove it.");
                }
            }

            return findings;
        }

        /// <summary>Writes every expected file (UTF-8, no byte order mark, LF) and removes generated files the solution no longer gives.</summary>
        public static void Write(IReadOnlyList<SchemaCodeFile> expected, string folder)
        {
            Directory.CreateDirectory(folder);
            var names = expected.Select(file => file.FileName).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in Directory.EnumerateFiles(folder, Pattern).Where(path => !names.Contains(Path.GetFileName(path))))
            {
                File.Delete(stale);
            }

            foreach (var file in expected)
            {
                File.WriteAllText(Path.Combine(folder, file.FileName), file.Text, new UTF8Encoding(false));
            }
        }

        /// <summary>The lines that declare something (a type, a constant, an option), trimmed.</summary>
        private static List<string> Declarations(string text) =>
            text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal) && line is not ("{" or "}")).ToList();
    }
}
