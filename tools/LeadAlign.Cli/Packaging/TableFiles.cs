using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>The files of one kind that every table folder of an unpacked solution holds (Entities/&lt;table&gt;/&lt;folder&gt;/*.xml).</summary>
    internal static class TableFiles
    {
        /// <summary>Each file of <paramref name="folder"/> under each table folder, in ordinal order, with the table's logical name (the folder's name in lower case).</summary>
        public static IEnumerable<(string Table, string File)> Of(string solutionFolder, string folder, SearchOption depth)
        {
            var entities = Path.Combine(solutionFolder, "Entities");
            if (!Directory.Exists(entities))
            {
                yield break;
            }

            foreach (var tableFolder in Directory.EnumerateDirectories(entities).OrderBy(path => path, StringComparer.Ordinal))
            {
                var path = Path.Combine(tableFolder, folder);
                if (!Directory.Exists(path))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(path, "*.xml", depth).OrderBy(name => name, StringComparer.Ordinal))
                {
                    yield return (Path.GetFileName(tableFolder).ToLowerInvariant(), file);
                }
            }
        }
    }
}
