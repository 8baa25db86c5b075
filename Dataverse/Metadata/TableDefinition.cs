using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Metadata
{
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
