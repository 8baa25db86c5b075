using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// Runs a <see cref="QueryExpression"/> over rows as Dataverse does: inner and left-outer links whose columns come back as
    /// <see cref="AliasedValue"/> under "alias.column" (alias defaulting to the linked table's name and a number), criteria,
    /// orders (nulls first when ascending, as SQL Server sorts), Distinct, TopCount, and paging with MoreRecords and a paging cookie.
    /// Only the requested columns come back, plus the primary id. Rows are never returned by reference: callers may change them.
    /// Not modelled yet: the Exists/In/Any/All link operators and aggregates (FetchXML).
    /// </summary>
    public sealed class QueryEngine
    {
        private readonly Func<string, IEnumerable<Entity>> _rowsOf;
        private readonly Func<string, string> _primaryIdOf;
        private readonly ConditionEvaluator _evaluator;

        public QueryEngine(Func<string, IEnumerable<Entity>> rowsOf, Func<string, string> primaryIdOf, ConditionEvaluator evaluator)
        {
            _rowsOf = rowsOf ?? throw new ArgumentNullException(nameof(rowsOf));
            _primaryIdOf = primaryIdOf ?? throw new ArgumentNullException(nameof(primaryIdOf));
            _evaluator = evaluator ?? throw new ArgumentNullException(nameof(evaluator));
        }

        public EntityCollection Execute(QueryExpression query)
        {
            if (query == null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            var paging = query.PageInfo != null && query.PageInfo.Count > 0;
            if (paging && query.TopCount.HasValue)
            {
                throw new InvalidOperationException("The top count cannot be specified with paging: set either TopCount or PageInfo.Count, not both.");
            }

            var aliases = new Dictionary<string, int>(StringComparer.Ordinal);
            var links = query.LinkEntities.Select(link => Resolve(link, aliases)).ToList();
            List<Entity> matching;
            if (links.Count == 0)
            {
                // Without links the criteria can only name the table's own columns: filter the stored rows before copying them.
                var idOfTable = _primaryIdOf(query.EntityName);
                matching = _rowsOf(query.EntityName)
                    .Where(row => _evaluator.Matches(row.Contains(idOfTable) ? row : WithPrimaryId(row), query.Criteria))
                    .Select(WithPrimaryId)
                    .ToList();
            }
            else
            {
                var joined = _rowsOf(query.EntityName).Select(WithPrimaryId).ToList();
                foreach (var link in links)
                {
                    joined = joined.SelectMany(row => Join(row, link)).ToList();
                }

                matching = joined.Where(row => _evaluator.Matches(row, query.Criteria)).ToList();
            }

            var ordered = RowOrdering.Sort(matching, query.Orders
                .Select(order => (string.IsNullOrEmpty(order.EntityName) ? order.AttributeName : order.EntityName + "." + order.AttributeName, order.OrderType != OrderType.Ascending))
                .ToList());
            var projected = ordered.Select(row => Project(row, query, links)).ToList();
            if (query.Distinct)
            {
                projected = projected.GroupBy(DistinctKey).Select(group => group.First()).ToList();
            }

            var result = new EntityCollection { EntityName = query.EntityName };
            if (query.TopCount.HasValue)
            {
                result.Entities.AddRange(projected.Take(query.TopCount.Value));
                return result;
            }

            if (!paging)
            {
                result.Entities.AddRange(projected);
                return result;
            }

            var page = Math.Max(1, query.PageInfo!.PageNumber);
            var pageRows = projected.Skip((page - 1) * query.PageInfo.Count).Take(query.PageInfo.Count).ToList();
            result.Entities.AddRange(pageRows);
            result.MoreRecords = projected.Count > page * query.PageInfo.Count;
            if (query.PageInfo.ReturnTotalRecordCount)
            {
                result.TotalRecordCount = projected.Count;
            }

            if (pageRows.Count > 0)
            {
                var idName = _primaryIdOf(query.EntityName);
                result.PagingCookie = string.Format(
                    CultureInfo.InvariantCulture,
                    "<cookie page=\"{0}\"><{1} last=\"{{{2}}}\" first=\"{{{3}}}\" /></cookie>",
                    page,
                    SecurityElement.Escape(idName),
                    pageRows[pageRows.Count - 1].Id.ToString().ToUpperInvariant(),
                    pageRows[0].Id.ToString().ToUpperInvariant());
            }

            return result;
        }

        /// <summary>Runs a QueryByAttribute as the QueryExpression it stands for: each attribute equal to its value, joined with AND.</summary>
        public EntityCollection Execute(QueryByAttribute query)
        {
            if (query == null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            if (query.Attributes.Count != query.Values.Count)
            {
                throw new FormatException("A QueryByAttribute needs one value for each attribute: it has " + query.Attributes.Count + " attributes and " + query.Values.Count + " values.");
            }

            var expression = new QueryExpression(query.EntityName)
            {
                ColumnSet = query.ColumnSet ?? new ColumnSet(),
                PageInfo = query.PageInfo ?? new PagingInfo(),
                TopCount = query.TopCount,
            };
            for (var i = 0; i < query.Attributes.Count; i++)
            {
                expression.Criteria.AddCondition(query.Values[i] == null
                    ? new ConditionExpression(query.Attributes[i], ConditionOperator.Null)
                    : new ConditionExpression(query.Attributes[i], ConditionOperator.Equal, query.Values[i]));
            }

            expression.Orders.AddRange(query.Orders);
            return Execute(expression);
        }

        private ResolvedLink Resolve(LinkEntity link, Dictionary<string, int> aliases)
        {
            var alias = link.EntityAlias;
            if (string.IsNullOrEmpty(alias))
            {
                aliases.TryGetValue(link.LinkToEntityName, out var count);
                aliases[link.LinkToEntityName] = ++count;
                alias = link.LinkToEntityName + count.ToString(CultureInfo.InvariantCulture);
            }

            if (link.JoinOperator != JoinOperator.Inner && link.JoinOperator != JoinOperator.LeftOuter)
            {
                throw new NotSupportedException("The in-memory Dataverse does not evaluate the link operator " + link.JoinOperator + " (link to " + link.LinkToEntityName + ").");
            }

            return new ResolvedLink(link, alias!, link.LinkEntities.Select(child => Resolve(child, aliases)).ToList());
        }

        /// <summary>The row joined with each matching row of the linked table (or, for an outer link without a match, alone).</summary>
        private IEnumerable<Entity> Join(Entity row, ResolvedLink link, string? fromAlias = null)
        {
            var fromColumn = fromAlias == null ? link.Link.LinkFromAttributeName : fromAlias + "." + link.Link.LinkFromAttributeName;
            var key = ConditionEvaluator.Normalize(row.Attributes.TryGetValue(fromColumn, out var from) ? from : null);
            var matches = key == null
                ? new List<Entity>()
                : _rowsOf(link.Link.LinkToEntityName)
                    .Where(candidate => ConditionEvaluator.Normalize(candidate.Attributes.TryGetValue(link.Link.LinkToAttributeName, out var to) ? to : link.Link.LinkToAttributeName == _primaryIdOf(candidate.LogicalName) ? candidate.Id : null) is { } value
                        && ConditionEvaluator.Compare(key, value) == 0)
                    .Select(candidate => WithPrimaryId(candidate))
                    .Where(candidate => _evaluator.Matches(candidate, link.Link.LinkCriteria))
                    .ToList();

            if (matches.Count == 0)
            {
                if (link.Link.JoinOperator == JoinOperator.LeftOuter)
                {
                    yield return row;
                }

                yield break;
            }

            foreach (var match in matches)
            {
                var joined = Copy(row);
                foreach (var column in match.Attributes)
                {
                    joined[link.Alias + "." + column.Key] = new AliasedValue(link.Link.LinkToEntityName, column.Key, column.Value);
                }

                IEnumerable<Entity> results = new[] { joined };
                foreach (var child in link.Children)
                {
                    results = results.SelectMany(partial => Join(partial, child, link.Alias)).ToList();
                }

                foreach (var result in results)
                {
                    yield return result;
                }
            }
        }

        /// <summary>A copy of the row with its primary id as a column, as Dataverse rows always have it.</summary>
        private Entity WithPrimaryId(Entity row)
        {
            var copy = Copy(row);
            var idName = _primaryIdOf(row.LogicalName);
            if (!copy.Contains(idName))
            {
                copy[idName] = row.Id;
            }

            return copy;
        }

        private static Entity Copy(Entity row)
        {
            var copy = new Entity(row.LogicalName, row.Id);
            foreach (var column in row.Attributes)
            {
                copy[column.Key] = column.Value;
            }

            return copy;
        }

        private Entity Project(Entity row, QueryExpression query, List<ResolvedLink> links)
        {
            // A distinct query returns only the requested columns: the primary id only when asked for, as Dataverse does.
            var idName = _primaryIdOf(query.EntityName);
            var withId = !query.Distinct || query.ColumnSet.AllColumns || query.ColumnSet.Columns.Contains(idName);
            var result = withId ? new Entity(query.EntityName, row.Id) { [idName] = row.Id } : new Entity(query.EntityName);
            foreach (var column in row.Attributes.Where(c => !c.Key.Contains('.', StringComparison.Ordinal)))
            {
                if (query.ColumnSet.AllColumns || query.ColumnSet.Columns.Contains(column.Key))
                {
                    result[column.Key] = column.Value;
                }
            }

            foreach (var link in RowOrdering.Flatten(links, link => link.Children))
            {
                foreach (var column in row.Attributes.Where(c => c.Key.StartsWith(link.Alias + ".", StringComparison.Ordinal)))
                {
                    var name = column.Key.Substring(link.Alias.Length + 1);
                    if (link.Link.Columns.AllColumns || link.Link.Columns.Columns.Contains(name))
                    {
                        result[column.Key] = column.Value;
                    }
                }
            }

            return result;
        }

        private static string DistinctKey(Entity row) => string.Join(
            "|",
            row.Attributes
                .OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.Key + "=" + Convert.ToString(ConditionEvaluator.Normalize(c.Value), CultureInfo.InvariantCulture)));

        private sealed record ResolvedLink(LinkEntity Link, string Alias, List<ResolvedLink> Children);
    }
}
