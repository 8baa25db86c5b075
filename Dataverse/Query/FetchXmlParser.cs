using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// Reads FetchXML into a <see cref="ParsedFetch"/>: the fetch's settings, the entity and its nested link-entities (with the aliases
    /// Dataverse gives them), their attributes, orders and filters. What each element may carry, and what is refused, is listed on
    /// <see cref="FetchXmlEngine"/>.
    /// </summary>
    internal sealed class FetchXmlParser
    {
        /// <summary>The largest <c>top</c> Dataverse accepts.</summary>
        private const int MaximumTop = 5000;

        private readonly Func<string, string> _primaryIdOf;
        private readonly Func<string, string, AttributeTypeCode?> _typeOf;
        private readonly FetchConditionParser _conditions;

        /// <summary>
        /// <paramref name="primaryIdOf"/> names a table's primary id (for the default alias of a link-entity and the default from/to columns);
        /// <paramref name="typeOf"/> gives a column's type (or null when the column is unknown) to convert condition values and type aggregates.
        /// </summary>
        public FetchXmlParser(Func<string, string> primaryIdOf, Func<string, string, AttributeTypeCode?> typeOf)
        {
            _primaryIdOf = primaryIdOf;
            _typeOf = typeOf;
            _conditions = new FetchConditionParser(typeOf);
        }

        /// <summary>The fetch read into its query and settings; malformed or unsupported FetchXML fails naming the problem.</summary>
        public ParsedFetch Parse(string fetchXml)
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
                    throw FetchXmlSyntax.Unsupported(child.Name.LocalName == "order" ? "order (under fetch, for reports)" : child.Name.LocalName);
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
            var entityName = FetchXmlSyntax.Required(entity, "name");
            var fetch = new ParsedFetch(entityName, new QueryExpression(entityName))
            {
                Aggregate = FetchXmlSyntax.Flag(root, "aggregate"),
                ReturnTotalRecordCount = FetchXmlSyntax.Flag(root, "returntotalrecordcount"),
                PageSize = FetchXmlSyntax.Number(root, "count"),
                PageNumber = FetchXmlSyntax.Number(root, "page"),
            };

            var top = FetchXmlSyntax.Number(root, "top");
            if (top.HasValue && (top.Value < 1 || top.Value > MaximumTop))
            {
                throw new InvalidOperationException("The fetch attribute top must be between 1 and " + MaximumTop.ToString(CultureInfo.InvariantCulture) + ", not " + top.Value.ToString(CultureInfo.InvariantCulture) + ".");
            }

            var limit = FetchXmlSyntax.Number(root, "aggregatelimit");
            fetch.AggregateLimit = limit.HasValue && limit.Value > 0 ? Math.Min(limit.Value, ParsedFetch.AggregateQueryRecordLimit) : ParsedFetch.AggregateQueryRecordLimit;

            var query = fetch.Query;
            query.TopCount = top;
            query.Distinct = FetchXmlSyntax.Flag(root, "distinct");
            query.NoLock = FetchXmlSyntax.Flag(root, "no-lock");
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

            var node = new FetchNode(entityName, null, query.ColumnSet, query.Orders, query.LinkEntities);
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
                var name = FetchXmlSyntax.Required(link, "name");
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
        private FilterExpression ParseNode(XElement element, FetchNode node, ParsedFetch fetch, Dictionary<string, string> tables, Dictionary<XElement, string> aliases)
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
                        throw FetchXmlSyntax.Unsupported(child.Name.LocalName);
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

        private LinkEntity ParseLink(XElement element, FetchNode parent, ParsedFetch fetch, Dictionary<string, string> tables, Dictionary<XElement, string> aliases)
        {
            var name = FetchXmlSyntax.Required(element, "name");
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
            var node = new FetchNode(name, link.EntityAlias, link.Columns, link.Orders, link.LinkEntities);
            link.LinkCriteria = ParseNode(element, node, fetch, tables, aliases);
            return link;
        }

        private FetchColumn ParseAttribute(XElement element, FetchNode node, ParsedFetch fetch)
        {
            var name = FetchXmlSyntax.Required(element, "name");
            if (element.Attribute("rowaggregate") != null)
            {
                throw new NotSupportedException("The FetchXML attribute option 'rowaggregate' (on " + name + ") is not supported by the in-memory Dataverse.");
            }

            var alias = (string?)element.Attribute("alias");
            var aggregate = (string?)element.Attribute("aggregate");
            var groupBy = FetchXmlSyntax.Flag(element, "groupby");
            var dateGrouping = (string?)element.Attribute("dategrouping");
            var column = new FetchColumn(node.Alias, node.Table, name, string.IsNullOrEmpty(alias) ? null : alias)
            {
                AggregateFunction = aggregate,
                GroupBy = groupBy,
                DateGrouping = dateGrouping,
                Distinct = FetchXmlSyntax.Flag(element, "distinct"),
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

        private static void ParseOrder(XElement element, FetchNode node, ParsedFetch fetch)
        {
            var attribute = (string?)element.Attribute("attribute");
            var alias = (string?)element.Attribute("alias");
            var descending = FetchXmlSyntax.Flag(element, "descending");
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

        private FilterExpression ParseFilter(XElement element, FetchNode node, Dictionary<string, string> tables)
        {
            var type = (string?)element.Attribute("type") ?? "and";
            var filter = new FilterExpression(type switch
            {
                "and" => LogicalOperator.And,
                "or" => LogicalOperator.Or,
                _ => throw new InvalidOperationException("The filter type '" + type + "' is not valid: use and or or."),
            })
            {
                IsQuickFindFilter = FetchXmlSyntax.Flag(element, "isquickfindfields"),
            };

            foreach (var child in element.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "condition":
                        filter.AddCondition(_conditions.Parse(child, node, tables));
                        break;
                    case "filter":
                        filter.AddFilter(ParseFilter(child, node, tables));
                        break;
                    default:
                        throw FetchXmlSyntax.Unsupported(child.Name.LocalName);
                }
            }

            return filter;
        }

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
    }
}
