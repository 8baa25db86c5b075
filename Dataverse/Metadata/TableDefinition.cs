using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>One choice of a choice, state or status column. State options name their default status; status options their state.</summary>
    public sealed class OptionDefinition
    {
        public OptionDefinition(int value, string label, int? state = null, int? defaultStatus = null)
        {
            Value = value;
            Label = label ?? string.Empty;
            State = state;
            DefaultStatus = defaultStatus;
        }

        public int Value { get; }

        public string Label { get; }

        public int? State { get; }

        public int? DefaultStatus { get; }
    }

    /// <summary>A column as the in-memory Dataverse checks writes against it.</summary>
    public sealed class ColumnDefinition
    {
        public ColumnDefinition(string name, AttributeTypeCode type)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Type = type;
        }

        public string Name { get; }

        public AttributeTypeCode Type { get; }

        /// <summary>True for a multi-select choice column (AttributeTypeCode Virtual, as the platform reports it).</summary>
        public bool IsMultiSelect { get; init; }

        public IReadOnlyList<string> Targets { get; init; } = Array.Empty<string>();

        public IReadOnlyList<OptionDefinition> Options { get; init; } = Array.Empty<OptionDefinition>();

        public int? MaxLength { get; init; }

        public decimal? MinValue { get; init; }

        public decimal? MaxValue { get; init; }

        public bool DateOnly { get; init; }

        public bool ValidForCreate { get; init; } = true;

        public bool ValidForUpdate { get; init; } = true;

        public string? DisplayName { get; init; }

        public bool IsCustom { get; init; }

        /// <summary>The CLR type a value of this column has in an <see cref="Microsoft.Xrm.Sdk.Entity"/>.</summary>
        public Type ValueType => Type switch
        {
            AttributeTypeCode.String or AttributeTypeCode.Memo or AttributeTypeCode.EntityName => typeof(string),
            AttributeTypeCode.Integer => typeof(int),
            AttributeTypeCode.BigInt => typeof(long),
            AttributeTypeCode.Decimal => typeof(decimal),
            AttributeTypeCode.Double => typeof(double),
            AttributeTypeCode.Money => typeof(Microsoft.Xrm.Sdk.Money),
            AttributeTypeCode.Boolean => typeof(bool),
            AttributeTypeCode.DateTime => typeof(DateTime),
            AttributeTypeCode.Lookup or AttributeTypeCode.Customer or AttributeTypeCode.Owner => typeof(Microsoft.Xrm.Sdk.EntityReference),
            AttributeTypeCode.Picklist or AttributeTypeCode.State or AttributeTypeCode.Status => typeof(Microsoft.Xrm.Sdk.OptionSetValue),
            AttributeTypeCode.Uniqueidentifier => typeof(Guid),
            AttributeTypeCode.PartyList => typeof(Microsoft.Xrm.Sdk.EntityCollection),
            AttributeTypeCode.Virtual when IsMultiSelect => typeof(Microsoft.Xrm.Sdk.OptionSetValueCollection),
            _ => typeof(object),
        };

        public OptionDefinition? Option(int value) => Options.FirstOrDefault(option => option.Value == value);
    }

    /// <summary>A table: its keys, ownership and columns.</summary>
    public sealed class TableDefinition
    {
        private readonly Dictionary<string, ColumnDefinition> _columns = new(StringComparer.Ordinal);

        public TableDefinition(string name, string primaryId, string? primaryName, OwnershipTypes ownership)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            PrimaryId = primaryId ?? throw new ArgumentNullException(nameof(primaryId));
            PrimaryName = primaryName;
            Ownership = ownership;
        }

        public string Name { get; }

        public string PrimaryId { get; }

        public string? PrimaryName { get; }

        public OwnershipTypes Ownership { get; }

        public string? SchemaName { get; init; }

        public string? EntitySetName { get; init; }

        public int? ObjectTypeCode { get; init; }

        public bool IsActivity { get; init; }

        public bool IsCustom { get; init; }

        public bool IsIntersect { get; init; }

        public string? DisplayName { get; init; }

        /// <summary>
        /// The table setting "Enable for SLA" (EntityMetadata.IsSLAEnabled): only rows of such a table can be the regarding row of
        /// an SLA KPI instance. Settable because a solution's Entity.xml can switch it on for a standard table; the platform never
        /// switches it off again.
        /// </summary>
        public bool IsSlaEnabled { get; set; }

        public IReadOnlyCollection<ColumnDefinition> Columns => _columns.Values;

        public bool IsUserOwned => Ownership == OwnershipTypes.UserOwned || Ownership == OwnershipTypes.TeamOwned;

        public ColumnDefinition? Column(string name) => _columns.TryGetValue(name, out var column) ? column : null;

        public bool HasColumn(string name) => _columns.ContainsKey(name);

        /// <summary>Adds the column, or replaces a column of the same name (a solution may extend a standard column's choices).</summary>
        public void Add(ColumnDefinition column) => _columns[column.Name] = column;

        /// <summary>The status a row gets in <paramref name="state"/> when no status is given.</summary>
        public int? DefaultStatus(int state) => Column("statecode")?.Option(state)?.DefaultStatus
            ?? Column("statuscode")?.Options.FirstOrDefault(option => option.State == state)?.Value;
    }
}
