using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace LeadAlign.Cli.SchemaCode
{
    /// <summary>
    /// The tables, columns and choices the unpacked solution declares, named for the generated code:
    /// <list type="bullet">
    /// <item>a table is named by its schema name when the file gives it with its casing (<c>&lt;Name&gt;SystemUser&lt;/Name&gt;</c>),
    /// else by the last words of its display name that spell its logical name (la_agreement, "Sales and marketing agreement":
    /// Agreement), with <c>Table</c> after it;</item>
    /// <item>a column by its schema name, the <c>PhysicalName</c> an export gives it, without the prefix (la_FitScore: FitScore);
    /// the primary key is <c>Id</c>, the status and status reason columns <c>StateCode</c> and <c>StatusCode</c>;</item>
    /// <item>a choice by its display name (Lead stage: LeadStage), its options by their labels (MQL: Mql, Not a fit: NotAFit).
    /// A local choice is named by its table and column (AgreementPriority). Yes/No columns and the status and status reason
    /// options are the platform's, so they get no enum.</item>
    /// </list>
    /// </summary>
    public sealed class SolutionSchema
    {
        private const string English = "1033";

        private SolutionSchema(string prefix, IReadOnlyList<SchemaTable> tables, IReadOnlyList<SchemaChoice> choices)
        {
            Prefix = prefix;
            Tables = tables;
            Choices = choices;
        }

        /// <summary>The publisher's customization prefix (Other/Solution.xml).</summary>
        public string Prefix { get; }

        public IReadOnlyList<SchemaTable> Tables { get; }

        public IReadOnlyList<SchemaChoice> Choices { get; }

        /// <summary>
        /// Reads the solution folder. Throws <see cref="InvalidDataException"/> naming every file and column the generated code
        /// could not name (each problem on its own line).
        /// </summary>
        public static SolutionSchema Read(string solutionFolder)
        {
            var problems = new List<string>();
            var prefix = PublisherPrefix(solutionFolder);
            var choices = new List<SchemaChoice>();
            foreach (var file in Files(solutionFolder, "OptionSets", "*.xml"))
            {
                var source = Relative(solutionFolder, file);
                var root = XDocument.Load(file).Root ?? throw new InvalidDataException($"{source}: the file is empty.");
                var name = ((string?)root.Attribute("Name") ?? string.Empty).ToLowerInvariant();
                var display = Label(root.Element("displaynames")?.Elements("displayname")) ?? (string?)root.Attribute("localizedName") ?? name;
                var enumName = Identifiers.FromWords(display);
                if (enumName == null)
                {
                    problems.Add($"{source}: the choice {name} has no display name to name its enum after.");
                    continue;
                }

                choices.Add(new SchemaChoice(enumName, name, display, source, Options(source, root, problems)));
            }

            var global = choices.ToDictionary(choice => choice.LogicalName, StringComparer.OrdinalIgnoreCase);
            var tables = new List<SchemaTable>();
            foreach (var file in Files(solutionFolder, "Entities", "Entity.xml"))
            {
                var table = Table(solutionFolder, file, prefix, global, choices, problems);
                if (table != null)
                {
                    tables.Add(table);
                }
            }

            foreach (var clash in tables.Select(table => (Name: table.ClassName, table.Source)).Concat(choices.Select(choice => (Name: choice.EnumName, choice.Source)))
                .GroupBy(type => type.Name, StringComparer.Ordinal).Where(group => group.Count() > 1))
            {
                problems.Add($"{string.Join(" and ", clash.Select(type => type.Source))} would all generate the type {clash.Key}: rename one of them.");
            }

            if (problems.Count > 0)
            {
                throw new InvalidDataException(string.Join(Environment.NewLine, problems));
            }

            return new SolutionSchema(prefix, tables, choices);
        }

        private static SchemaTable? Table(string solutionFolder, string file, string prefix, IReadOnlyDictionary<string, SchemaChoice> global, List<SchemaChoice> choices, List<string> problems)
        {
            var source = Relative(solutionFolder, file);
            var document = XDocument.Load(file);
            var entity = document.Root?.Element("EntityInfo")?.Element("entity");
            var logicalName = ((string?)entity?.Attribute("Name"))?.ToLowerInvariant();
            if (entity == null || logicalName == null)
            {
                problems.Add($"{source}: no EntityInfo/entity element with a Name.");
                return null;
            }

            var schemaName = ((string?)document.Root!.Element("Name"))?.Trim() ?? logicalName;
            var display = (string?)document.Root.Element("Name")?.Attribute("LocalizedName")
                ?? Label(entity.Element("LocalizedNames")?.Elements("LocalizedName"))
                ?? logicalName;
            var baseName = Identifiers.IsCased(schemaName, prefix) && string.Equals(schemaName, logicalName, StringComparison.OrdinalIgnoreCase)
                ? Identifiers.FromSchemaName(schemaName, prefix)
                : Identifiers.Spelled(Identifiers.HasPrefix(logicalName, prefix) ? logicalName[(prefix.Length + 1)..] : logicalName, display);
            if (baseName == null)
            {
                problems.Add($"{source}: the table {logicalName} cannot be named: give <Name> its schema name with its casing, or a display name whose last words spell {logicalName} after the prefix.");
                return null;
            }

            var columns = new List<SchemaColumn>();
            foreach (var attribute in entity.Element("attributes")?.Elements("attribute") ?? Enumerable.Empty<XElement>())
            {
                var column = Column(source, attribute, prefix, baseName, global, choices, problems);
                if (column != null)
                {
                    columns.Add(column);
                }
            }

            foreach (var clash in columns.Select(column => column.Identifier).Append(SchemaCodeWriter.EntityNameConstant)
                .GroupBy(identifier => identifier, StringComparer.Ordinal).Where(group => group.Count() > 1))
            {
                problems.Add($"{source}: more than one column of {logicalName} would be named {clash.Key}: {string.Join(", ", columns.Where(column => column.Identifier == clash.Key).Select(column => column.LogicalName))}.");
            }

            return new SchemaTable(baseName + "Table", logicalName, display, source, columns);
        }

        private static SchemaColumn? Column(string source, XElement attribute, string prefix, string tableBaseName, IReadOnlyDictionary<string, SchemaChoice> global, List<SchemaChoice> choices, List<string> problems)
        {
            var physicalName = (string?)attribute.Attribute("PhysicalName") ?? string.Empty;
            var logicalName = ((string?)attribute.Element("LogicalName") ?? physicalName).ToLowerInvariant();
            var type = (string?)attribute.Element("Type") ?? string.Empty;
            if (!string.Equals(physicalName, logicalName, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{source}: the column {logicalName} has the PhysicalName {physicalName}: the schema name must be the logical name with its casing.");
                return null;
            }

            string? identifier = type switch
            {
                "primarykey" => "Id",
                "state" => "StateCode",
                "status" => "StatusCode",
                _ when Identifiers.HasPrefix(logicalName, prefix) && !Identifiers.IsCased(physicalName, prefix) => null,
                _ => Identifiers.FromSchemaName(physicalName, prefix),
            };
            if (identifier == null)
            {
                problems.Add($"{source}: the column {logicalName} needs its schema name with its casing as PhysicalName ({prefix}_ then words each starting upper case, as {prefix}_FitScore): the generated constant is named after it.");
                return null;
            }

            var display = Label(attribute.Element("displaynames")?.Elements("displayname")) ?? logicalName;
            string? choice = null;
            var optionSetName = (string?)attribute.Element("OptionSetName");
            var local = attribute.Element("optionset");
            if (optionSetName != null && global.TryGetValue(optionSetName, out var globalChoice))
            {
                choice = globalChoice.EnumName;
            }
            else if (local != null && (string?)local.Element("OptionSetType") is "picklist" or "multiselectpicklist")
            {
                var localDisplay = Label(local.Element("displaynames")?.Elements("displayname")) ?? display;
                var localChoice = new SchemaChoice(tableBaseName + identifier, ((string?)local.Attribute("Name") ?? logicalName).ToLowerInvariant(), localDisplay, source, Options(source, local, problems));
                choices.Add(localChoice);
                choice = localChoice.EnumName;
            }

            return new SchemaColumn(identifier, logicalName, display, type, choice);
        }

        private static IReadOnlyList<SchemaOption> Options(string source, XElement optionSet, List<string> problems)
        {
            var options = new List<SchemaOption>();
            foreach (var option in optionSet.Element("options")?.Elements("option") ?? Enumerable.Empty<XElement>())
            {
                var label = Label(option.Element("labels")?.Elements("label")) ?? string.Empty;
                var member = Identifiers.FromWords(label);
                if (!int.TryParse((string?)option.Attribute("value"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || member == null)
                {
                    problems.Add($"{source}: the option '{(string?)option.Attribute("value")}' of {(string?)optionSet.Attribute("Name")} needs a whole-number value and a label to name it after.");
                    continue;
                }

                options.Add(new SchemaOption(member, value, label));
            }

            foreach (var clash in options.GroupBy(option => option.Member, StringComparer.Ordinal).Where(group => group.Count() > 1))
            {
                problems.Add($"{source}: the options {string.Join(", ", clash.Select(option => option.Value.ToString(CultureInfo.InvariantCulture)))} of {(string?)optionSet.Attribute("Name")} would all be named {clash.Key}: give them distinct labels.");
            }

            return options;
        }

        private static string PublisherPrefix(string solutionFolder)
        {
            var manifest = Path.Combine(solutionFolder, "Other", "Solution.xml");
            if (!File.Exists(manifest))
            {
                throw new InvalidDataException($"{manifest} does not exist: give the unpacked solution with --solution.");
            }

            var prefix = (string?)XDocument.Load(manifest).Descendants("Publisher").Elements("CustomizationPrefix").FirstOrDefault();
            return string.IsNullOrWhiteSpace(prefix)
                ? throw new InvalidDataException("Other/Solution.xml: the publisher has no CustomizationPrefix.")
                : prefix.Trim();
        }

        /// <summary>The English (1033) label of a list of labels, else the first.</summary>
        private static string? Label(IEnumerable<XElement>? labels)
        {
            var list = labels?.ToList() ?? new List<XElement>();
            var label = list.FirstOrDefault(each => (string?)each.Attribute("languagecode") == English) ?? list.FirstOrDefault();
            var text = (string?)label?.Attribute("description");
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        private static IEnumerable<string> Files(string solutionFolder, string folder, string pattern)
        {
            var path = Path.Combine(solutionFolder, folder);
            return Directory.Exists(path)
                ? Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories).OrderBy(file => Relative(solutionFolder, file), StringComparer.Ordinal)
                : Enumerable.Empty<string>();
        }

        private static string Relative(string solutionFolder, string file) => Path.GetRelativePath(solutionFolder, file).Replace('\\', '/');
    }
}
