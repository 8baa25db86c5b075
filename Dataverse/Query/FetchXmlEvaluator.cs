using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// Runs a plain (not aggregate) fetch: the <see cref="QueryExpression"/> it stands for runs through the <see cref="QueryEngine"/>,
    /// with a link-entity's orders applied after the entity's, as Dataverse applies them; an aliased column comes back as an
    /// <see cref="AliasedValue"/> under its alias.
    /// </summary>
    internal sealed class FetchXmlEvaluator
    {
        private readonly QueryEngine _queryEngine;

        public FetchXmlEvaluator(QueryEngine queryEngine)
        {
            _queryEngine = queryEngine;
        }

        /// <summary>The rows of a plain fetch, with aliased columns renamed.</summary>
        public EntityCollection Execute(ParsedFetch fetch)
        {
            var query = fetch.Query;

            // Dataverse applies a link-entity's orders after the entity's: lift them to the query, under the link's alias.
            foreach (var link in RowOrdering.Flatten(query.LinkEntities, each => each.LinkEntities))
            {
                foreach (var order in link.Orders)
                {
                    query.Orders.Add(new OrderExpression(order.AttributeName, order.OrderType) { EntityName = link.EntityAlias });
                }

                link.Orders.Clear();
            }

            var result = _queryEngine.Execute(query);
            var paging = query.PageInfo.Count > 0;
            if (fetch.ReturnTotalRecordCount && !paging && !query.TopCount.HasValue)
            {
                result.TotalRecordCount = result.Entities.Count;
            }

            foreach (var row in result.Entities)
            {
                ApplyAliases(row, fetch);
            }

            return result;
        }

        /// <summary>Renames aliased columns: the value comes back as an AliasedValue under the alias, no longer under its default name.</summary>
        private static void ApplyAliases(Entity row, ParsedFetch fetch)
        {
            var renamed = new Dictionary<string, object>(StringComparer.Ordinal);
            var dropped = new HashSet<string>(StringComparer.Ordinal);
            foreach (var column in fetch.Columns.Where(c => c.Alias != null))
            {
                var key = column.Key;
                if (!row.Attributes.TryGetValue(key, out var value) || value == null)
                {
                    continue;
                }

                renamed[column.Alias!] = value is AliasedValue aliased
                    ? aliased
                    : new AliasedValue(column.Table, column.Attribute, value);
                if (!column.AlsoUnaliased)
                {
                    dropped.Add(key);
                }
            }

            foreach (var key in dropped)
            {
                row.Attributes.Remove(key);
            }

            foreach (var pair in renamed)
            {
                row[pair.Key] = pair.Value;
            }
        }
    }
}
