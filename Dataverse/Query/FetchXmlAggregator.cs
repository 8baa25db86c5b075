using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// Runs an aggregate fetch (<c>aggregate="true"</c>): the rows are joined and filtered through the <see cref="QueryEngine"/>, then
    /// grouped by the groupby columns (with dategrouping) and aggregated (count, countcolumn, sum, avg, min, max) with Dataverse's
    /// result types, within the AggregateQueryRecordLimit; the groups are ordered by alias and paged. The rules are listed on
    /// <see cref="FetchXmlEngine"/>.
    /// </summary>
    internal sealed class FetchXmlAggregator
    {
        private readonly QueryEngine _queryEngine;
        private readonly int _limit;

        public FetchXmlAggregator(QueryEngine queryEngine, int limit = ParsedFetch.AggregateQueryRecordLimit)
        {
            _queryEngine = queryEngine;
            _limit = limit;
        }

        /// <summary>One row per group of an aggregate fetch, ordered and paged.</summary>
        public EntityCollection Execute(ParsedFetch fetch)
        {
            var query = fetch.Query;
            var top = query.TopCount;
            if (top.HasValue && fetch.PageSize > 0)
            {
                throw new InvalidOperationException("The top count cannot be specified with paging: set either top or count on the fetch, not both.");
            }

            // Only the columns the aggregate reads, of the entity and of each link (by its alias): joined rows then carry those
            // alone, not every column of every linked row (an aggregate over thousands of wide rows copied them all).
            var byOwner = fetch.Columns.ToLookup(column => column.Owner ?? string.Empty, column => column.Attribute, StringComparer.Ordinal);
            query.ColumnSet = new ColumnSet(byOwner[string.Empty].Distinct(StringComparer.Ordinal).ToArray());
            foreach (var link in RowOrdering.Flatten(query.LinkEntities, each => each.LinkEntities))
            {
                link.Columns = string.IsNullOrEmpty(link.EntityAlias) ? new ColumnSet(true) : new ColumnSet(byOwner[link.EntityAlias].Distinct(StringComparer.Ordinal).ToArray());
                link.Orders.Clear();
            }

            query.Orders.Clear();
            query.PageInfo = new PagingInfo();
            query.TopCount = null;
            query.Distinct = false;

            var limit = Math.Min(fetch.AggregateLimit, _limit);
            var groupColumns = fetch.Columns.Where(c => c.GroupBy).ToList();

            // A count of the table's rows whose conditions the indexes answer is counted there, whole or by the values of one
            // indexed column: no row is read or copied (of each group's first row, only its value).
            if (groupColumns.Count == 0 && CountsRows(fetch, null) && _queryEngine.CountFromIndex(query) is int counted)
            {
                CheckLimit(counted, limit);
                return Paged(fetch, top, new List<Entity> { Counted(fetch, counted, null) });
            }

            if (groupColumns.Count == 1 && groupColumns[0] is { Owner: null, DateGrouping: null } by && CountsRows(fetch, by.Attribute)
                && _queryEngine.GroupCountFromIndex(query, by.Attribute) is { } grouped)
            {
                CheckLimit(grouped.Sum(group => group.Value), limit);
                return Paged(fetch, top, grouped.Select(group => Counted(fetch, group.Value, group.Key)).ToList());
            }

            var rows = _queryEngine.Execute(query).Entities;
            CheckLimit(rows.Count, limit);
            var groups = new List<(List<object?> Keys, List<Entity> Rows)>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            if (groupColumns.Count == 0)
            {
                groups.Add((new List<object?>(), rows.ToList()));
            }
            else
            {
                foreach (var row in rows)
                {
                    var keys = groupColumns.Select(column => GroupValue(column, Read(row, column))).ToList();
                    var identity = string.Join("\u001f", keys.Select(GroupIdentity));
                    if (!index.TryGetValue(identity, out var position))
                    {
                        position = groups.Count;
                        index[identity] = position;
                        groups.Add((keys, new List<Entity>()));
                    }

                    groups[position].Rows.Add(row);
                }
            }

            var results = new List<Entity>();
            foreach (var group in groups)
            {
                var result = new Entity(fetch.EntityName) { Id = Guid.Empty };
                var keyIndex = 0;
                foreach (var column in fetch.Columns)
                {
                    var value = column.GroupBy ? group.Keys[keyIndex++] : Aggregate(column, group.Rows);
                    if (value != null)
                    {
                        result[column.Alias!] = new AliasedValue(column.Table, column.Attribute, value);
                    }
                }

                results.Add(result);
            }

            return Paged(fetch, top, results);
        }

        /// <summary>More rows than the aggregate limit allows fail as the platform fails (AggregateQueryRecordLimitExceeded).</summary>
        private static void CheckLimit(int rows, int limit)
        {
            if (rows > limit)
            {
                throw new AggregateLimitExceededException(
                    "AggregateQueryRecordLimit exceeded. Cannot perform this operation. The maximum record limit is exceeded. Reduce the number of records. ("
                    + rows.ToString(CultureInfo.InvariantCulture) + " rows, limit " + limit.ToString(CultureInfo.InvariantCulture) + ".)");
            }
        }

        /// <summary>
        /// Whether every column of the fetch but <paramref name="groupBy"/> counts the entity's rows: count, or a countcolumn (not
        /// distinct) of a column every matching row holds (the primary id, a column a top-level condition requires to equal a value,
        /// the groupby column within its groups); a count of matching rows then answers each of them.
        /// </summary>
        private bool CountsRows(ParsedFetch fetch, string? groupBy)
        {
            var alwaysSet = new HashSet<string>(StringComparer.Ordinal) { _queryEngine.PrimaryIdOf(fetch.EntityName) };
            alwaysSet.UnionWith(fetch.Query.Criteria.Conditions.Where(condition => string.IsNullOrEmpty(condition.EntityName)).Select(condition => condition.AttributeName));
            if (groupBy != null)
            {
                alwaysSet.Add(groupBy);
            }

            return fetch.Columns.Any(column => !column.GroupBy)
                && fetch.Columns.All(column => column.GroupBy || column.AggregateFunction == "count"
                    || (column.AggregateFunction == "countcolumn" && !column.Distinct && column.Owner == null && alwaysSet.Contains(column.Attribute)));
        }

        /// <summary>
        /// A result row of a count from the indexes, as the grouped path builds it: each column's alias holding the count, or, for the
        /// groupby column, the group's value.
        /// </summary>
        private static Entity Counted(ParsedFetch fetch, int count, object? groupValue)
        {
            var result = new Entity(fetch.EntityName) { Id = Guid.Empty };
            foreach (var column in fetch.Columns)
            {
                result[column.Alias!] = new AliasedValue(column.Table, column.Attribute, column.GroupBy ? groupValue : count);
            }

            return result;
        }

        /// <summary>The result rows ordered by their aliases, then the top or the page asked for.</summary>
        private static EntityCollection Paged(ParsedFetch fetch, int? top, List<Entity> results)
        {
            var ordered = RowOrdering.Sort(results, fetch.AggregateOrders);
            var collection = new EntityCollection { EntityName = fetch.EntityName };
            if (top.HasValue)
            {
                collection.Entities.AddRange(ordered.Take(top.Value));
                return collection;
            }

            if (fetch.PageSize is int size && size > 0)
            {
                var page = Math.Max(1, fetch.PageNumber ?? 1);
                collection.Entities.AddRange(ordered.Skip((page - 1) * size).Take(size));
                collection.MoreRecords = ordered.Count > page * size;
            }
            else
            {
                collection.Entities.AddRange(ordered);
            }

            if (fetch.ReturnTotalRecordCount)
            {
                collection.TotalRecordCount = ordered.Count;
            }

            return collection;
        }

        private static object? Read(Entity row, FetchColumn column)
        {
            var value = row.Attributes.TryGetValue(column.Key, out var raw) ? raw : null;
            return value is AliasedValue aliased ? aliased.Value : value;
        }

        /// <summary>The value a group shows: the column's value as stored (a lookup, a choice), or the date part for dategrouping.</summary>
        private static object? GroupValue(FetchColumn column, object? value)
        {
            if (value == null || column.DateGrouping == null)
            {
                return value;
            }

            if (!(value is DateTime date))
            {
                throw new InvalidOperationException(
                    "The groupby attribute '" + column.Attribute + "' (alias '" + column.Alias + "') has dategrouping='" + column.DateGrouping
                    + "', but its value is not a date: " + value.GetType().Name + ".");
            }

            date = date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : date;
            return column.DateGrouping switch
            {
                "year" => date.Year,
                "quarter" => ((date.Month - 1) / 3) + 1,
                "month" => date.Month,
                "week" => SqlServerWeek(date),
                "day" => date.Day,
                _ => throw new InvalidOperationException("Unknown dategrouping '" + column.DateGrouping + "'."),
            };
        }

        /// <summary>DATEPART(week) as SQL Server counts it (us_english, DATEFIRST 7): week 1 holds 1 January, and weeks start on Sunday.</summary>
        private static int SqlServerWeek(DateTime date)
        {
            var firstOfYear = new DateTime(date.Year, 1, 1);
            return ((date.DayOfYear - 1 + (int)firstOfYear.DayOfWeek) / 7) + 1;
        }

        /// <summary>A key under which equal group values meet: ids as ids, numbers as numbers, strings case-insensitively (the default collation).</summary>
        private static string GroupIdentity(object? value)
        {
            var normalized = ConditionEvaluator.Normalize(value);
            return normalized switch
            {
                null => "\u0000",
                string text => "s:" + text.ToUpperInvariant(),
                DateTime date => "d:" + date.Ticks.ToString(CultureInfo.InvariantCulture),
                Guid id => "g:" + id.ToString("N"),
                bool flag => "b:" + (flag ? "1" : "0"),
                int or long or short or byte or decimal => "n:" + Convert.ToDecimal(normalized, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                double or float => "n:" + Convert.ToDouble(normalized, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
                _ => "o:" + Convert.ToString(normalized, CultureInfo.InvariantCulture),
            };
        }

        private static object? Aggregate(FetchColumn column, List<Entity> rows)
        {
            if (column.AggregateFunction == "count")
            {
                return rows.Count;
            }

            var values = rows.Select(row => Read(row, column)).Where(value => value != null).Select(value => value!).ToList();
            if (column.AggregateFunction == "countcolumn")
            {
                return column.Distinct ? values.Select(GroupIdentity).Distinct(StringComparer.Ordinal).Count() : values.Count;
            }

            var kind = KindOf(column, values);
            switch (column.AggregateFunction)
            {
                case "sum":
                    return Sum(column, kind, values);
                case "avg":
                    return Average(column, kind, values);
                case "min":
                case "max":
                    if (kind == ValueKind.Other)
                    {
                        throw NotAggregatable(column, "numbers, currency and dates");
                    }

                    if (values.Count == 0)
                    {
                        return null;
                    }

                    var comparer = Comparer<object>.Create((left, right) =>
                        ConditionEvaluator.Compare(ConditionEvaluator.Normalize(left)!, ConditionEvaluator.Normalize(right)!));
                    var chosen = column.AggregateFunction == "min" ? values.Min(comparer) : values.Max(comparer);
                    return chosen is DateTime date && date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : chosen;
                default:
                    throw new InvalidOperationException("Unknown aggregate '" + column.AggregateFunction + "'.");
            }
        }

        private static object? Sum(FetchColumn column, ValueKind kind, List<object> values)
        {
            try
            {
                checked
                {
                    switch (kind)
                    {
                        case ValueKind.Int:
                            return values.Sum(value => Convert.ToInt32(value, CultureInfo.InvariantCulture));
                        case ValueKind.Long:
                            return values.Sum(value => Convert.ToInt64(value, CultureInfo.InvariantCulture));
                        case ValueKind.Decimal:
                            return values.Sum(value => Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                        case ValueKind.Double:
                            return values.Sum(value => Convert.ToDouble(value, CultureInfo.InvariantCulture));
                        case ValueKind.Money:
                            return new Money(values.Sum(value => ((Money)value).Value));
                        case ValueKind.Unknown:
                            return null;
                        default:
                            throw NotAggregatable(column, "numbers and currency");
                    }
                }
            }
            catch (OverflowException overflow)
            {
                throw new InvalidOperationException("Arithmetic overflow computing the sum of '" + column.Attribute + "' (alias '" + column.Alias + "').", overflow);
            }
        }

        private static object? Average(FetchColumn column, ValueKind kind, List<object> values)
        {
            if (kind == ValueKind.Other || kind == ValueKind.DateTime)
            {
                throw NotAggregatable(column, "numbers and currency");
            }

            if (values.Count == 0)
            {
                return null;
            }

            switch (kind)
            {
                case ValueKind.Double:
                    return values.Average(value => Convert.ToDouble(value, CultureInfo.InvariantCulture));
                case ValueKind.Money:
                    return new Money(values.Sum(value => ((Money)value).Value) / values.Count);
                default:
                    return values.Sum(value => Convert.ToDecimal(value, CultureInfo.InvariantCulture)) / values.Count;
            }
        }

        private static InvalidOperationException NotAggregatable(FetchColumn column, string allowed) => new InvalidOperationException(
            "The aggregate '" + column.AggregateFunction + "' on '" + column.Attribute + "' (alias '" + column.Alias + "') applies to " + allowed
            + " only; '" + column.Attribute + "' is " + (column.Type?.ToString() ?? "of another type") + ".");

        /// <summary>What the column holds: from its metadata type, or (for an unknown column) from its values.</summary>
        private static ValueKind KindOf(FetchColumn column, List<object> values)
        {
            switch (column.Type)
            {
                case AttributeTypeCode.Integer:
                    return ValueKind.Int;
                case AttributeTypeCode.BigInt:
                    return ValueKind.Long;
                case AttributeTypeCode.Decimal:
                    return ValueKind.Decimal;
                case AttributeTypeCode.Double:
                    return ValueKind.Double;
                case AttributeTypeCode.Money:
                    return ValueKind.Money;
                case AttributeTypeCode.DateTime:
                    return ValueKind.DateTime;
                case null:
                    break;
                default:
                    return ValueKind.Other;
            }

            return values.FirstOrDefault() switch
            {
                null => ValueKind.Unknown,
                int => ValueKind.Int,
                long => ValueKind.Long,
                decimal => ValueKind.Decimal,
                double => ValueKind.Double,
                Money => ValueKind.Money,
                DateTime => ValueKind.DateTime,
                _ => ValueKind.Other,
            };
        }

        private enum ValueKind
        {
            Unknown,
            Int,
            Long,
            Decimal,
            Double,
            Money,
            DateTime,
            Other,
        }
    }
}
