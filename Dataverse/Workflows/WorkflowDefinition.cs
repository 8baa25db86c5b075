using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace LeadAlign.Dataverse.Workflows
{
    /// <summary>
    /// A background workflow as the unpacked solution holds it: Workflows/{Name}-{id}.xaml with its .xaml.data.xml, which says
    /// the primary table, the triggers (create, update of named columns) and whether it is activated.
    /// </summary>
    public sealed class WorkflowDefinition
    {
        public WorkflowDefinition(Guid id, string name, string primaryEntity, XDocument xaml)
        {
            Id = id;
            Name = name;
            PrimaryEntity = primaryEntity;
            Xaml = xaml;
        }

        public Guid Id { get; }

        public string Name { get; }

        public string PrimaryEntity { get; }

        public XDocument Xaml { get; }

        /// <summary>The XAML file the workflow was read from (its name when it was not read from a file), for refusals.</summary>
        public string SourceFile { get; init; } = string.Empty;

        public bool TriggerOnCreate { get; init; }

        /// <summary>The columns whose update starts the workflow; empty when updates do not.</summary>
        public IReadOnlyList<string> TriggerOnUpdateAttributes { get; init; } = Array.Empty<string>();

        /// <summary>0 background, 1 real-time. Only background workflows run (real-time ones are refused at start).</summary>
        public int Mode { get; init; }

        /// <summary>Activated (statecode 1) workflows run; drafts do not.</summary>
        public bool IsActivated { get; init; } = true;

        /// <summary>0: as the workflow's owner (SYSTEM stands in for the admin who imported it); 1: as the user whose change started it.</summary>
        public int RunAs { get; init; } = 1;

        public static IReadOnlyList<WorkflowDefinition> FromSolutionFolder(string solutionFolder)
        {
            var folder = Path.Combine(solutionFolder, "Workflows");
            if (!Directory.Exists(folder))
            {
                return Array.Empty<WorkflowDefinition>();
            }

            return Directory.EnumerateFiles(folder, "*.xaml.data.xml").OrderBy(path => path, StringComparer.Ordinal).Select(FromDataFile).ToList();
        }

        public static WorkflowDefinition FromDataFile(string dataFile)
        {
            var data = XDocument.Load(dataFile).Root ?? throw new InvalidDataException($"{dataFile}: empty workflow definition.");
            var xamlFile = dataFile[..^".data.xml".Length];
            if (!File.Exists(xamlFile))
            {
                throw new InvalidDataException($"{dataFile}: its XAML {Path.GetFileName(xamlFile)} is missing.");
            }

            return FromXml(data, XDocument.Load(xamlFile, LoadOptions.SetLineInfo), dataFile);
        }

        public static WorkflowDefinition FromXml(XElement data, XDocument xaml, string source)
        {
            string? Text(string name) => (string?)data.Element(name);
            var id = Guid.Parse(((string?)data.Attribute("WorkflowId") ?? throw new InvalidDataException($"{source}: no WorkflowId.")).Trim('{', '}'));
            var definition = new WorkflowDefinition(
                id,
                (string?)data.Attribute("Name") ?? id.ToString(),
                Text("PrimaryEntity")?.ToLowerInvariant() ?? throw new InvalidDataException($"{source}: no PrimaryEntity."),
                xaml)
            {
                SourceFile = source.EndsWith(".data.xml", StringComparison.Ordinal) ? source[..^".data.xml".Length] : source,
                TriggerOnCreate = Text("TriggerOnCreate") == "1",
                TriggerOnUpdateAttributes = (Text("TriggerOnUpdateAttributeList") ?? string.Empty)
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(name => name.ToLowerInvariant())
                    .ToList(),
                Mode = int.Parse(Text("Mode") ?? "0", CultureInfo.InvariantCulture),
                IsActivated = (Text("StateCode") ?? "1") == "1",
                RunAs = int.Parse(Text("RunAs") ?? "1", CultureInfo.InvariantCulture),
            };
            if (definition.Mode != 0)
            {
                throw new NotSupportedException($"{source}: '{definition.Name}' is a real-time workflow; the in-memory Dataverse runs background workflows only.");
            }

            return definition;
        }

        /// <summary>
        /// Why a workflow host could not load this workflow's XAML (or the in-memory Dataverse could not run it), as
        /// <c>file:line: …</c>; null when it loads. <paramref name="typeOf"/> resolves a custom activity's full type name.
        /// </summary>
        public string? LoadError(Func<string, Type?> typeOf)
        {
            try
            {
                WorkflowProgram.Compile(this, typeOf);
                return null;
            }
            catch (NotSupportedException refused)
            {
                return refused.Message;
            }
        }

        /// <summary>Whether a Create, or an Update that changed <paramref name="changedColumns"/>, of the primary table starts it.</summary>
        public bool StartsOn(string message, string table, IEnumerable<string> changedColumns) =>
            IsActivated && table == PrimaryEntity && (message == "Create" ? TriggerOnCreate : message == "Update" && changedColumns.Any(TriggerOnUpdateAttributes.Contains));
    }
}
