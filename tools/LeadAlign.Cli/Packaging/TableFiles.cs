using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse.Metadata;

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

        /// <summary>
        /// Each <paramref name="element"/> (systemform, savedquery) of the files of <paramref name="folder"/>, loaded with line
        /// information, with its table; a file in the folder of a table the metadata does not have is a finding instead.
        /// </summary>
        public static IEnumerable<(string File, XElement Component, TableDefinition Table)> Components(
            string solutionFolder, MetadataCatalog metadata, string folder, SearchOption depth, string element, string kind, List<string> findings)
        {
            foreach (var (tableName, file) in Of(solutionFolder, folder, depth))
            {
                var document = XDocument.Load(file, LoadOptions.SetLineInfo);
                if (metadata.Table(tableName) is not { } table)
                {
                    findings.Add(SolutionFinding.At(solutionFolder, file, document.Root!, $"the {kind} is in the folder of the table {tableName}, which does not exist."));
                    continue;
                }

                foreach (var component in document.Descendants(element))
                {
                    yield return (file, component, table);
                }
            }
        }

        /// <summary>The component's id (<paramref name="idElement"/>) is a GUID that no component of its kind seen before has (<paramref name="seen"/>: id → file).</summary>
        public static void CheckId(string solutionFolder, string file, XElement component, XElement? idElement, string kind, Dictionary<Guid, string> seen, List<string> findings)
        {
            if (!Guid.TryParse((string?)idElement, out var id))
            {
                findings.Add(SolutionFinding.At(solutionFolder, file, idElement ?? component, $"the {kind}'s id '{(string?)idElement}' is not a GUID."));
            }
            else if (!seen.TryAdd(id, SolutionFinding.Relative(solutionFolder, file)))
            {
                findings.Add(SolutionFinding.At(solutionFolder, file, idElement!, $"the {kind} id {(string?)idElement} is also the id of the {kind} in {seen[id]}."));
            }
        }
    }
}
