using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LeadAlign.Dataverse.Registration
{
    /// <summary>
    /// The solution's SdkMessageProcessingSteps folder, kept equal to the step declarations: <see cref="Write"/> regenerates it,
    /// <see cref="Drift"/> says how it differs (the test that fails when a declaration and the XML drift apart uses it).
    /// </summary>
    public static class StepFiles
    {
        public const string FolderName = "SdkMessageProcessingSteps";

        /// <summary>Each difference between the declared steps and the files, as a sentence naming the file; empty when equal.</summary>
        public static IReadOnlyList<string> Drift(IReadOnlyList<StepRegistration> declared, string solutionFolder)
        {
            var folder = Path.Combine(solutionFolder, FolderName);
            var findings = new List<string>();
            var expected = declared.ToDictionary(step => step.FileName, StringComparer.OrdinalIgnoreCase);
            foreach (var step in declared)
            {
                var path = Path.Combine(folder, step.FileName);
                if (!File.Exists(path))
                {
                    findings.Add($"{FolderName}/{step.FileName} is missing: '{step.Name}' is declared on {step.PluginTypeFullName}.");
                }
                else if (File.ReadAllText(path).ReplaceLineEndings("\n") != step.ToXmlText())
                {
                    findings.Add($"{FolderName}/{step.FileName} differs from the declaration of '{step.Name}' on {step.PluginTypeFullName}.");
                }
            }

            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal))
                {
                    if (!expected.ContainsKey(file!))
                    {
                        findings.Add($"{FolderName}/{file} declares a step no plug-in class declares: remove it, or declare it with [PluginStep].");
                    }
                }
            }

            return findings;
        }

        /// <summary>Writes one file per declared step and removes files of steps no longer declared. Returns the files written.</summary>
        public static IReadOnlyList<string> Write(IReadOnlyList<StepRegistration> declared, string solutionFolder)
        {
            var folder = Path.Combine(solutionFolder, FolderName);
            Directory.CreateDirectory(folder);
            var keep = declared.Select(step => step.FileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var stale in Directory.EnumerateFiles(folder, "*.xml").Where(path => !keep.Contains(Path.GetFileName(path))))
            {
                File.Delete(stale);
            }

            var written = new List<string>();
            foreach (var step in declared)
            {
                var path = Path.Combine(folder, step.FileName);
                File.WriteAllText(path, step.ToXmlText());
                written.Add(path);
            }

            return written;
        }
    }
}
