using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>An entity or link-entity of a fetch being read: its table, its alias (null for the entity), and where its parts go.</summary>
    internal sealed record FetchNode(string Table, string? Alias, ColumnSet Columns, IList<OrderExpression> Orders, IList<LinkEntity> Links);
}
