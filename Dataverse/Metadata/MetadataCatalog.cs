using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>
    /// The tables and columns the in-memory Dataverse knows, from two places, as the issue asks:
    /// the snapshot of standard tables kept in this project (Metadata/StandardTables.xml, embedded), and the solution
    /// folder's own customizations in the layout <c>pac solution unpack</c> writes (Entities/*/Entity.xml, OptionSets/*.xml,
    /// Other/Relationships/*.xml). A custom table gets the system columns the platform adds to every new table.
    /// Privileges come the same way: the standard tables' from Metadata/StandardPrivileges.xml (embedded), a custom table's
    /// derived from its schema name, ownership and activity flag as the platform creates them.
    /// </summary>
    public sealed class MetadataCatalog
    {
        private const string StandardResource = "LeadAlign.Dataverse.Metadata.StandardTables.xml";
        private const string PrivilegeResource = "LeadAlign.Dataverse.Metadata.StandardPrivileges.xml";
        private readonly Dictionary<string, TableDefinition> _tables = new(StringComparer.Ordinal);
        private readonly Dictionary<string, RelationshipDefinition> _relationships = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PrivilegeDefinition> _privileges = new(StringComparer.Ordinal);

        public IReadOnlyCollection<TableDefinition> Tables => _tables.Values;

        public IReadOnlyCollection<RelationshipDefinition> Relationships => _relationships.Values;

        /// <summary>Every table privilege of the catalog's tables.</summary>
        public IReadOnlyCollection<PrivilegeDefinition> Privileges => _privileges.Values;

        /// <summary>The standard-table snapshot alone.</summary>
        public static MetadataCatalog Standard()
        {
            using var stream = typeof(MetadataCatalog).Assembly.GetManifestResourceStream(StandardResource)
                ?? throw new InvalidOperationException($"The embedded resource {StandardResource} is missing from LeadAlign.Dataverse.");
            var catalog = new MetadataCatalog();
            catalog.AddSnapshot(XDocument.Load(stream));
            using var privileges = typeof(MetadataCatalog).Assembly.GetManifestResourceStream(PrivilegeResource)
                ?? throw new InvalidOperationException($"The embedded resource {PrivilegeResource} is missing from LeadAlign.Dataverse.");
            catalog.AddPrivilegeSnapshot(XDocument.Load(privileges));
            catalog.AddRelationship(RelationshipDefinition.ManyToMany("teammembership_association", "teammembership", "team", "teamid", "systemuser", "systemuserid"));
            catalog.AddRelationship(RelationshipDefinition.ManyToMany("systemuserroles_association", "systemuserroles", "systemuser", "systemuserid", "role", "roleid"));
            return catalog;
        }

        /// <summary>The standard tables plus the customizations of the unpacked solution in <paramref name="solutionFolder"/>.</summary>
        public static MetadataCatalog ForSolution(string solutionFolder)
        {
            var catalog = Standard();
            catalog.AddSolution(solutionFolder);
            return catalog;
        }

        public TableDefinition? Table(string name) => name != null && _tables.TryGetValue(name, out var table) ? table : null;

        /// <summary>The table, or the platform's fault for an unknown table.</summary>
        public TableDefinition RequireTable(string name) => Table(name) ?? throw DataverseFault.UnknownTable(name);

        /// <summary>The column, or the platform's fault naming the table and column.</summary>
        public ColumnDefinition RequireColumn(string table, string column) =>
            RequireTable(table).Column(column) ?? throw DataverseFault.UnknownColumn(table, column);

        public RelationshipDefinition? Relationship(string schemaName) =>
            _relationships.TryGetValue(schemaName, out var relationship) ? relationship : null;

        /// <summary>The privilege of that exact name (privilege names are written as the platform writes them), or null.</summary>
        public PrivilegeDefinition? Privilege(string name) => name != null && _privileges.TryGetValue(name, out var privilege) ? privilege : null;

        /// <summary>The privileges that govern <paramref name="table"/>, by access right: none for a table without privileges of its own.</summary>
        public IEnumerable<PrivilegeDefinition> PrivilegesOf(string table) =>
            _privileges.Values.Where(privilege => privilege.Tables.Contains(table, StringComparer.Ordinal)).OrderBy(privilege => privilege.AccessRight);

        public void AddPrivilege(PrivilegeDefinition privilege) => _privileges[privilege.Name] = privilege;

        public IEnumerable<TableDefinition> ActivityTables => _tables.Values.Where(table => table.IsActivity && table.Name != "activitypointer");

        public void Add(TableDefinition table) => _tables[table.Name] = table;

        public void AddRelationship(RelationshipDefinition relationship) => _relationships[relationship.SchemaName] = relationship;

        /// <summary>Reads the snapshot format of Metadata/StandardTables.xml.</summary>
        public void AddSnapshot(XDocument snapshot)
        {
            foreach (var element in snapshot.Root?.Elements("table") ?? Enumerable.Empty<XElement>())
            {
                var table = new TableDefinition(
                    Required(element, "name"),
                    Required(element, "primaryid"),
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

                Add(table);
            }
        }

        /// <summary>
        /// Reads the snapshot format of Metadata/StandardPrivileges.xml: per table its privileges (name, access right, depths),
        /// or <c>privilegesof</c> the table whose privileges it uses.
        /// </summary>
        public void AddPrivilegeSnapshot(XDocument snapshot)
        {
            var tables = snapshot.Root?.Elements("table").ToList() ?? new List<XElement>();
            foreach (var table in tables)
            {
                foreach (var privilege in table.Elements("privilege"))
                {
                    AddPrivilege(new PrivilegeDefinition(
                        Required(privilege, "name"),
                        Enum.Parse<AccessRight>(Required(privilege, "right")),
                        Enum.Parse<PrivilegeDepths>(Required(privilege, "depths")),
                        new[] { Required(table, "name") }));
                }
            }

            foreach (var table in tables.Where(table => table.Attribute("privilegesof") != null))
            {
                var owner = (string)table.Attribute("privilegesof")!;
                var shared = PrivilegesOf(owner).ToList();
                if (shared.Count == 0)
                {
                    throw new InvalidDataException($"The <table> element{LineOf(table)} uses the privileges of {owner}, which has none.");
                }

                foreach (var privilege in shared)
                {
                    AddPrivilege(privilege.WithTable(Required(table, "name")));
                }
            }
        }

        /// <summary>
        /// A new custom table's privileges, as the platform creates them: an activity table uses the activity privileges
        /// (prvCreateActivity, …); any other table gets prv + access right + its schema name as written, all four depths and
        /// Assign and Share when user-owned, Global only and no Assign or Share when organization-owned.
        /// </summary>
        private void AddCustomTablePrivileges(TableDefinition table)
        {
            if (table.IsActivity)
            {
                foreach (var privilege in PrivilegesOf("activitypointer").ToList())
                {
                    AddPrivilege(privilege.WithTable(table.Name));
                }

                return;
            }

            foreach (var right in Enum.GetValues<AccessRight>())
            {
                if (!table.IsUserOwned && (right == AccessRight.Assign || right == AccessRight.Share))
                {
                    continue;
                }

                AddPrivilege(new PrivilegeDefinition("prv" + right + (table.SchemaName ?? table.Name), right, table.IsUserOwned ? PrivilegeDepths.All : PrivilegeDepths.Global, new[] { table.Name }));
            }
        }

        private static ColumnDefinition SnapshotColumn(XElement column)
        {
            var typeName = Required(column, "type");
            var multiSelect = typeName == "MultiSelectPicklist";
            var type = multiSelect ? AttributeTypeCode.Virtual : Enum.Parse<AttributeTypeCode>(typeName);
            return new ColumnDefinition(Required(column, "name"), type)
            {
                IsMultiSelect = multiSelect,
                Targets = Split((string?)column.Attribute("targets")),
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

        /// <summary>Reads an unpacked solution's tables, columns, global choices and relationships.</summary>
        public void AddSolution(string solutionFolder)
        {
            var globalOptionSets = new Dictionary<string, IReadOnlyList<OptionDefinition>>(StringComparer.OrdinalIgnoreCase);
            var optionSetFolder = Path.Combine(solutionFolder, "OptionSets");
            if (Directory.Exists(optionSetFolder))
            {
                foreach (var file in Directory.EnumerateFiles(optionSetFolder, "*.xml").OrderBy(path => path, StringComparer.Ordinal))
                {
                    var optionSet = XDocument.Load(file).Root!;
                    globalOptionSets[Required(optionSet, "Name")] = SolutionOptions(optionSet);
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
                .GroupBy(relationship => Key((string?)relationship.Element("ReferencingEntityName"), (string?)relationship.Element("ReferencingAttributeName")))
                .ToDictionary(group => group.Key, group => (IReadOnlyList<string>)group.Select(relationship => ((string?)relationship.Element("ReferencedEntityName") ?? string.Empty).ToLowerInvariant()).Distinct().ToList(), StringComparer.Ordinal);

            var entitiesFolder = Path.Combine(solutionFolder, "Entities");
            if (Directory.Exists(entitiesFolder))
            {
                foreach (var file in Directory.EnumerateFiles(entitiesFolder, "Entity.xml", SearchOption.AllDirectories).OrderBy(path => path, StringComparer.Ordinal))
                {
                    AddSolutionEntity(XDocument.Load(file, LoadOptions.SetLineInfo), globalOptionSets, lookupTargets, file);
                }
            }

            foreach (var relationship in relationships)
            {
                var name = Required(relationship, "Name");
                if ((string?)relationship.Element("EntityRelationshipType") == "OneToMany")
                {
                    AddRelationship(RelationshipDefinition.OneToMany(
                        name,
                        ((string?)relationship.Element("ReferencedEntityName") ?? string.Empty).ToLowerInvariant(),
                        ((string?)relationship.Element("ReferencingEntityName") ?? string.Empty).ToLowerInvariant(),
                        ((string?)relationship.Element("ReferencingAttributeName") ?? string.Empty).ToLowerInvariant()));
                }
                else
                {
                    AddRelationship(RelationshipDefinition.ManyToMany(
                        name,
                        ((string?)relationship.Element("IntersectEntityName") ?? string.Empty).ToLowerInvariant(),
                        ((string?)relationship.Element("FirstEntityName") ?? string.Empty).ToLowerInvariant(),
                        ((string?)relationship.Element("FirstEntityIntersectAttributeName") ?? string.Empty).ToLowerInvariant(),
                        ((string?)relationship.Element("SecondEntityName") ?? string.Empty).ToLowerInvariant(),
                        ((string?)relationship.Element("SecondEntityIntersectAttributeName") ?? string.Empty).ToLowerInvariant()));
                }
            }
        }

        private void AddSolutionEntity(
            XDocument document,
            IReadOnlyDictionary<string, IReadOnlyList<OptionDefinition>> globalOptionSets,
            IReadOnlyDictionary<string, IReadOnlyList<string>> lookupTargets,
            string file)
        {
            var entity = document.Root?.Element("EntityInfo")?.Element("entity")
                ?? throw new InvalidDataException($"{file}: no EntityInfo/entity element.");
            var name = Required(entity, "Name").ToLowerInvariant();
            var attributes = entity.Element("attributes")?.Elements("attribute").ToList() ?? new List<XElement>();
            var table = Table(name);
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
                    SchemaName = Required(entity, "Name"),
                    EntitySetName = (string?)entity.Element("EntitySetName"),
                    IsActivity = isActivity,
                    IsCustom = true,
                    DisplayName = Label(document.Root?.Element("Name")?.Attribute("LocalizedName")?.Value, entity.Element("LocalizedNames")),
                };
                AddSystemColumns(table);
                if (table.IsActivity && Table("activitypointer") is { } pointer)
                {
                    // A custom activity table has every column activities share, as the platform creates it.
                    foreach (var column in pointer.Columns.Where(column => !table.HasColumn(column.Name) && column.Name != pointer.PrimaryId))
                    {
                        table.Add(column);
                    }
                }

                Add(table);
                AddCustomTablePrivileges(table);
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
            var logicalName = ((string?)attribute.Element("LogicalName") ?? Required(attribute, "PhysicalName")).ToLowerInvariant();
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
                Targets = lookupTargets.TryGetValue(Key(table, logicalName), out var targets) ? targets : Array.Empty<string>(),
                Options = options,
                MaxLength = (int?)attribute.Element("MaxLength") ?? (int?)attribute.Element("Length"),
                MinValue = Decimal((string?)attribute.Element("MinValue")),
                MaxValue = Decimal((string?)attribute.Element("MaxValue")),
                DateOnly = string.Equals(format, "date", StringComparison.OrdinalIgnoreCase) || string.Equals(format, "dateonly", StringComparison.OrdinalIgnoreCase),
                ValidForCreate = (string?)attribute.Element("ValidForCreateApi") != "0",
                ValidForUpdate = (string?)attribute.Element("ValidForUpdateApi") != "0",
                DisplayName = Label(null, attribute.Element("displaynames")),
            };
        }

        private static IReadOnlyList<OptionDefinition> SolutionOptions(XElement optionSet)
        {
            var states = optionSet.Element("states")?.Elements("state") ?? Enumerable.Empty<XElement>();
            var statuses = optionSet.Element("statuses")?.Elements("status") ?? Enumerable.Empty<XElement>();
            var options = optionSet.Element("options")?.Elements("option") ?? Enumerable.Empty<XElement>();
            return options.Select(option => new OptionDefinition((int)option.Attribute("value")!, Label(null, option.Element("labels")) ?? string.Empty))
                .Concat(states.Select(state => new OptionDefinition((int)state.Attribute("value")!, Label(null, state.Element("labels")) ?? string.Empty, defaultStatus: (int?)state.Attribute("defaultstatus"))))
                .Concat(statuses.Select(status => new OptionDefinition((int)status.Attribute("value")!, Label(null, status.Element("labels")) ?? string.Empty, state: (int?)status.Attribute("state"))))
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

        /// <summary>The SDK's <see cref="EntityMetadata"/> for a table, as RetrieveEntity returns it.</summary>
        public EntityMetadata ToEntityMetadata(TableDefinition table, EntityFilters filters)
        {
            var metadata = new EntityMetadata
            {
                LogicalName = table.Name,
                SchemaName = table.SchemaName ?? table.Name,
                EntitySetName = table.EntitySetName,
                OwnershipType = table.Ownership,
                IsActivity = table.IsActivity,
                DisplayName = table.DisplayName != null ? new Label(table.DisplayName, 1033) : null,
                ObjectTypeCode = table.ObjectTypeCode,
                PrimaryIdAttribute = table.PrimaryId,
                PrimaryNameAttribute = table.PrimaryName,
                IsCustomEntity = table.IsCustom,
                IsIntersect = table.IsIntersect,
                IsSLAEnabled = table.IsSlaEnabled,
                MetadataId = NameId("table:" + table.Name),
            };
            if ((filters & EntityFilters.Attributes) != 0)
            {
                metadata.Attributes = table.Columns.OrderBy(column => column.Name, StringComparer.Ordinal).Select(column => ToAttributeMetadata(table, column)).ToArray();
            }

            return metadata;
        }

        /// <summary>The SDK's <see cref="AttributeMetadata"/> subclass for a column, as RetrieveAttribute returns it.</summary>
        public static AttributeMetadata ToAttributeMetadata(TableDefinition table, ColumnDefinition column)
        {
            AttributeMetadata metadata = column.Type switch
            {
                AttributeTypeCode.String => new StringAttributeMetadata { MaxLength = column.MaxLength },
                AttributeTypeCode.Memo => new MemoAttributeMetadata { MaxLength = column.MaxLength },
                AttributeTypeCode.Integer => new IntegerAttributeMetadata { MinValue = (int?)column.MinValue, MaxValue = (int?)column.MaxValue },
                AttributeTypeCode.BigInt => new BigIntAttributeMetadata(),
                AttributeTypeCode.Decimal => new DecimalAttributeMetadata { MinValue = column.MinValue, MaxValue = column.MaxValue },
                AttributeTypeCode.Double => new DoubleAttributeMetadata { MinValue = (double?)column.MinValue, MaxValue = (double?)column.MaxValue },
                AttributeTypeCode.Money => new MoneyAttributeMetadata { MinValue = (double?)column.MinValue, MaxValue = (double?)column.MaxValue },
                AttributeTypeCode.Boolean => new BooleanAttributeMetadata { OptionSet = BooleanOptionSet(column) },
                AttributeTypeCode.DateTime => new DateTimeAttributeMetadata(column.DateOnly ? DateTimeFormat.DateOnly : DateTimeFormat.DateAndTime),
                AttributeTypeCode.Lookup or AttributeTypeCode.Customer or AttributeTypeCode.Owner or AttributeTypeCode.PartyList =>
                    new LookupAttributeMetadata { Targets = column.Targets.ToArray() },
                AttributeTypeCode.Picklist => new PicklistAttributeMetadata { OptionSet = OptionSet(column) },
                AttributeTypeCode.Virtual when column.IsMultiSelect => new MultiSelectPicklistAttributeMetadata { OptionSet = OptionSet(column) },
                AttributeTypeCode.State => new StateAttributeMetadata { OptionSet = StateOptionSet(column) },
                AttributeTypeCode.Status => new StatusAttributeMetadata { OptionSet = StatusOptionSet(column) },
                AttributeTypeCode.Uniqueidentifier => new UniqueIdentifierAttributeMetadata(),
                AttributeTypeCode.EntityName => new EntityNameAttributeMetadata(),
                _ => new AttributeMetadata(),
            };
            metadata.LogicalName = column.Name;
            metadata.SchemaName = column.Name;
            metadata.EntityLogicalName = table.Name;
            metadata.AttributeType = column.Type;
            metadata.IsValidForCreate = column.ValidForCreate;
            metadata.IsValidForUpdate = column.ValidForUpdate;
            metadata.IsValidForRead = true;
            metadata.IsPrimaryId = column.Name == table.PrimaryId;
            metadata.IsPrimaryName = column.Name == table.PrimaryName;
            metadata.IsCustomAttribute = column.IsCustom;
            metadata.DisplayName = column.DisplayName != null ? new Label(column.DisplayName, 1033) : null;
            metadata.MetadataId = NameId("column:" + table.Name + "." + column.Name);
            return metadata;
        }

        /// <summary>A Yes/No column's two options (value 1 true, 0 false) with their labels; null when the column declares none.</summary>
        private static BooleanOptionSetMetadata? BooleanOptionSet(ColumnDefinition column) =>
            column.Option(1) is { } yes && column.Option(0) is { } no
                ? new BooleanOptionSetMetadata(new OptionMetadata(new Label(yes.Label, 1033), 1), new OptionMetadata(new Label(no.Label, 1033), 0))
                : null;

        private static OptionSetMetadata OptionSet(ColumnDefinition column) =>
            new(new OptionMetadataCollection(column.Options.Select(option => new OptionMetadata(new Label(option.Label, 1033), option.Value)).ToList()));

        private static OptionSetMetadata StateOptionSet(ColumnDefinition column) =>
            new(new OptionMetadataCollection(column.Options
                .Select(option => (OptionMetadata)new StateOptionMetadata { Value = option.Value, Label = new Label(option.Label, 1033), DefaultStatus = option.DefaultStatus })
                .ToList()));

        private static OptionSetMetadata StatusOptionSet(ColumnDefinition column) =>
            new(new OptionMetadataCollection(column.Options
                .Select(option => (OptionMetadata)new StatusOptionMetadata(option.Value, option.State) { Label = new Label(option.Label, 1033) })
                .ToList()));

        /// <summary>A stable id derived from a name, so metadata ids are the same on every run.</summary>
        public static Guid NameId(string name)
        {
            var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
            var bytes = new byte[16];
            Array.Copy(hash, bytes, 16);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes);
        }

        private static string Key(string? table, string? column) => (table ?? string.Empty).ToLowerInvariant() + "." + (column ?? string.Empty).ToLowerInvariant();

        private static decimal? Decimal(string? text) =>
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

        private static string? Label(string? fallback, XElement? labels) =>
            labels?.Elements().Where(label => (string?)label.Attribute("languagecode") == "1033").Select(label => (string?)label.Attribute("description")).FirstOrDefault()
            ?? fallback;

        private static IReadOnlyList<string> Split(string? list) =>
            string.IsNullOrWhiteSpace(list) ? Array.Empty<string>() : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        private static string Required(XElement element, string attribute) =>
            (string?)element.Attribute(attribute)
            ?? throw new InvalidDataException($"The <{element.Name.LocalName}> element{LineOf(element)} has no {attribute} attribute.");

        private static string LineOf(XElement element) =>
            element is System.Xml.IXmlLineInfo info && info.HasLineInfo() ? " on line " + info.LineNumber.ToString(CultureInfo.InvariantCulture) : string.Empty;
    }
}
