using System;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>The catalog's tables and columns as the SDK's metadata classes, as RetrieveEntity, RetrieveAttribute and RetrieveAllEntities return them.</summary>
    internal static class SdkMetadata
    {
        /// <summary>
        /// What never changes in a table's answer, worked out once per table definition: its metadata id, its columns in the order
        /// RetrieveEntity lists them and their metadata ids (each a hash of a name). Every answer is still built fresh from these, as
        /// the platform deserializes a fresh copy for every call, so a caller that changes its copy changes nothing shared.
        /// </summary>
        private static readonly ConditionalWeakTable<TableDefinition, TableIds> Ids = new();

        private static TableIds IdsOf(TableDefinition table)
        {
            var ids = Ids.GetValue(table, definition => new TableIds(definition));

            // A definition is complete once the organization starts; one still being built (a column added since) is worked out again.
            return ids.Columns.Length == table.Columns.Count ? ids : new TableIds(table);
        }

        private sealed class TableIds
        {
            public TableIds(TableDefinition table)
            {
                Table = MetadataCatalog.NameId("table:" + table.Name);
                Columns = table.Columns.OrderBy(column => column.Name, StringComparer.Ordinal).ToArray();
                ColumnIds = Columns.ToDictionary(column => column.Name, column => MetadataCatalog.NameId("column:" + table.Name + "." + column.Name), StringComparer.Ordinal);
            }

            public Guid Table { get; }

            public ColumnDefinition[] Columns { get; }

            public System.Collections.Generic.Dictionary<string, Guid> ColumnIds { get; }
        }

        /// <summary>The SDK's <see cref="EntityMetadata"/> for a table, as RetrieveEntity returns it.</summary>
        public static EntityMetadata EntityMetadataOf(TableDefinition table, EntityFilters filters)
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
                MetadataId = IdsOf(table).Table,
            };
            if ((filters & EntityFilters.Attributes) != 0)
            {
                var ids = IdsOf(table);
                var attributes = new AttributeMetadata[ids.Columns.Length];
                for (var index = 0; index < attributes.Length; index++)
                {
                    attributes[index] = AttributeMetadataOf(table, ids.Columns[index], ids);
                }

                metadata.Attributes = attributes;
            }

            return metadata;
        }

        /// <summary>The SDK's <see cref="AttributeMetadata"/> subclass for a column, as RetrieveAttribute returns it.</summary>
        public static AttributeMetadata AttributeMetadataOf(TableDefinition table, ColumnDefinition column) => AttributeMetadataOf(table, column, IdsOf(table));

        private static AttributeMetadata AttributeMetadataOf(TableDefinition table, ColumnDefinition column, TableIds ids)
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
            metadata.IsSecured = column.IsSecured;
            metadata.DisplayName = column.DisplayName != null ? new Label(column.DisplayName, 1033) : null;
            metadata.MetadataId = ids.ColumnIds.TryGetValue(column.Name, out var id) ? id : MetadataCatalog.NameId("column:" + table.Name + "." + column.Name);
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
    }
}
