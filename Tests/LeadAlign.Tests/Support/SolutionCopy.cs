using System;
using System.IO;
using Xunit;

namespace LeadAlign.Tests.Support
{
    /// <summary>A throw-away copy of the shipped solution folder, to break one thing in and show that a check catches it.</summary>
    public sealed class SolutionCopy : IDisposable
    {
        public SolutionCopy()
        {
            Folder = Directory.CreateTempSubdirectory("leadalign-solution-").FullName;
            var shipped = RepositoryLayout.PathInRepo("Solution");
            foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(Folder, Path.GetRelativePath(shipped, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        /// <summary>The net462 assemblies the solution registers, as the validator and the packer read them.</summary>
        public static string[] Assemblies => new[] { RepositoryLayout.Net462Output("LeadAlign.Plugins"), RepositoryLayout.Net462Output("LeadAlign.WorkflowActivities") };

        public string Folder { get; }

        /// <summary>Replaces every <paramref name="from"/> of a file of the copy by <paramref name="to"/>; the file must hold it.</summary>
        public void Break(string relativePath, string from, string to)
        {
            var path = Path.Combine(Folder, relativePath);
            var text = File.ReadAllText(path);
            Assert.Contains(from, text);
            File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
