using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
        internal Func<string, IEnumerable<Entity>> RowsOf { get; }
        internal Func<string, string> PrimaryIdOf { get; }
        internal ConditionEvaluator Evaluator { get; }

        internal Func<string, IReadOnlyCollection<Guid>, IEnumerable<Entity>>? RowsWithIds { get; }
        internal Func<string, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>>, IEnumerable<Entity>?>? RowsWhere { get; }

        /// <param name="rowsWithIds">
        /// Optional: the rows of a table with given ids. Given, a query whose criteria require its primary key to equal a value or
        /// be in a list reads just those rows instead of scanning the table, as an index seek would; the criteria still decide.
        /// </param>
        /// <param name="rowsWhere">
        /// Optional: the rows of a table whose column equals one of the keys (lookup ids, choice values), read from an index, in the
        /// order a scan finds them; null when the index cannot answer. Given, a query whose criteria are an AND with an Equal or In
        /// condition on such a column of its table reads just those rows, and a link on such a column of the linked table reads the
        /// linked rows the joined rows name; the criteria still decide.
        /// </param>
        public QueryEngine(
            Func<string, IEnumerable<Entity>> rowsOf,
            Func<string, string> primaryIdOf,
            ConditionEvaluator evaluator,
            Func<string, IReadOnlyCollection<Guid>, IEnumerable<Entity>>? rowsWithIds = null,
            Func<string, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>>, IEnumerable<Entity>?>? rowsWhere = null)
        {
            RowsWhere = rowsWhere;
            RowsWithIds = rowsWithIds;
            RowsOf = rowsOf ?? throw new ArgumentNullException(nameof(rowsOf));
            PrimaryIdOf = primaryIdOf ?? throw new ArgumentNullException(nameof(primaryIdOf));
            Evaluator = evaluator ?? throw new ArgumentNullException(nameof(evaluator));
        }

        /// <summary>
        /// Optional: how many rows of a table hold, in each condition's column, one of its keys, counted from indexes; null when they
        /// cannot answer exactly. Given, <see cref="CountFromIndex"/> counts a query whose criteria the indexes answer whole.
        /// </summary>
        public Func<string, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>>, int?>? CountWhere { get; init; }

        /// <summary>
        /// Optional: the rows of a table after the row with the id, in the order a scan or a seek reads them (from the index when one
        /// of the conditions can be answered there; the caller still applies every condition); null when the store cannot continue
        /// after that row (it is gone, or another transaction holds rows of the table). Given, a page asked for with the previous
        /// page's cookie continues after its last row (<see cref="CookiePaging"/>).
        /// </summary>
        public Func<string, Guid, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>>, IEnumerable<Entity>?>? RowsAfter { get; init; }

        /// <summary>
        /// How many rows the query matches, counted from the indexes without reading or copying a row: when it has no links and its
        /// criteria are an AND of Equal and In conditions on indexed columns of its table (<see cref="IndexedConditions.All"/>); null
        /// otherwise, and the caller runs the query. The count equals the number of rows <see cref="Execute(QueryExpression)"/> finds.
        /// </summary>
        public int? CountFromIndex(QueryExpression query)
        {
            if (CountWhere == null || query.LinkEntities.Count > 0 || IndexedConditions.All(query.Criteria) is not { } conditions)
            {
                return null;
            }

            return CountWhere(query.EntityName, conditions);
        }

        /// <summary>
        /// Optional: how many of the rows <see cref="CountWhere"/> counts hold each value of a column, in the order a scan or a seek
        /// meets the groups (each value a copy of the group's first row's); null when the indexes cannot answer exactly. Given,
        /// <see cref="GroupCountFromIndex"/> counts a grouped query whose criteria the indexes answer whole.
        /// </summary>
        public Func<string, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>>, string, IReadOnlyList<KeyValuePair<object, int>>?>? GroupCountWhere { get; init; }

        /// <summary>
        /// How many rows the query matches for each value of <paramref name="column"/>, counted from the indexes as
        /// <see cref="CountFromIndex"/> counts (not when the criteria read rows by id, whose order is the ids'): the groups in the order
        /// <see cref="Execute(QueryExpression)"/> first returns a row of each; null otherwise, and the caller runs the query.
        /// </summary>
        public IReadOnlyList<KeyValuePair<object, int>>? GroupCountFromIndex(QueryExpression query, string column)
        {
            if (GroupCountWhere == null || query.LinkEntities.Count > 0 || IndexedConditions.All(query.Criteria) is not { } conditions
                || conditions.Any(condition => condition.Key == PrimaryIdOf(query.EntityName)))
            {
                return null;
            }

            return GroupCountWhere(query.EntityName, conditions, column);
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
            var links = query.LinkEntities.Select(link => Resolve(link, aliases, query)).ToList();
            List<Entity> matching;
            if (links.Count == 0)
            {
                // Without links the criteria can only name the table's own columns: filter the stored rows before copying them.
                // A matching row is copied with just the columns the query returns, orders or filters on (all of them for an
                // all-columns query), not whole; unless an order names the primary id (which a stored row may not hold), the
                // stored rows are sorted and only the rows returned (the top, the page) are copied.
                var idOfTable = PrimaryIdOf(query.EntityName);
                var columns = RootColumns(query, links);
                var namesId = Names(query.Criteria, idOfTable);
                if (paging && NextPageAfterCookie(query, idOfTable, namesId) is { } next)
                {
                    return next;
                }

                Func<Entity, Entity> narrow = row => columns == null ? WithPrimaryId(row) : Narrow(row, columns);
                matching = RootRows(query)
                    .Where(row => Evaluator.Matches(row.Contains(idOfTable) || !namesId ? row : WithPrimaryId(row), query.Criteria))
                    .ToList();
                if (query.Orders.Any(order => order.AttributeName == idOfTable))
                {
                    matching = matching.Select(narrow).ToList();
                }

                // Otherwise the rows returned are projected straight from the stored rows: the projection is the only copy.
            }
            else
            {
                var rootColumns = RootColumns(query, links);
                var joined = RootRows(query).Select(row => rootColumns == null ? WithPrimaryId(row) : Narrow(row, rootColumns)).ToList();
                foreach (var link in links)
                {
                    joined = joined.SelectMany(row => Join(row, link)).ToList();
                }

                matching = joined.Where(row => Evaluator.Matches(row, query.Criteria)).ToList();
            }

            var ordered = RowOrdering.Sort(matching, query.Orders
                .Select(order => (string.IsNullOrEmpty(order.EntityName) ? order.AttributeName : order.EntityName + "." + order.AttributeName, order.OrderType != OrderType.Ascending))
                .ToList());
            // Without Distinct every ordered row is one result: only the rows returned (the top, the page) are projected.
            var projection = new RowProjection(this, query, links);
            var rows = query.Distinct
                ? ordered.Select(projection.Of).GroupBy(DistinctKey).Select(group => group.First()).ToList()
                : ordered;
            Func<Entity, Entity> project = query.Distinct ? row => row : projection.Of;
            var result = new EntityCollection { EntityName = query.EntityName };
            if (query.TopCount.HasValue)
            {
                result.Entities.AddRange(rows.Take(query.TopCount.Value).Select(project));
                return result;
            }

            if (!paging)
            {
                result.Entities.AddRange(rows.Select(project));
                return result;
            }

            var page = Math.Max(1, query.PageInfo!.PageNumber);
            var pageRows = rows.Skip((page - 1) * query.PageInfo.Count).Take(query.PageInfo.Count).Select(project).ToList();
            result.Entities.AddRange(pageRows);
            result.MoreRecords = rows.Count > page * query.PageInfo.Count;
            if (query.PageInfo.ReturnTotalRecordCount)
            {
                result.TotalRecordCount = rows.Count;
            }

            if (pageRows.Count > 0)
            {
                result.PagingCookie = CookiePaging.Cookie(page, PrimaryIdOf(query.EntityName), pageRows);
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

        private ResolvedLink Resolve(LinkEntity link, Dictionary<string, int> aliases, QueryExpression query)
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

            var children = link.LinkEntities.Select(child => Resolve(child, aliases, query)).ToList();
            return new ResolvedLink(link, alias!, children) { Needed = NeededColumns(link, alias!, children, query) };
        }

        /// <summary>
        /// The linked table's columns a joined row must carry: those the link returns, those the query's criteria and orders name
        /// through the link's alias, and those its own links join from; null (all) when the link returns all columns or the
        /// criteria compare columns. Copying only these keeps a join over wide rows from copying every column of every match.
        /// </summary>
        private static HashSet<string>? NeededColumns(LinkEntity link, string alias, List<ResolvedLink> children, QueryExpression query)
        {
            var conditions = Conditions(query.Criteria).ToList();
            if (link.Columns.AllColumns || conditions.Any(condition => condition.CompareColumns))
            {
                return null;
            }

            var needed = new HashSet<string>(link.Columns.Columns, StringComparer.Ordinal);
            needed.UnionWith(conditions.Where(condition => condition.EntityName == alias).Select(condition => condition.AttributeName));
            needed.UnionWith(query.Orders.Where(order => order.EntityName == alias).Select(order => order.AttributeName));
            needed.UnionWith(children.Select(child => child.Link.LinkFromAttributeName));
            return needed;
        }

        /// <summary>
        /// The root table's columns a joined row must carry: the query's columns, those its criteria and orders name on the root,
        /// those its links join from, and the primary id; null (all) when the query returns all columns or compares columns.
        /// </summary>
        private HashSet<string>? RootColumns(QueryExpression query, List<ResolvedLink> links)
        {
            var conditions = Conditions(query.Criteria).ToList();
            if (query.ColumnSet.AllColumns || conditions.Any(condition => condition.CompareColumns))
            {
                return null;
            }

            var needed = new HashSet<string>(query.ColumnSet.Columns, StringComparer.Ordinal) { PrimaryIdOf(query.EntityName) };
            needed.UnionWith(conditions.Where(condition => string.IsNullOrEmpty(condition.EntityName) || condition.EntityName == query.EntityName).Select(condition => condition.AttributeName));
            needed.UnionWith(query.Orders.Where(order => string.IsNullOrEmpty(order.EntityName)).Select(order => order.AttributeName));
            needed.UnionWith(links.Select(link => link.Link.LinkFromAttributeName));
            return needed;
        }

        /// <summary>A copy of the row with only <paramref name="columns"/> (its primary id always).</summary>
        internal Entity Narrow(Entity row, HashSet<string> columns)
        {
            var idName = PrimaryIdOf(row.LogicalName);
            var copy = new Entity(row.LogicalName, row.Id) { Attributes = Storage.RowCopy.Sized(Math.Min(columns.Count, row.Attributes.Count) + 1) };
            copy[idName] = row.Id;
            foreach (var column in row.Attributes)
            {
                if (columns.Contains(column.Key))
                {
                    copy[column.Key] = column.Value;
                }
            }

            return copy;
        }

        private static IEnumerable<ConditionExpression> Conditions(FilterExpression filter) =>
            filter.Conditions.Concat(filter.Filters.SelectMany(Conditions));

        /// <summary>Whether a condition of the filter names <paramref name="column"/> (or compares columns): a row is then evaluated with its primary id added.</summary>
        internal static bool Names(FilterExpression filter, string column) =>
            Conditions(filter).Any(condition => condition.AttributeName == column || condition.CompareColumns);

        /// <summary>
        /// The page after the cookie's, read from the row after the cookie's last (in the order a scan or a seek reads, the order of a
        /// query without orders): only the rows up to one past the page are evaluated, none before it. For a query without orders,
        /// Distinct or a total record count, whose criteria do not read rows by id, when the store can continue after that row
        /// (<see cref="RowsAfter"/>); null otherwise, and the page is counted off the whole result.
        /// </summary>
        private EntityCollection? NextPageAfterCookie(QueryExpression query, string idOfTable, bool namesId)
        {
            if (RowsAfter == null || query.Orders.Count > 0 || query.Distinct || query.PageInfo.ReturnTotalRecordCount || IdsAsked(query) != null
                || CookiePaging.LastOfPreviousPage(query.PageInfo, idOfTable) is not Guid last
                || RowsAfter(query.EntityName, last, IndexedConditions.Of(query.Criteria)) is not { } after)
            {
                return null;
            }

            var next = new List<Entity>(query.PageInfo.Count + 1);
            foreach (var row in after)
            {
                if (Evaluator.Matches(row.Contains(idOfTable) || !namesId ? row : WithPrimaryId(row), query.Criteria))
                {
                    next.Add(row);
                    if (next.Count > query.PageInfo.Count)
                    {
                        break;
                    }
                }
            }

            return CookiePaging.Page(query, next, new RowProjection(this, query, new List<ResolvedLink>()).Of, idOfTable);
        }

        /// <summary>The ids the criteria's own Equal or In condition on the primary key asks for (read by id, in that order); null when none.</summary>
        private List<Guid>? IdsAsked(QueryExpression query)
        {
            if (query.Criteria.FilterOperator != LogicalOperator.And)
            {
                return null;
            }

            var idColumn = PrimaryIdOf(query.EntityName);
            foreach (var condition in query.Criteria.Conditions)
            {
                if ((string.IsNullOrEmpty(condition.EntityName) || condition.EntityName == query.EntityName) && condition.AttributeName == idColumn
                    && condition.Operator is ConditionOperator.Equal or ConditionOperator.In && condition.Values.Count > 0
                    && condition.Values.All(value => value is Guid))
                {
                    return condition.Values.Cast<Guid>().ToList();
                }
            }

            return null;
        }

        /// <summary>
        /// The root table's rows the query can match: when its criteria are an AND whose own conditions require the primary key to
        /// equal one id or be in a list of ids, just those rows (read by id); otherwise every row.
        /// </summary>
        private IEnumerable<Entity> RootRows(QueryExpression query)
        {
            if (RowsWithIds != null && IdsAsked(query) is { } ids)
            {
                return RowsWithIds(query.EntityName, ids);
            }

            if (RowsWhere != null && IndexedConditions.Of(query.Criteria) is { Count: > 0 } conditions && RowsWhere(query.EntityName, conditions) is { } seek)
            {
                return seek;
            }

            return RowsOf(query.EntityName);
        }

        /// <summary>The row joined with each matching row of the linked table (or, for an outer link without a match, alone).</summary>
        private IEnumerable<Entity> Join(Entity row, ResolvedLink link, string? fromAlias = null)
        {
            var fromColumn = fromAlias == null ? link.Link.LinkFromAttributeName : fromAlias + "." + link.Link.LinkFromAttributeName;
            var key = ConditionEvaluator.Normalize(row.Attributes.TryGetValue(fromColumn, out var from) ? from : null);
            var matches = key switch
            {
                null => new List<Entity>(),
                Guid id => link.Matches(this, id),
                _ => RowsOf(link.Link.LinkToEntityName)
                    .Where(candidate => LinkedValue(link, candidate) is { } value && ConditionEvaluator.Compare(key, value) == 0)
                    .Select(candidate => WithPrimaryId(candidate))
                    .Where(candidate => Evaluator.Matches(candidate, link.Link.LinkCriteria))
                    .ToList(),
            };

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
                var joined = Copy(row, link.Needed?.Count ?? match.Attributes.Count);
                foreach (var column in match.Attributes)
                {
                    if (link.Needed == null || link.Needed.Contains(column.Key))
                    {
                        joined[link.KeyOf(column.Key)] = new AliasedValue(link.Link.LinkToEntityName, column.Key, column.Value);
                    }
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
        internal Entity WithPrimaryId(Entity row)
        {
            var copy = Copy(row);
            var idName = PrimaryIdOf(row.LogicalName);
            if (!copy.Contains(idName))
            {
                copy[idName] = row.Id;
            }

            return copy;
        }

        private static Entity Copy(Entity row, int extra = 1)
        {
            var copy = new Entity(row.LogicalName, row.Id) { Attributes = Storage.RowCopy.Sized(row.Attributes.Count + extra) };
            foreach (var column in row.Attributes)
            {
                copy[column.Key] = column.Value;
            }

            return copy;
        }

        private static string DistinctKey(Entity row) => string.Join(
            "|",
            row.Attributes
                .OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.Key + "=" + Convert.ToString(ConditionEvaluator.Normalize(c.Value), CultureInfo.InvariantCulture)));

        /// <summary>The linked table's column the link joins on, normalized (its primary key when that column is the id).</summary>
        internal object? LinkedValue(ResolvedLink link, Entity candidate) =>
            ConditionEvaluator.Normalize(candidate.Attributes.TryGetValue(link.Link.LinkToAttributeName, out var to) ? to : link.Link.LinkToAttributeName == PrimaryIdOf(candidate.LogicalName) ? candidate.Id : null);
    }
}
