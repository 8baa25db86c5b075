using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>
    /// Rows a solution ships as data, in the Configuration Migration tool's data.xml format
    /// (<c>&lt;entities&gt;&lt;entity name&gt;&lt;records&gt;&lt;record id&gt;&lt;field name value [lookupentity]/&gt;</c>), kept in the
    /// solution folder's Data/ directory. Values are typed by the column's metadata, as the tool types them on import.
    /// </summary>
    public static class SolutionData
    {
        public const string FolderName = "Data";

        public static IReadOnlyList<Entity> FromSolutionFolder(string solutionFolder, MetadataCatalog metadata)
        {
            var folder = Path.Combine(solutionFolder, FolderName);
            return Directory.Exists(folder)
                ? InDependencyOrder(Directory.EnumerateFiles(folder, "*.xml").OrderBy(path => path, StringComparer.Ordinal).SelectMany(path => Read(XDocument.Load(path), metadata, path)).ToList())
                : new List<Entity>();
        }

        /// <summary>The rows ordered so that a row comes after every row of the data it looks up, as the import tool orders them.</summary>
        public static IReadOnlyList<Entity> InDependencyOrder(IReadOnlyList<Entity> rows)
        {
            var ids = rows.Select(row => row.Id).ToHashSet();
            var done = new HashSet<Guid>();
            var ordered = new List<Entity>();
            var pending = rows.ToList();
            while (pending.Count > 0)
            {
                var ready = pending.Where(row => row.Attributes.Values.OfType<EntityReference>().All(reference => !ids.Contains(reference.Id) || done.Contains(reference.Id) || reference.Id == row.Id)).ToList();
                if (ready.Count == 0)
                {
                    throw new InvalidDataException($"The solution data refers in a circle: {string.Join(", ", pending.Select(row => row.LogicalName + " " + row.Id))}.");
                }

                foreach (var row in ready)
                {
                    ordered.Add(row);
                    done.Add(row.Id);
                    pending.Remove(row);
                }
            }

            return ordered;
        }

        public static IReadOnlyList<Entity> Read(XDocument data, MetadataCatalog metadata, string source)
        {
            var rows = new List<Entity>();
            foreach (var entity in data.Root?.Elements("entity") ?? Enumerable.Empty<XElement>())
            {
                var table = metadata.Table((string?)entity.Attribute("name") ?? string.Empty)
                    ?? throw new InvalidDataException($"{source}: the table '{(string?)entity.Attribute("name")}' is not in the metadata.");
                foreach (var record in entity.Element("records")?.Elements("record") ?? Enumerable.Empty<XElement>())
                {
                    var row = new Entity(table.Name, Guid.Parse((string?)record.Attribute("id") ?? throw new InvalidDataException($"{source}: a {table.Name} record has no id.")));
                    foreach (var field in record.Elements("field"))
                    {
                        var name = (string?)field.Attribute("name") ?? throw new InvalidDataException($"{source}: a field of {table.Name} {row.Id} has no name.");
                        var column = table.Column(name) ?? throw new InvalidDataException($"{source}: '{table.Name}' has no column '{name}'.");
                        row[name] = Value(column, (string?)field.Attribute("value"), (string?)field.Attribute("lookupentity"), source);
                    }

                    rows.Add(row);
                }
            }

            return rows;
        }

        private static object? Value(ColumnDefinition column, string? text, string? lookupEntity, string source)
        {
            if (text == null)
            {
                return null;
            }

            var invariant = CultureInfo.InvariantCulture;
            return column.Type switch
            {
                AttributeTypeCode.String or AttributeTypeCode.Memo or AttributeTypeCode.EntityName => text,
                AttributeTypeCode.Integer => int.Parse(text, invariant),
                AttributeTypeCode.BigInt => long.Parse(text, invariant),
                AttributeTypeCode.Decimal => decimal.Parse(text, invariant),
                AttributeTypeCode.Double => double.Parse(text, invariant),
                AttributeTypeCode.Money => new Money(decimal.Parse(text, invariant)),
                AttributeTypeCode.Boolean => bool.Parse(text),
                AttributeTypeCode.DateTime => DateTime.Parse(text, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                AttributeTypeCode.Picklist or AttributeTypeCode.State or AttributeTypeCode.Status => new OptionSetValue(int.Parse(text, invariant)),
                AttributeTypeCode.Uniqueidentifier => Guid.Parse(text),
                AttributeTypeCode.Lookup or AttributeTypeCode.Customer or AttributeTypeCode.Owner =>
                    new EntityReference(lookupEntity ?? column.Targets.FirstOrDefault() ?? throw new InvalidDataException($"{source}: the lookup '{column.Name}' names no lookupentity."), Guid.Parse(text)),
                _ => throw new InvalidDataException($"{source}: the column '{column.Name}' ({column.Type}) cannot be imported as data."),
            };
        }
    }
}
