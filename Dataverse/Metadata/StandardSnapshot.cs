using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>
    /// The formats of the snapshots this project keeps of the platform's standard tables: Metadata/StandardTables.xml (tables,
    /// columns and choices, from the Microsoft Learn table reference) and Metadata/StandardPrivileges.xml (each table's privileges
    /// and depths; its header names the source of each fact).
    /// </summary>
    internal static class StandardSnapshot
    {
        /// <summary>Reads the snapshot format of Metadata/StandardTables.xml.</summary>
        public static void AddTables(MetadataCatalog catalog, XDocument snapshot)
        {
            foreach (var element in snapshot.Root?.Elements("table") ?? Enumerable.Empty<XElement>())
            {
                var table = new TableDefinition(
                    MetadataXml.Required(element, "name"),
                    MetadataXml.Required(element, "primaryid"),
                    (string?)element.Attribute("primaryname"),
                    Enum.Parse<OwnershipTypes>((string?)element.Attribute("ownership") ?? "None"))
                {
                    SchemaName = (string?)element.Attribute("schemaname"),
                    EntitySetName = (string?)element.Attribute("setname"),
                    ObjectTypeCode = (int?)element.Attribute("objecttypecode"),
                    IsActivity = (bool?)element.Attribute("activity") ?? false,
                    IsIntersect = (bool?)element.Attribute("intersect") ?? false,
                    IsSlaEnabled = (bool?)element.Attribute("slaenabled") ?? false,
                };
                foreach (var column in element.Elements("column"))
                {
                    table.Add(SnapshotColumn(column));
                }

                catalog.Add(table);
            }
        }

        /// <summary>
        /// Reads the snapshot format of Metadata/StandardPrivileges.xml: per table its privileges (name, access right, depths),
        /// or <c>privilegesof</c> the table whose privileges it uses.
        /// </summary>
        public static void AddPrivileges(MetadataCatalog catalog, XDocument snapshot)
        {
            var tables = snapshot.Root?.Elements("table").ToList() ?? new List<XElement>();
            foreach (var table in tables)
            {
                foreach (var privilege in table.Elements("privilege"))
                {
                    catalog.AddPrivilege(new PrivilegeDefinition(
                        MetadataXml.Required(privilege, "name"),
                        Enum.Parse<AccessRight>(MetadataXml.Required(privilege, "right")),
                        Enum.Parse<PrivilegeDepths>(MetadataXml.Required(privilege, "depths")),
                        new[] { MetadataXml.Required(table, "name") }));
                }
            }

            foreach (var table in tables.Where(table => table.Attribute("privilegesof") != null))
            {
                var owner = (string)table.Attribute("privilegesof")!;
                var shared = catalog.PrivilegesOf(owner).ToList();
                if (shared.Count == 0)
                {
                    throw new InvalidDataException($"The <table> element{MetadataXml.LineOf(table)} uses the privileges of {owner}, which has none.");
                }

                foreach (var privilege in shared)
                {
                    catalog.AddPrivilege(privilege.WithTable(MetadataXml.Required(table, "name")));
                }
            }
        }

        private static ColumnDefinition SnapshotColumn(XElement column)
        {
            var typeName = MetadataXml.Required(column, "type");
            var multiSelect = typeName == "MultiSelectPicklist";
            var type = multiSelect ? AttributeTypeCode.Virtual : Enum.Parse<AttributeTypeCode>(typeName);
            return new ColumnDefinition(MetadataXml.Required(column, "name"), type)
            {
                IsMultiSelect = multiSelect,
                Targets = MetadataXml.Split((string?)column.Attribute("targets")),
                MaxLength = (int?)column.Attribute("maxlength"),
                MinValue = (decimal?)column.Attribute("min"),
                MaxValue = (decimal?)column.Attribute("max"),
                DateOnly = (string?)column.Attribute("format") == "DateOnly",
                ValidForCreate = (bool?)column.Attribute("create") ?? true,
                ValidForUpdate = (bool?)column.Attribute("update") ?? true,
                Options = column.Elements("option")
                    .Select(option => new OptionDefinition(
                        (int)option.Attribute("value")!,
                        (string?)option.Attribute("label") ?? string.Empty,
                        (int?)option.Attribute("state"),
                        (int?)option.Attribute("defaultstatus")))
                    .ToList(),
            };
        }
    }
}
