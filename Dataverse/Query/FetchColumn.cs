using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>A requested column: where it comes from, its alias, and for an aggregate fetch how it aggregates or groups.</summary>
    internal sealed class FetchColumn
    {
        public FetchColumn(string? owner, string table, string attribute, string? alias)
        {
            Owner = owner;
            Table = table;
            Attribute = attribute;
            Alias = alias;
        }

        /// <summary>The link-entity alias, or null for the fetch's entity.</summary>
        public string? Owner { get; }

        public string Table { get; }

        public string Attribute { get; }

        public string? Alias { get; }

        /// <summary>The key the query engine returns the column under: the name, or "alias.name" for a link-entity's column.</summary>
        public string Key => Owner == null ? Attribute : Owner + "." + Attribute;

        public string? AggregateFunction { get; init; }

        public bool GroupBy { get; init; }

        public string? DateGrouping { get; init; }

        public bool Distinct { get; init; }

        public AttributeTypeCode? Type { get; init; }

        /// <summary>True when the same column is also requested without an alias, so it stays under its own name too.</summary>
        public bool AlsoUnaliased { get; set; }
    }
}
