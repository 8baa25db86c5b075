using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Cli
{
    /// <summary>Input files a command reads (the deployable assemblies) and where they were found (<see cref="InputFolders"/>).</summary>
    internal sealed record LocatedFiles(IReadOnlyList<string> Paths, string From)
    {
        /// <summary><c>A.dll, B.dll in /folder (from)</c> when they share a folder, else each full path.</summary>
        public override string ToString()
        {
            var folders = Paths.Select(path => System.IO.Path.GetDirectoryName(path)).Distinct().ToList();
            return folders.Count == 1
                ? $"{string.Join(", ", Paths.Select(path => System.IO.Path.GetFileName(path)))} in {folders[0]} ({From})"
                : $"{string.Join(", ", Paths)} ({From})";
        }
    }
}
