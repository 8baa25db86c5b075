using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// How Dataverse orders rows, as SQL Server sorts them: by each column in turn, nulls first when ascending, values compared as
    /// the <see cref="ConditionEvaluator"/> compares them (lookups by id, choices by value, money by amount, strings case-insensitively).
    /// Shared by the <see cref="QueryEngine"/> (rows) and the FetchXML aggregator (groups).
    /// </summary>
    internal static class RowOrdering
    {
        /// <summary>
        /// The rows ordered by <paramref name="orders"/>: each names the key a row holds its value under (a column, "alias.column"
        /// for a linked table's column, or an aggregate's alias). Without orders the rows keep their order.
        /// </summary>
        public static List<Entity> Sort(List<Entity> rows, IReadOnlyList<(string Key, bool Descending)> orders)
        {
            if (orders.Count == 0)
            {
                return rows;
            }

            var comparer = Comparer<object?>.Create(CompareNullsFirst);
            IOrderedEnumerable<Entity>? ordered = null;
            foreach (var (column, descending) in orders)
            {
                Func<Entity, object?> key = row => ConditionEvaluator.Normalize(row.Attributes.TryGetValue(column, out var value) ? value : null);
                ordered = ordered == null
                    ? descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer)
                    : descending ? ordered.ThenByDescending(key, comparer) : ordered.ThenBy(key, comparer);
            }

            return ordered!.ToList();
        }

        /// <summary>Compares two normalized values; null sorts before any value.</summary>
        public static int CompareNullsFirst(object? left, object? right)
        {
            if (left == null || right == null)
            {
                return left == null ? (right == null ? 0 : -1) : 1;
            }

            return ConditionEvaluator.Compare(left, right);
        }

        /// <summary>Every node of a tree of links (link-entities within link-entities), depth first, parents before their children.</summary>
        public static IEnumerable<T> Flatten<T>(IEnumerable<T> links, Func<T, IEnumerable<T>> children) =>
            links.SelectMany(link => new[] { link }.Concat(Flatten(children(link), children)));
    }
}
