using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>
    /// Reads an unpacked solution's customizations in the layout <c>pac solution unpack</c> writes: Entities/*/Entity.xml (tables,
    /// columns, the table setting IsSLAEnabled), OptionSets/*.xml (global choices) and Other/Relationships/*.xml. A custom table gets
    /// the system columns the platform adds to every new table, and its privileges (<see cref="PrivilegeDerivation"/>).
    /// </summary>
    internal static class SolutionMetadataReader
    {
        /// <summary>Reads an unpacked solution's tables, columns, global choices and relationships.</summary>
        public static void Add(MetadataCatalog catalog, string solutionFolder)
        {
            var globalOptionSets = new Dictionary<string, IReadOnlyList<OptionDefinition>>(StringComparer.OrdinalIgnoreCase);
            var optionSetFolder = Path.Combine(solutionFolder, "OptionSets");
            if (Directory.Exists(optionSetFolder))
            {
                foreach (var file in Directory.EnumerateFiles(optionSetFolder, "*.xml").OrderBy(path => path, StringComparer.Ordinal))
                {
                    var optionSet = XDocument.Load(file).Root!;
                    globalOptionSets[MetadataXml.Required(optionSet, "Name")] = SolutionOptions(optionSet);
                }
            }

            var relationships = new List<XElement>();
            var relationshipFolder = Path.Combine(solutionFolder, "Other", "Relationships");
            if (Directory.Exists(relationshipFolder))
            {
                relationships.AddRange(Directory.EnumerateFiles(relationshipFolder, "*.xml")
                    .OrderBy(path => path, StringComparer.Ordinal)
                    .SelectMany(file => XDocument.Load(file).Descendants("EntityRelationship")));
            }

            var lookupTargets = relationships
                .Where(relationship => (string?)relationship.Element("EntityRelationshipType") == "OneToMany")
                .GroupBy(relationship => MetadataXml.Key((string?)relationship.Element("ReferencingEntityName"), (string?)relationship.Element("ReferencingAttributeName")))
                .ToDictionary(group => group.Key, group => (IReadOnlyList<string>)group.Select(relationship => ((string?)relationship.Element("ReferencedEntityName") ?? string.Empty).ToLowerInvariant()).Distinct().ToList(), StringComparer.Ordinal);

            var entitiesFolder = Path.Combine(solutionFolder, "Entities");
            if (Directory.Exists(entitiesFolder))
            {
                foreach (var file in Directory.EnumerateFiles(entitiesFolder, "Entity.xml", SearchOption.AllDirectories).OrderBy(path => path, StringComparer.Ordinal))
                {
                    AddSolutionEntity(catalog, XDocument.Load(file, LoadOptions.SetLineInfo), globalOptionSets, lookupTargets, file);
                }
            }

            foreach (var relationship in relationships)
            {
                var name = MetadataXml.Required(relationship, "Name");
                if ((string?)relationship.Element("EntityRelationshipType") == "OneToMany")
                {
                    catalog.AddRelationship(RelationshipDefinition.OneToMany(
                        name,
                        ((string?)relationship.Element("ReferencedEntityName") ?? string.Empty).ToLowerInvariant(),
                        ((string?)relationship.Element("ReferencingEntityName") ?? string.Empty).ToLowerInvariant(),
                        ((string?)relationship.Element("ReferencingAttributeName") ?? string.Empty).ToLowerInvariant()));
                }
                else
                {
                    catalog.AddRelationship(RelationshipDefinition.ManyToMany(
                        name,
                        ((string?)relationship.Element("IntersectEntityName") ?? string.Empty).ToLowerInvariant(),
                        ((string?)relationship.Element("FirstEntityName") ?? string.Empty).ToLowerInvariant(),
                        ((string?)relationship.Element("FirstEntityIntersectAttributeName") ?? string.Empty).ToLowerInvariant(),
                        ((string?)relationship.Element("SecondEntityName") ?? string.Empty).ToLowerInvariant(),
                        ((string?)relationship.Element("SecondEntityIntersectAttributeName") ?? string.Empty).ToLowerInvariant()));
                }
            }
        }

        private static void AddSolutionEntity(
            MetadataCatalog catalog,
            XDocument document,
            IReadOnlyDictionary<string, IReadOnlyList<OptionDefinition>> globalOptionSets,
            IReadOnlyDictionary<string, IReadOnlyList<string>> lookupTargets,
            string file)
        {
            var entity = document.Root?.Element("EntityInfo")?.Element("entity")
                ?? throw new InvalidDataException($"{file}: no EntityInfo/entity element.");
            var name = MetadataXml.Required(entity, "Name").ToLowerInvariant();
            var attributes = entity.Element("attributes")?.Elements("attribute").ToList() ?? new List<XElement>();
            var table = catalog.Table(name);
            if (table == null)
            {
                var primaryId = attributes.FirstOrDefault(attribute => (string?)attribute.Element("Type") == "primarykey");
                var primaryName = attributes.FirstOrDefault(attribute => ((string?)attribute.Element("DisplayMask") ?? string.Empty).Contains("PrimaryName", StringComparison.Ordinal));
                var ownership = (string?)entity.Element("OwnershipTypeMask") switch
                {
                    "UserOwned" => OwnershipTypes.UserOwned,
                    "OrgOwned" or "OrganizationOwned" => OwnershipTypes.OrganizationOwned,
                    _ => OwnershipTypes.UserOwned,
                };
                var isActivity = (string?)entity.Element("IsActivity") == "1";
                table = new TableDefinition(
                    name,
                    isActivity ? "activityid" : ((string?)primaryId?.Element("LogicalName") ?? name + "id").ToLowerInvariant(),
                    ((string?)primaryName?.Element("LogicalName"))?.ToLowerInvariant(),
                    ownership)
                {
                    SchemaName = MetadataXml.Required(entity, "Name"),
                    EntitySetName = (string?)entity.Element("EntitySetName"),
                    IsActivity = isActivity,
                    IsCustom = true,
                    DisplayName = MetadataXml.Label(document.Root?.Element("Name")?.Attribute("LocalizedName")?.Value, entity.Element("LocalizedNames")),
                };
                AddSystemColumns(table);
                if (table.IsActivity && catalog.Table("activitypointer") is { } pointer)
                {
                    // A custom activity table has every column activities share, as the platform creates it.
                    foreach (var column in pointer.Columns.Where(column => !table.HasColumn(column.Name) && column.Name != pointer.PrimaryId))
                    {
                        table.Add(column);
                    }
                }

                catalog.Add(table);
                PrivilegeDerivation.AddCustomTablePrivileges(catalog, table);
            }

            // "Enable for SLA" travels in Entity.xml as <IsSLAEnabled> when the table is exported with its metadata: 1 switches it
            // on; 0 leaves a table that is already enabled as it is, since the platform cannot switch it off again.
            table.IsSlaEnabled = table.IsSlaEnabled || ((string?)entity.Element("IsSLAEnabled"))?.Trim() == "1";

            foreach (var attribute in attributes)
            {
                var column = SolutionColumn(name, attribute, globalOptionSets, lookupTargets);
                if (column != null)
                {
                    table.Add(table.IsCustom && !column.IsCustom && table.Column(column.Name) is { } system ? WithLabels(system, column) : column);
                }
            }
        }

        /// <summary>
        /// A system column a custom table's Entity.xml carries, as a real export writes it: the platform's own definition
        /// (type, targets, what create and update accept) stays, the exported labels and choices are taken.
        /// </summary>
        private static ColumnDefinition WithLabels(ColumnDefinition system, ColumnDefinition exported) => new(system.Name, system.Type)
        {
            IsMultiSelect = system.IsMultiSelect,
            Targets = system.Targets,
            Options = exported.Options.Count > 0 ? exported.Options : system.Options,
            MaxLength = system.MaxLength,
            MinValue = system.MinValue,
            MaxValue = system.MaxValue,
            DateOnly = system.DateOnly,
            ValidForCreate = system.ValidForCreate,
            ValidForUpdate = system.ValidForUpdate,
            DisplayName = exported.DisplayName ?? system.DisplayName,
            IsCustom = false,
        };

        private static ColumnDefinition? SolutionColumn(
            string table,
            XElement attribute,
            IReadOnlyDictionary<string, IReadOnlyList<OptionDefinition>> globalOptionSets,
            IReadOnlyDictionary<string, IReadOnlyList<string>> lookupTargets)
        {
            var logicalName = ((string?)attribute.Element("LogicalName") ?? MetadataXml.Required(attribute, "PhysicalName")).ToLowerInvariant();
            var typeName = (string?)attribute.Element("Type");
            AttributeTypeCode? type = typeName switch
            {
                "nvarchar" => AttributeTypeCode.String,
                "ntext" or "memo" => AttributeTypeCode.Memo,
                "int" => AttributeTypeCode.Integer,
                "bigint" => AttributeTypeCode.BigInt,
                "decimal" => AttributeTypeCode.Decimal,
                "float" => AttributeTypeCode.Double,
                "money" => AttributeTypeCode.Money,
                "bit" => AttributeTypeCode.Boolean,
                "datetime" => AttributeTypeCode.DateTime,
                "lookup" => AttributeTypeCode.Lookup,
                "customer" => AttributeTypeCode.Customer,
                "owner" => AttributeTypeCode.Owner,
                "picklist" => AttributeTypeCode.Picklist,
                "state" => AttributeTypeCode.State,
                "status" => AttributeTypeCode.Status,
                "primarykey" or "uniqueidentifier" => AttributeTypeCode.Uniqueidentifier,
                "multiselectpicklist" => AttributeTypeCode.Virtual,
                "partylist" => AttributeTypeCode.PartyList,
                "entityname" => AttributeTypeCode.EntityName,
                _ => null,
            };
            if (type == null)
            {
                return null;
            }

            var optionSetElement = attribute.Element("optionset");
            var options = optionSetElement != null
                ? SolutionOptions(optionSetElement)
                : (string?)attribute.Element("OptionSetName") is { } optionSetName && globalOptionSets.TryGetValue(optionSetName, out var global)
                    ? global
                    : Array.Empty<OptionDefinition>();
            var format = (string?)attribute.Element("Format");
            return new ColumnDefinition(logicalName, type.Value)
            {
                IsMultiSelect = typeName == "multiselectpicklist",
                IsCustom = (string?)attribute.Element("IsCustomField") == "1",
                IsSecured = ((string?)attribute.Element("IsSecured"))?.Trim() == "1",
                Targets = lookupTargets.TryGetValue(MetadataXml.Key(table, logicalName), out var targets) ? targets : Array.Empty<string>(),
                Options = options,
                MaxLength = (int?)attribute.Element("MaxLength") ?? (int?)attribute.Element("Length"),
                MinValue = MetadataXml.Decimal((string?)attribute.Element("MinValue")),
                MaxValue = MetadataXml.Decimal((string?)attribute.Element("MaxValue")),
                DateOnly = string.Equals(format, "date", StringComparison.OrdinalIgnoreCase) || string.Equals(format, "dateonly", StringComparison.OrdinalIgnoreCase),
                ValidForCreate = (string?)attribute.Element("ValidForCreateApi") != "0",
                ValidForUpdate = (string?)attribute.Element("ValidForUpdateApi") != "0",
                DisplayName = MetadataXml.Label(null, attribute.Element("displaynames")),
            };
        }

        private static IReadOnlyList<OptionDefinition> SolutionOptions(XElement optionSet)
        {
            var states = optionSet.Element("states")?.Elements("state") ?? Enumerable.Empty<XElement>();
            var statuses = optionSet.Element("statuses")?.Elements("status") ?? Enumerable.Empty<XElement>();
            var options = optionSet.Element("options")?.Elements("option") ?? Enumerable.Empty<XElement>();
            return options.Select(option => new OptionDefinition((int)option.Attribute("value")!, MetadataXml.Label(null, option.Element("labels")) ?? string.Empty))
                .Concat(states.Select(state => new OptionDefinition((int)state.Attribute("value")!, MetadataXml.Label(null, state.Element("labels")) ?? string.Empty, defaultStatus: (int?)state.Attribute("defaultstatus"))))
                .Concat(statuses.Select(status => new OptionDefinition((int)status.Attribute("value")!, MetadataXml.Label(null, status.Element("labels")) ?? string.Empty, state: (int?)status.Attribute("state"))))
                .ToList();
        }

        /// <summary>The columns Dataverse creates with every new table.</summary>
        private static void AddSystemColumns(TableDefinition table)
        {
            table.Add(new ColumnDefinition(table.PrimaryId, AttributeTypeCode.Uniqueidentifier) { ValidForUpdate = false });
            table.Add(new ColumnDefinition("createdon", AttributeTypeCode.DateTime) { ValidForCreate = false, ValidForUpdate = false });
            table.Add(new ColumnDefinition("modifiedon", AttributeTypeCode.DateTime) { ValidForCreate = false, ValidForUpdate = false });
            table.Add(new ColumnDefinition("overriddencreatedon", AttributeTypeCode.DateTime) { ValidForUpdate = false, DateOnly = true });
            foreach (var name in new[] { "createdby", "modifiedby", "createdonbehalfby", "modifiedonbehalfby" })
            {
                table.Add(new ColumnDefinition(name, AttributeTypeCode.Lookup) { Targets = new[] { "systemuser" }, ValidForCreate = false, ValidForUpdate = false });
            }

            table.Add(new ColumnDefinition("versionnumber", AttributeTypeCode.BigInt) { ValidForCreate = false, ValidForUpdate = false });
            table.Add(new ColumnDefinition("importsequencenumber", AttributeTypeCode.Integer) { ValidForUpdate = false });
            table.Add(new ColumnDefinition("timezoneruleversionnumber", AttributeTypeCode.Integer));
            table.Add(new ColumnDefinition("utcconversiontimezonecode", AttributeTypeCode.Integer));
            if (table.IsUserOwned)
            {
                table.Add(new ColumnDefinition("ownerid", AttributeTypeCode.Owner) { Targets = new[] { "systemuser", "team" } });
                table.Add(new ColumnDefinition("owninguser", AttributeTypeCode.Lookup) { Targets = new[] { "systemuser" }, ValidForCreate = false, ValidForUpdate = false });
                table.Add(new ColumnDefinition("owningteam", AttributeTypeCode.Lookup) { Targets = new[] { "team" }, ValidForCreate = false, ValidForUpdate = false });
                table.Add(new ColumnDefinition("owningbusinessunit", AttributeTypeCode.Lookup) { Targets = new[] { "businessunit" }, ValidForCreate = false, ValidForUpdate = false });
            }
            else
            {
                table.Add(new ColumnDefinition("organizationid", AttributeTypeCode.Lookup) { Targets = new[] { "organization" }, ValidForCreate = false, ValidForUpdate = false });
            }

            table.Add(new ColumnDefinition("statecode", AttributeTypeCode.State)
            {
                Options = new[] { new OptionDefinition(0, "Active", defaultStatus: 1), new OptionDefinition(1, "Inactive", defaultStatus: 2) },
            });
            table.Add(new ColumnDefinition("statuscode", AttributeTypeCode.Status)
            {
                Options = new[] { new OptionDefinition(1, "Active", state: 0), new OptionDefinition(2, "Inactive", state: 1) },
            });
        }
    }
}
