using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// What a query returns of a row, worked out once per query: the requested columns of its table (the primary id too, except
    /// for a distinct query that does not ask for it, as Dataverse does), then, link by link, the linked columns each link asks for.
    /// Values are copied (a lookup, a choice, money...): the row may be the stored one, and the caller may change what it gets.
    /// </summary>
    internal sealed class RowProjection
    {
        private readonly string _table;
        private readonly string _idName;
        private readonly bool _withId;
        private readonly HashSet<string>? _columns;
        private readonly (string Prefix, HashSet<string>? Keys)[] _links;

        public RowProjection(QueryEngine engine, QueryExpression query, List<ResolvedLink> links)
        {
            _table = query.EntityName;
            _idName = engine.PrimaryIdOf(query.EntityName);
            _withId = !query.Distinct || query.ColumnSet.AllColumns || query.ColumnSet.Columns.Contains(_idName);
            _columns = query.ColumnSet.AllColumns ? null : new HashSet<string>(query.ColumnSet.Columns, StringComparer.Ordinal);
            _links = RowOrdering.Flatten(links, link => link.Children)
                .Select(link => (link.Alias + ".", link.Link.Columns.AllColumns ? null : new HashSet<string>(link.Link.Columns.Columns.Select(column => link.Alias + "." + column), StringComparer.Ordinal)))
                .ToArray();
        }

        public Entity Of(Entity row)
        {
            var width = _columns == null || _links.Length > 0 ? row.Attributes.Count + 1 : _columns.Count + 1;
            var result = _withId ? new Entity(_table, row.Id) : new Entity(_table);
            result.Attributes = RowCopy.Sized(width);
            if (_withId)
            {
                result[_idName] = row.Id;
            }

            foreach (var column in row.Attributes)
            {
                if (column.Key.IndexOf('.', StringComparison.Ordinal) < 0 && (_columns == null || _columns.Contains(column.Key)))
                {
                    result[column.Key] = RowCopy.Value(column.Value);
                }
            }

            foreach (var (prefix, keys) in _links)
            {
                foreach (var column in row.Attributes)
                {
                    if (column.Key.StartsWith(prefix, StringComparison.Ordinal) && (keys == null || keys.Contains(column.Key)))
                    {
                        result[column.Key] = RowCopy.Value(column.Value);
                    }
                }
            }

            return result;
        }
    }
}
