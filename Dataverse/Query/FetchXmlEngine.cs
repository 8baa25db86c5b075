using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// Runs FetchXML as Dataverse does. A plain fetch becomes the equivalent <see cref="QueryExpression"/> and runs through the
    /// <see cref="QueryEngine"/>; an aggregate fetch (<c>aggregate="true"</c>) joins and filters through the same engine, then groups.
    /// <para>What is modelled:</para>
    /// <list type="bullet">
    /// <item><c>fetch</c>: <c>top</c> (at most 5,000, as Dataverse allows), <c>count</c>, <c>page</c>, <c>paging-cookie</c>, <c>distinct</c>,
    /// <c>returntotalrecordcount</c>, <c>aggregate</c> and <c>aggregatelimit</c>; <c>no-lock</c>, <c>mapping</c>, <c>version</c>, <c>options</c>,
    /// <c>latematerialize</c> and <c>useraworderby</c> change nothing here and are ignored.</item>
    /// <item><c>entity</c> and nested <c>link-entity</c> (<c>link-type</c> inner, the default, or outer) with <c>attribute</c> (an alias renames
    /// the column and returns it as an <see cref="AliasedValue"/>), <c>all-attributes</c>, <c>order</c> (with <c>entityname</c> on the entity;
    /// a link-entity's orders apply after the entity's, as Dataverse applies them) and nested <c>filter</c>/<c>condition</c>.
    /// A fetch whose entity names no attribute returns all columns. A link-entity without an alias is named as Dataverse names it:
    /// the linked table's name for a many-to-one link (<c>from</c> is the linked table's primary id), else the name and a number (<c>contact1</c>).</item>
    /// <item>the operators eq, ne, neq, in, not-in, null, not-null, gt, ge, lt, le, between, not-between, like, not-like, begins-with,
    /// not-begin-with, ends-with, not-end-with, on, not-on, on-or-after, on-or-before, last-x-hours, next-x-hours, last-x-days, next-x-days,
    /// olderthan-x-days, olderthan-x-hours, today, yesterday, tomorrow, eq-userid and ne-userid. Condition values are strings in FetchXML:
    /// they are converted, in the invariant culture, to the type the column stores (lookups and ids to Guid, choices to int, money to decimal,
    /// two-options from 1/0/true/false, dates to UTC); the x-count operators take an int, the like family keeps the text.</item>
    /// <item>aggregates: count (rows), countcolumn (non-null values; <c>distinct="true"</c> counts distinct values, and is ignored on the other aggregates), sum, avg, min and max,
    /// and groupby, also with <c>dategrouping</c> year, quarter, month, week or day, on the entity and on link-entities. Each result row is an
    /// <see cref="Entity"/> of the fetch's table with an empty id whose columns are keyed by alias and hold <see cref="AliasedValue"/>.
    /// As in Dataverse: every aggregate and groupby attribute needs an alias; nulls are left out of every aggregate but count;
    /// count and countcolumn give int; sum, min and max keep the column's type (money stays <see cref="Money"/>); avg gives decimal for
    /// whole numbers and decimals, double for floats and Money for money; a sum over no values is 0 (as the Dataverse documentation shows),
    /// an avg, min or max over no values is left out, as is a null group; a groupby on a lookup gives an <see cref="EntityReference"/>,
    /// on a choice an <see cref="OptionSetValue"/>; dategrouping gives an int (day of the month, and the week of the year as SQL Server counts
    /// it: week 1 holds 1 January and weeks start on Sunday, which is what the Dataverse documentation's example shows); groups are ordered by
    /// <c>order alias</c> (an <c>order attribute</c> is refused, as Dataverse refuses it) and otherwise come in order of first appearance;
    /// strings group case-insensitively. The AggregateQueryRecordLimit is modelled: more than 50,000 joined and filtered rows (or than the
    /// fetch's lower <c>aggregatelimit</c>) fail with the Dataverse message.</item>
    /// </list>
    /// <para>What is not modelled:</para>
    /// <list type="bullet">
    /// <item>the default page size of 5,000 rows (a fetch without <c>count</c> returns every row); paging cookies are returned but pages
    /// are found by number;</item>
    /// <item>the user's time zone (date operators and dategrouping use UTC), fiscal-period and fiscal-year grouping, fiscal, hierarchy,
    /// team, business-unit and language operators, multi-select choice operators, column comparison (<c>valueof</c>), row aggregates
    /// (<c>rowaggregate</c>), conditions with <c>aggregate</c> (HAVING), the any/not-any/all/not-all/exists/in/matchfirstrowusingcrossapply
    /// link types, long-term retention (<c>datasource</c>) and the report-only <c>order</c> under <c>fetch</c>: each fails with
    /// <see cref="NotSupportedException"/> naming it;</item>
    /// <item>ordering a lookup by its primary name and a choice by its label (they order by id and by value), formatted values, and
    /// validation of table and column names against metadata (an unknown column simply has no value).</item>
    /// </list>
    /// Malformed FetchXML (not XML, no <c>entity</c>, a missing required attribute, a value that does not convert) fails with
    /// <see cref="InvalidOperationException"/> whose message names the problem, for the caller to turn into a Dataverse fault.
    /// </summary>
    public sealed class FetchXmlEngine
    {
        /// <summary>The most rows an aggregate query may group, as Dataverse limits it.</summary>
        private const int AggregateQueryRecordLimit = 50000;

        /// <summary>The largest <c>top</c> Dataverse accepts.</summary>
        private const int MaximumTop = 5000;

        private static readonly Dictionary<string, ConditionOperator> Operators = new Dictionary<string, ConditionOperator>(StringComparer.Ordinal)
        {
            ["eq"] = ConditionOperator.Equal,
            ["ne"] = ConditionOperator.NotEqual,
            ["neq"] = ConditionOperator.NotEqual,
            ["in"] = ConditionOperator.In,
            ["not-in"] = ConditionOperator.NotIn,
            ["null"] = ConditionOperator.Null,
            ["not-null"] = ConditionOperator.NotNull,
            ["gt"] = ConditionOperator.GreaterThan,
            ["ge"] = ConditionOperator.GreaterEqual,
            ["lt"] = ConditionOperator.LessThan,
            ["le"] = ConditionOperator.LessEqual,
            ["between"] = ConditionOperator.Between,
            ["not-between"] = ConditionOperator.NotBetween,
            ["like"] = ConditionOperator.Like,
            ["not-like"] = ConditionOperator.NotLike,
            ["begins-with"] = ConditionOperator.BeginsWith,
            ["not-begin-with"] = ConditionOperator.DoesNotBeginWith,
            ["ends-with"] = ConditionOperator.EndsWith,
            ["not-end-with"] = ConditionOperator.DoesNotEndWith,
            ["on"] = ConditionOperator.On,
            ["not-on"] = ConditionOperator.NotOn,
            ["on-or-after"] = ConditionOperator.OnOrAfter,
            ["on-or-before"] = ConditionOperator.OnOrBefore,
            ["last-x-hours"] = ConditionOperator.LastXHours,
            ["next-x-hours"] = ConditionOperator.NextXHours,
            ["last-x-days"] = ConditionOperator.LastXDays,
            ["next-x-days"] = ConditionOperator.NextXDays,
            ["olderthan-x-days"] = ConditionOperator.OlderThanXDays,
            ["olderthan-x-hours"] = ConditionOperator.OlderThanXHours,
            ["today"] = ConditionOperator.Today,
            ["yesterday"] = ConditionOperator.Yesterday,
            ["tomorrow"] = ConditionOperator.Tomorrow,
            ["eq-userid"] = ConditionOperator.EqualUserId,
            ["ne-userid"] = ConditionOperator.NotEqualUserId,
        };

        private readonly QueryEngine _queryEngine;
        private readonly Func<string, string> _primaryIdOf;
        private readonly Func<string, string, AttributeTypeCode?> _typeOf;

        /// <summary>
        /// An engine over the tables <paramref name="queryEngine"/> reads: every row is read, joined and filtered through it, so
        /// <paramref name="rowsOf"/> and <paramref name="evaluator"/> (the query engine's own sources) are only checked, not read.
        /// <paramref name="primaryIdOf"/> names a table's primary id (for the default alias of a link-entity and the default from/to columns);
        /// <paramref name="typeOf"/> gives a column's type (or null when the column is unknown) to convert condition values and type aggregates.
        /// </summary>
        public FetchXmlEngine(
            QueryEngine queryEngine,
            Func<string, IEnumerable<Entity>> rowsOf,
            Func<string, string> primaryIdOf,
            ConditionEvaluator evaluator,
            Func<string, string, AttributeTypeCode?> typeOf)
        {
            _queryEngine = queryEngine ?? throw new ArgumentNullException(nameof(queryEngine));
            if (rowsOf == null)
            {
                throw new ArgumentNullException(nameof(rowsOf));
            }

            if (evaluator == null)
            {
                throw new ArgumentNullException(nameof(evaluator));
            }

            _primaryIdOf = primaryIdOf ?? throw new ArgumentNullException(nameof(primaryIdOf));
            _typeOf = typeOf ?? throw new ArgumentNullException(nameof(typeOf));
        }

        /// <summary>Runs the fetch: rows for a plain fetch, one row per group for an aggregate fetch.</summary>
        public EntityCollection Execute(string fetchXml)
        {
            var fetch = Parse(fetchXml);
            return fetch.Aggregate ? ExecuteAggregate(fetch) : ExecuteRows(fetch);
        }

        /// <summary>
        /// The QueryExpression a plain fetch stands for (as FetchXmlToQueryExpression gives it). Column aliases have no place in a
        /// QueryExpression: the aliased columns are requested under their names. An aggregate fetch has no equivalent and is refused.
        /// </summary>
        public QueryExpression ToQueryExpression(string fetchXml)
        {
            var fetch = Parse(fetchXml);
            if (fetch.Aggregate)
            {
                throw new InvalidOperationException("An aggregate FetchXML query (aggregate=\"true\") has no QueryExpression equivalent: run it as FetchXML.");
            }

            return fetch.Query;
        }

        private EntityCollection ExecuteRows(ParsedFetch fetch)
        {
            var query = fetch.Query;

            // Dataverse applies a link-entity's orders after the entity's: lift them to the query, under the link's alias.
            foreach (var link in Flatten(query.LinkEntities))
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

        private EntityCollection ExecuteAggregate(ParsedFetch fetch)
        {
            var query = fetch.Query;
            var top = query.TopCount;
            if (top.HasValue && fetch.PageSize > 0)
            {
                throw new InvalidOperationException("The top count cannot be specified with paging: set either top or count on the fetch, not both.");
            }

            query.ColumnSet = new ColumnSet(true);
            foreach (var link in Flatten(query.LinkEntities))
            {
                link.Columns = new ColumnSet(true);
                link.Orders.Clear();
            }

            query.Orders.Clear();
            query.PageInfo = new PagingInfo();
            query.TopCount = null;
            query.Distinct = false;

            var rows = _queryEngine.Execute(query).Entities;
            if (rows.Count > fetch.AggregateLimit)
            {
                throw new InvalidOperationException(
                    "AggregateQueryRecordLimit exceeded. Cannot perform this operation. The maximum record limit is exceeded. Reduce the number of records. ("
                    + rows.Count.ToString(CultureInfo.InvariantCulture) + " rows, limit " + fetch.AggregateLimit.ToString(CultureInfo.InvariantCulture) + ".)");
            }

            var groupColumns = fetch.Columns.Where(c => c.GroupBy).ToList();
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

            var ordered = OrderGroups(results, fetch.AggregateOrders);
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

        private static List<Entity> OrderGroups(List<Entity> groups, List<(string Alias, bool Descending)> orders)
        {
            if (orders.Count == 0)
            {
                return groups;
            }

            var comparer = Comparer<object?>.Create(CompareNullsFirst);
            IOrderedEnumerable<Entity>? ordered = null;
            foreach (var (alias, descending) in orders)
            {
                Func<Entity, object?> key = row => ConditionEvaluator.Normalize(row.Attributes.TryGetValue(alias, out var value) ? value : null);
                ordered = ordered == null
                    ? descending ? groups.OrderByDescending(key, comparer) : groups.OrderBy(key, comparer)
                    : descending ? ordered.ThenByDescending(key, comparer) : ordered.ThenBy(key, comparer);
            }

            return ordered!.ToList();
        }

        private static int CompareNullsFirst(object? left, object? right)
        {
            if (left == null || right == null)
            {
                return left == null ? (right == null ? 0 : -1) : 1;
            }

            return ConditionEvaluator.Compare(left, right);
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

        private object? Aggregate(FetchColumn column, List<Entity> rows)
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

        // ---------------------------------------------------------------- parsing

        private ParsedFetch Parse(string fetchXml)
        {
            if (string.IsNullOrWhiteSpace(fetchXml))
            {
                throw new InvalidOperationException("The FetchXML is empty.");
            }

            XDocument document;
            try
            {
                document = XDocument.Parse(fetchXml);
            }
            catch (XmlException malformed)
            {
                throw new InvalidOperationException("The FetchXML is not well-formed XML: " + malformed.Message, malformed);
            }

            var root = document.Root!;
            if (root.Name.LocalName != "fetch")
            {
                throw new InvalidOperationException("The FetchXML root element must be <fetch>, not <" + root.Name.LocalName + ">.");
            }

            foreach (var child in root.Elements())
            {
                if (child.Name.LocalName != "entity")
                {
                    throw Unsupported(child.Name.LocalName == "order" ? "order (under fetch, for reports)" : child.Name.LocalName);
                }
            }

            var entities = root.Elements().ToList();
            if (entities.Count == 0)
            {
                throw new InvalidOperationException("The FetchXML has no <entity> element: a fetch queries exactly one entity.");
            }

            if (entities.Count > 1)
            {
                throw new InvalidOperationException("The FetchXML has " + entities.Count.ToString(CultureInfo.InvariantCulture) + " <entity> elements: a fetch queries exactly one entity.");
            }

            var datasource = (string?)root.Attribute("datasource");
            if (!string.IsNullOrEmpty(datasource) && datasource != "live")
            {
                throw new NotSupportedException("The FetchXML datasource '" + datasource + "' is not supported by the in-memory Dataverse.");
            }

            var entity = entities[0];
            var entityName = Required(entity, "name");
            var fetch = new ParsedFetch(entityName, new QueryExpression(entityName))
            {
                Aggregate = Flag(root, "aggregate"),
                ReturnTotalRecordCount = Flag(root, "returntotalrecordcount"),
                PageSize = Number(root, "count"),
                PageNumber = Number(root, "page"),
            };

            var top = Number(root, "top");
            if (top.HasValue && (top.Value < 1 || top.Value > MaximumTop))
            {
                throw new InvalidOperationException("The fetch attribute top must be between 1 and " + MaximumTop.ToString(CultureInfo.InvariantCulture) + ", not " + top.Value.ToString(CultureInfo.InvariantCulture) + ".");
            }

            var limit = Number(root, "aggregatelimit");
            fetch.AggregateLimit = limit.HasValue && limit.Value > 0 ? Math.Min(limit.Value, AggregateQueryRecordLimit) : AggregateQueryRecordLimit;

            var query = fetch.Query;
            query.TopCount = top;
            query.Distinct = Flag(root, "distinct");
            query.NoLock = Flag(root, "no-lock");
            query.PageInfo = new PagingInfo
            {
                Count = fetch.PageSize ?? 0,
                PageNumber = fetch.PageSize.HasValue ? fetch.PageNumber ?? 1 : fetch.PageNumber ?? 0,
                PagingCookie = (string?)root.Attribute("paging-cookie")!,
                ReturnTotalRecordCount = fetch.ReturnTotalRecordCount,
            };

            // Aliases first: a condition may name a link-entity that comes after it.
            var tables = new Dictionary<string, string>(StringComparer.Ordinal);
            var aliases = new Dictionary<XElement, string>();
            AssignAliases(entity, entityName, tables, aliases, new Dictionary<string, int>(StringComparer.Ordinal));

            var node = new Node(entityName, null, query.ColumnSet, query.Orders, query.LinkEntities);
            var criteria = ParseNode(entity, node, fetch, tables, aliases);
            query.Criteria = criteria;

            if (!fetch.Aggregate && !entity.Elements().Any(e => e.Name.LocalName == "attribute" || e.Name.LocalName == "all-attributes"))
            {
                // A fetch whose entity names no column returns them all.
                query.ColumnSet.AllColumns = true;
            }

            CheckAliases(fetch);
            if (fetch.Aggregate && !fetch.Columns.Any())
            {
                throw new InvalidOperationException("An aggregate fetch needs at least one attribute with aggregate or groupby.");
            }

            return fetch;
        }

        private void AssignAliases(XElement parent, string parentTable, Dictionary<string, string> tables, Dictionary<XElement, string> aliases, Dictionary<string, int> counters)
        {
            foreach (var link in parent.Elements().Where(e => e.Name.LocalName == "link-entity"))
            {
                var name = Required(link, "name");
                var alias = (string?)link.Attribute("alias");
                if (!string.IsNullOrEmpty(alias))
                {
                    if (tables.ContainsKey(alias))
                    {
                        throw new InvalidOperationException("The link-entity alias '" + alias + "' is used more than once: each link-entity needs its own alias.");
                    }
                }
                else
                {
                    var from = (string?)link.Attribute("from") ?? _primaryIdOf(name);
                    if (string.Equals(from, _primaryIdOf(name), StringComparison.Ordinal) && !tables.ContainsKey(name))
                    {
                        alias = name;
                    }
                    else
                    {
                        do
                        {
                            counters.TryGetValue(name, out var count);
                            counters[name] = ++count;
                            alias = name + count.ToString(CultureInfo.InvariantCulture);
                        }
                        while (tables.ContainsKey(alias));
                    }
                }

                tables[alias!] = name;
                aliases[link] = alias!;
                AssignAliases(link, name, tables, aliases, counters);
            }
        }

        /// <summary>Reads the children of an entity or link-entity into its columns, orders and links; returns its filter.</summary>
        private FilterExpression ParseNode(XElement element, Node node, ParsedFetch fetch, Dictionary<string, string> tables, Dictionary<XElement, string> aliases)
        {
            var filters = new List<FilterExpression>();
            var nodeColumns = new List<FetchColumn>();
            foreach (var child in element.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "attribute":
                        nodeColumns.Add(ParseAttribute(child, node, fetch));
                        break;
                    case "all-attributes":
                        if (fetch.Aggregate)
                        {
                            throw new InvalidOperationException("<all-attributes> cannot be used in an aggregate fetch: every attribute needs aggregate or groupby and an alias.");
                        }

                        node.Columns.AllColumns = true;
                        break;
                    case "order":
                        ParseOrder(child, node, fetch);
                        break;
                    case "filter":
                        filters.Add(ParseFilter(child, node, tables));
                        break;
                    case "link-entity":
                        node.Links.Add(ParseLink(child, node, fetch, tables, aliases));
                        break;
                    default:
                        throw Unsupported(child.Name.LocalName);
                }
            }

            foreach (var column in nodeColumns.Where(c => c.Alias != null))
            {
                column.AlsoUnaliased = node.Columns.AllColumns || nodeColumns.Any(other => other.Alias == null && other.Attribute == column.Attribute);
            }

            fetch.Columns.AddRange(nodeColumns.Where(c => fetch.Aggregate || c.Alias != null));
            if (filters.Count == 1)
            {
                return filters[0];
            }

            var combined = new FilterExpression(LogicalOperator.And);
            foreach (var filter in filters)
            {
                combined.AddFilter(filter);
            }

            return combined;
        }

        private LinkEntity ParseLink(XElement element, Node parent, ParsedFetch fetch, Dictionary<string, string> tables, Dictionary<XElement, string> aliases)
        {
            var name = Required(element, "name");
            var linkType = (string?)element.Attribute("link-type") ?? "inner";
            var join = linkType switch
            {
                "inner" => JoinOperator.Inner,
                "outer" => JoinOperator.LeftOuter,
                _ => throw new NotSupportedException("The FetchXML link-type '" + linkType + "' (link-entity " + name + ") is not supported by the in-memory Dataverse."),
            };

            var from = (string?)element.Attribute("from") ?? _primaryIdOf(name);
            var to = (string?)element.Attribute("to") ?? _primaryIdOf(parent.Table);
            var link = new LinkEntity(parent.Table, name, to, from, join) { EntityAlias = aliases[element] };
            var node = new Node(name, link.EntityAlias, link.Columns, link.Orders, link.LinkEntities);
            link.LinkCriteria = ParseNode(element, node, fetch, tables, aliases);
            return link;
        }

        private FetchColumn ParseAttribute(XElement element, Node node, ParsedFetch fetch)
        {
            var name = Required(element, "name");
            if (element.Attribute("rowaggregate") != null)
            {
                throw new NotSupportedException("The FetchXML attribute option 'rowaggregate' (on " + name + ") is not supported by the in-memory Dataverse.");
            }

            var alias = (string?)element.Attribute("alias");
            var aggregate = (string?)element.Attribute("aggregate");
            var groupBy = Flag(element, "groupby");
            var dateGrouping = (string?)element.Attribute("dategrouping");
            var column = new FetchColumn(node.Alias, node.Table, name, string.IsNullOrEmpty(alias) ? null : alias)
            {
                AggregateFunction = aggregate,
                GroupBy = groupBy,
                DateGrouping = dateGrouping,
                Distinct = Flag(element, "distinct"),
                Type = _typeOf(node.Table, name),
            };

            if (!fetch.Aggregate)
            {
                if (aggregate != null || groupBy || dateGrouping != null)
                {
                    throw new InvalidOperationException("The attribute '" + name + "' has aggregate, groupby or dategrouping, which need aggregate=\"true\" on the fetch.");
                }

                if (!node.Columns.Columns.Contains(name))
                {
                    node.Columns.AddColumn(name);
                }

                return column;
            }

            if (aggregate == null && !groupBy)
            {
                throw new InvalidOperationException("The attribute '" + name + "' in an aggregate fetch needs aggregate or groupby=\"true\": Dataverse returns only aggregates and groups.");
            }

            if (aggregate != null && groupBy)
            {
                throw new InvalidOperationException("The attribute '" + name + "' cannot both aggregate and group by.");
            }

            if (column.Alias == null)
            {
                throw new InvalidOperationException(
                    "The " + (groupBy ? "groupby" : "aggregate") + " attribute '" + name + "' has no alias: Dataverse requires an alias on every aggregate and groupby attribute.");
            }

            if (aggregate != null && !(aggregate is "count" or "countcolumn" or "sum" or "avg" or "min" or "max"))
            {
                throw new InvalidOperationException("The aggregate '" + aggregate + "' on '" + name + "' is not a FetchXML aggregate: use count, countcolumn, sum, avg, min or max.");
            }

            if (dateGrouping != null)
            {
                if (!groupBy)
                {
                    throw new InvalidOperationException("The attribute '" + name + "' has dategrouping without groupby=\"true\".");
                }

                if (dateGrouping is "fiscal-period" or "fiscal-year")
                {
                    throw new NotSupportedException("The FetchXML dategrouping '" + dateGrouping + "' (on " + name + ") is not supported by the in-memory Dataverse.");
                }

                if (!(dateGrouping is "year" or "quarter" or "month" or "week" or "day"))
                {
                    throw new InvalidOperationException("The dategrouping '" + dateGrouping + "' on '" + name + "' is not valid: use year, quarter, month, week or day.");
                }
            }

            return column;
        }

        private static void ParseOrder(XElement element, Node node, ParsedFetch fetch)
        {
            var attribute = (string?)element.Attribute("attribute");
            var alias = (string?)element.Attribute("alias");
            var descending = Flag(element, "descending");
            if (fetch.Aggregate)
            {
                if (string.IsNullOrEmpty(alias) || !string.IsNullOrEmpty(attribute))
                {
                    throw new InvalidOperationException(
                        "An order in an aggregate fetch must name the alias of an aggregate or groupby attribute, not an attribute ("
                        + (attribute ?? "no alias") + ").");
                }

                fetch.AggregateOrders.Add((alias!, descending));
                return;
            }

            if (string.IsNullOrEmpty(attribute))
            {
                throw new InvalidOperationException("An <order> in a fetch without aggregate needs an attribute.");
            }

            var entityName = (string?)element.Attribute("entityname");
            if (!string.IsNullOrEmpty(entityName) && node.Alias != null)
            {
                throw new InvalidOperationException("An <order> with entityname belongs under <entity>, not under <link-entity> (order on " + attribute + ").");
            }

            node.Orders.Add(new OrderExpression(attribute, descending ? OrderType.Descending : OrderType.Ascending)
            {
                EntityName = string.IsNullOrEmpty(entityName) ? null! : entityName,
            });
        }

        private FilterExpression ParseFilter(XElement element, Node node, Dictionary<string, string> tables)
        {
            var type = (string?)element.Attribute("type") ?? "and";
            var filter = new FilterExpression(type switch
            {
                "and" => LogicalOperator.And,
                "or" => LogicalOperator.Or,
                _ => throw new InvalidOperationException("The filter type '" + type + "' is not valid: use and or or."),
            })
            {
                IsQuickFindFilter = Flag(element, "isquickfindfields"),
            };

            foreach (var child in element.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "condition":
                        filter.AddCondition(ParseCondition(child, node, tables));
                        break;
                    case "filter":
                        filter.AddFilter(ParseFilter(child, node, tables));
                        break;
                    default:
                        throw Unsupported(child.Name.LocalName);
                }
            }

            return filter;
        }

        private ConditionExpression ParseCondition(XElement element, Node node, Dictionary<string, string> tables)
        {
            foreach (var option in new[] { "valueof", "aggregate", "rowaggregate" })
            {
                if (element.Attribute(option) != null)
                {
                    throw new NotSupportedException("The FetchXML condition option '" + option + "' is not supported by the in-memory Dataverse.");
                }
            }

            var attribute = Required(element, "attribute");
            var operatorName = Required(element, "operator");
            if (!Operators.TryGetValue(operatorName, out var conditionOperator))
            {
                throw new NotSupportedException("The FetchXML operator '" + operatorName + "' is not supported by the in-memory Dataverse.");
            }

            var entityName = (string?)element.Attribute("entityname");
            var table = node.Table;
            if (!string.IsNullOrEmpty(entityName))
            {
                if (node.Alias != null)
                {
                    throw new NotSupportedException("A condition with entityname inside a link-entity's filter (on " + attribute + ") is not supported by the in-memory Dataverse: put it in the entity's filter.");
                }

                if (!tables.TryGetValue(entityName, out var linked))
                {
                    throw new InvalidOperationException("The condition on '" + attribute + "' names entityname '" + entityName + "', which is not the alias of a link-entity in this fetch.");
                }

                table = linked;
            }

            foreach (var child in element.Elements())
            {
                if (child.Name.LocalName != "value")
                {
                    throw Unsupported(child.Name.LocalName);
                }
            }

            var texts = element.Elements().Select(value => value.Value).ToList();
            var single = (string?)element.Attribute("value");
            if (texts.Count == 0 && single != null)
            {
                texts.Add(single);
            }

            var type = _typeOf(table, attribute);
            var values = texts.Select(text => ConvertValue(text, conditionOperator, type, table, attribute, operatorName)).ToArray();
            return new ConditionExpression(string.IsNullOrEmpty(entityName) ? null! : entityName, attribute, conditionOperator, values);
        }

        /// <summary>A FetchXML value (always text) as the value the column stores, so the condition compares like with like.</summary>
        private static object ConvertValue(string text, ConditionOperator conditionOperator, AttributeTypeCode? type, string table, string attribute, string operatorName)
        {
            try
            {
                switch (conditionOperator)
                {
                    case ConditionOperator.LastXHours:
                    case ConditionOperator.NextXHours:
                    case ConditionOperator.LastXDays:
                    case ConditionOperator.NextXDays:
                    case ConditionOperator.OlderThanXDays:
                    case ConditionOperator.OlderThanXHours:
                        return int.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    case ConditionOperator.Like:
                    case ConditionOperator.NotLike:
                    case ConditionOperator.BeginsWith:
                    case ConditionOperator.DoesNotBeginWith:
                    case ConditionOperator.EndsWith:
                    case ConditionOperator.DoesNotEndWith:
                        return text;
                    case ConditionOperator.On:
                    case ConditionOperator.NotOn:
                    case ConditionOperator.OnOrAfter:
                    case ConditionOperator.OnOrBefore:
                        return ParseDate(text);
                }

                switch (type)
                {
                    case AttributeTypeCode.Integer:
                    case AttributeTypeCode.Picklist:
                    case AttributeTypeCode.State:
                    case AttributeTypeCode.Status:
                        return int.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    case AttributeTypeCode.BigInt:
                        return long.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    case AttributeTypeCode.Decimal:
                    case AttributeTypeCode.Money:
                        return decimal.Parse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);
                    case AttributeTypeCode.Double:
                        return double.Parse(text.Trim(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                    case AttributeTypeCode.Boolean:
                        return text.Trim().ToLowerInvariant() switch
                        {
                            "1" or "true" => true,
                            "0" or "false" => false,
                            _ => throw new FormatException("a two-options value is 1, 0, true or false"),
                        };
                    case AttributeTypeCode.DateTime:
                        return ParseDate(text);
                    case AttributeTypeCode.Lookup:
                    case AttributeTypeCode.Customer:
                    case AttributeTypeCode.Owner:
                    case AttributeTypeCode.Uniqueidentifier:
                        return Guid.Parse(text.Trim());
                    default:
                        return text;
                }
            }
            catch (Exception failure) when (failure is FormatException || failure is OverflowException)
            {
                throw new InvalidOperationException(
                    "The value '" + text + "' of the condition " + table + "." + attribute + " " + operatorName + " is not a valid "
                    + (type?.ToString() ?? "value") + ": " + failure.Message,
                    failure);
            }
        }

        private static DateTime ParseDate(string text) =>
            DateTime.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        private static void CheckAliases(ParsedFetch fetch)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var column in fetch.Columns.Where(c => c.Alias != null))
            {
                if (!seen.Add(column.Alias!))
                {
                    throw new InvalidOperationException("The alias '" + column.Alias + "' is used more than once: each column returned needs a unique name.");
                }
            }

            foreach (var (alias, _) in fetch.AggregateOrders)
            {
                if (!seen.Contains(alias))
                {
                    throw new InvalidOperationException("The order alias '" + alias + "' is not the alias of an aggregate or groupby attribute of this fetch.");
                }
            }
        }

        private static string Required(XElement element, string attribute)
        {
            var value = (string?)element.Attribute(attribute);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException("The FetchXML element <" + element.Name.LocalName + "> needs a '" + attribute + "' attribute.");
            }

            return value;
        }

        private static bool Flag(XElement element, string attribute)
        {
            var value = (string?)element.Attribute(attribute);
            return value?.Trim().ToLowerInvariant() switch
            {
                null or "" => false,
                "true" or "1" => true,
                "false" or "0" => false,
                _ => throw new InvalidOperationException("The FetchXML attribute " + attribute + "='" + value + "' on <" + element.Name.LocalName + "> is not a boolean (true, false, 1 or 0)."),
            };
        }

        private static int? Number(XElement element, string attribute)
        {
            var value = (string?)element.Attribute(attribute);
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (!int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < 0)
            {
                throw new InvalidOperationException("The FetchXML attribute " + attribute + "='" + value + "' on <" + element.Name.LocalName + "> is not a positive whole number.");
            }

            return number;
        }

        private static NotSupportedException Unsupported(string element) =>
            new NotSupportedException("The FetchXML element '" + element + "' is not supported by the in-memory Dataverse.");

        private static IEnumerable<LinkEntity> Flatten(IEnumerable<LinkEntity> links) =>
            links.SelectMany(link => new[] { link }.Concat(Flatten(link.LinkEntities)));

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

        /// <summary>An entity or link-entity being read: its table, its alias (null for the entity), and where its parts go.</summary>
        private sealed record Node(string Table, string? Alias, ColumnSet Columns, IList<OrderExpression> Orders, IList<LinkEntity> Links);

        /// <summary>A requested column: where it comes from, its alias, and for an aggregate fetch how it aggregates or groups.</summary>
        private sealed class FetchColumn
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

        private sealed class ParsedFetch
        {
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
}
