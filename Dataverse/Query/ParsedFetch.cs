using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// A fetch as the parser read it: the <see cref="QueryExpression"/> it stands for (joins, filters, orders, paging), the fetch-level
    /// settings, and the columns an aggregate fetch groups or aggregates (or a plain fetch returns under an alias).
    /// </summary>
    internal sealed class ParsedFetch
    {
        /// <summary>The most rows an aggregate query may group, as Dataverse limits it (the AggregateQueryRecordLimit).</summary>
        public const int AggregateQueryRecordLimit = 50000;

        public ParsedFetch(string entityName, QueryExpression query)
        {
            EntityName = entityName;
            Query = query;
        }

        public string EntityName { get; }

        public QueryExpression Query { get; }

        public bool Aggregate { get; init; }

        public bool ReturnTotalRecordCount { get; init; }

        public int? PageSize { get; init; }

        public int? PageNumber { get; init; }

        public int AggregateLimit { get; set; } = AggregateQueryRecordLimit;

        /// <summary>Aliased columns (plain fetch) or aggregate and groupby columns (aggregate fetch), in document order.</summary>
        public List<FetchColumn> Columns { get; } = new List<FetchColumn>();

        public List<(string Alias, bool Descending)> AggregateOrders { get; } = new List<(string Alias, bool Descending)>();
    }
}
