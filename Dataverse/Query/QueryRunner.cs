using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Organization;
using LeadAlign.Dataverse.Security;
using LeadAlign.Dataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// RetrieveMultiple's main operation: a <see cref="QueryExpression"/>, <see cref="QueryByAttribute"/> or <see cref="FetchExpression"/>
    /// run over the organization's rows by the <see cref="QueryEngine"/> and the <see cref="FetchXmlEngine"/>, for the calling user
    /// (EqualUserId) at the organization's time. The tables and columns a query names must exist, as Dataverse requires; a failure
    /// is the platform's fault.
    /// </summary>
    internal sealed class QueryRunner
    {
        private readonly MetadataCatalog _metadata;
        private readonly RecordStore _store;
        private readonly RecordReader _reader;
        private readonly OrganizationClock _clock;
        private readonly AccessChecker _access;
        private readonly int _aggregateLimit;

        public QueryRunner(MetadataCatalog metadata, RecordStore store, RecordReader reader, OrganizationClock clock, AccessChecker access, int aggregateLimit = ParsedFetch.AggregateQueryRecordLimit)
        {
            _aggregateLimit = aggregateLimit;
            _access = access;
            _metadata = metadata;
            _store = store;
            _reader = reader;
            _clock = clock;
        }

        /// <summary>
        /// The rows the query finds, as <paramref name="userId"/> runs it. When the organization enforces security roles, the user needs
        /// the Read privilege of the query's table, and the rows they cannot read (of that table and of every linked table) are left
        /// out silently, as the platform leaves them out.
        /// </summary>
        public EntityCollection RetrieveMultiple(QueryBase query, Guid userId) => _access.Columns.Readable(userId, Run(query, userId));

        private EntityCollection Run(QueryBase query, Guid userId)
        {
            // One statement, one consistent view: the store's mutex is held while the query evaluates (rows other transactions hold
            // are read as they were last committed).
            lock (_store.Gate)
            {
                return Evaluate(query, userId);
            }
        }

        private EntityCollection Evaluate(QueryBase query, Guid userId)
        {
            if (_access.Checks(userId) && _metadata.Table(TableOf(query)) != null)
            {
                _access.Require(userId, AccessRight.Read, TableOf(query), null);
            }

            // The user's access is worked out once per query, for all its reads.
            var readable = _access.ReadableFilter(userId);
            var rowsOf = (Func<string, IEnumerable<Entity>>)(table => readable(table, _reader.RowsOf(table)));
            var evaluator = new ConditionEvaluator(() => _clock.UtcNow, userId);
            var rowsWithIds = (Func<string, IReadOnlyCollection<Guid>, IEnumerable<Entity>>)((table, ids) => readable(table, _reader.RowsWithIds(table, ids)));
            var rowsWhere = (Func<string, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>>, IEnumerable<Entity>?>)((table, conditions) =>
                _reader.RowsWhere(table, conditions) is { } seek ? readable(table, seek) : null);
            var engine = new QueryEngine(rowsOf, table => _metadata.RequireTable(table).PrimaryId, evaluator, rowsWithIds, rowsWhere)
            {
                // Counting from the indexes skips reading rows, so only when no row would be left out for the user.
                CountWhere = _access.Checks(userId) ? null : _reader.CountWhere,
                GroupCountWhere = _access.Checks(userId) ? null : _reader.GroupCountWhere,
                RowsAfter = (table, id, conditions) => _reader.RowsAfter(table, id, conditions) is { } after ? readable(table, after) : null,
            };
            switch (query)
            {
                case QueryExpression expression:
                    CheckQuery(expression.EntityName, expression.ColumnSet, expression.Criteria, expression.LinkEntities);
                    var result = engine.Execute(expression);
                    foreach (var row in result.Entities)
                    {
                        row.RowVersion = row.GetAttributeValue<long?>("versionnumber")?.ToString(CultureInfo.InvariantCulture)
                            ?? _store.VersionNumber(row.LogicalName, row.Id)?.ToString(CultureInfo.InvariantCulture);
                    }

                    return result;
                case QueryByAttribute byAttribute:
                    _metadata.RequireTable(byAttribute.EntityName);
                    foreach (var attribute in byAttribute.Attributes)
                    {
                        _metadata.RequireColumn(byAttribute.EntityName, attribute);
                    }

                    return engine.Execute(byAttribute);
                case FetchExpression fetch:
                    return RetrieveFetch(fetch.Query, engine, evaluator, rowsOf);
                default:
                    throw DataverseFault.Invalid($"The query type {query?.GetType().Name ?? "null"} is not supported.");
            }
        }

        /// <summary>The table a query reads, as the context's PrimaryEntityName of a RetrieveMultiple; "none" for anything else.</summary>
        public static string TableOf(object? query) => query switch
        {
            QueryExpression expression => expression.EntityName,
            QueryByAttribute byAttribute => byAttribute.EntityName,
            FetchExpression fetch => FetchTable(fetch.Query),
            _ => "none",
        };

        private static string FetchTable(string fetchXml)
        {
            try
            {
                return (string?)XDocument.Parse(fetchXml).Root?.Element("entity")?.Attribute("name") ?? "none";
            }
            catch (XmlException malformed)
            {
                throw DataverseFault.Invalid($"The FetchXML is not well-formed: {malformed.Message}");
            }
        }

        private EntityCollection RetrieveFetch(string fetchXml, QueryEngine engine, ConditionEvaluator evaluator, Func<string, IEnumerable<Entity>> rowsOf)
        {
            AttributeTypeCode? TypeOf(string table, string column) => _metadata.Table(table)?.Column(column)?.Type;
            try
            {
                var fetch = new FetchXmlEngine(engine, rowsOf, table => _metadata.RequireTable(table).PrimaryId, evaluator, TypeOf, _aggregateLimit);
                var query = XDocument.Parse(fetchXml).Root;
                if ((string?)query?.Attribute("aggregate") != "true")
                {
                    var expression = fetch.ToQueryExpression(fetchXml);
                    CheckQuery(expression.EntityName, expression.ColumnSet, expression.Criteria, expression.LinkEntities);
                }

                return fetch.Execute(fetchXml);
            }
            catch (AggregateLimitExceededException over)
            {
                throw DataverseFault.Create(DataverseFault.AggregateQueryRecordLimitExceeded, over.Message);
            }
            catch (Exception failure) when (failure is InvalidOperationException or NotSupportedException or XmlException or FormatException)
            {
                throw DataverseFault.Invalid(failure.Message);
            }
        }

        private void CheckQuery(string table, ColumnSet? columns, FilterExpression? criteria, IEnumerable<LinkEntity> links)
        {
            _metadata.RequireTable(table ?? string.Empty);
            foreach (var column in columns == null || columns.AllColumns ? Enumerable.Empty<string>() : columns.Columns)
            {
                _metadata.RequireColumn(table!, column);
            }

            CheckFilter(table!, criteria);
            foreach (var link in links)
            {
                _metadata.RequireColumn(table!, link.LinkFromAttributeName);
                _metadata.RequireColumn(link.LinkToEntityName, link.LinkToAttributeName);
                CheckQuery(link.LinkToEntityName, link.Columns, link.LinkCriteria, link.LinkEntities);
            }
        }

        private void CheckFilter(string table, FilterExpression? filter)
        {
            if (filter == null)
            {
                return;
            }

            foreach (var condition in filter.Conditions.Where(condition => string.IsNullOrEmpty(condition.EntityName)))
            {
                _metadata.RequireColumn(table, condition.AttributeName);
            }

            foreach (var child in filter.Filters)
            {
                CheckFilter(table, child);
            }
        }
    }
}
