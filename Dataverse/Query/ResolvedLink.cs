using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// A link of one query, with the linked rows that pass its criteria by the id they join on: sought by id, or in the store's
    /// index, for each id joined (a link on a primary key or an indexed lookup), else read once per query from the whole linked
    /// table, never once per row. The same rows, in the same order, as a scan finds.
    /// </summary>
    internal sealed record ResolvedLink(LinkEntity Link, string Alias, List<ResolvedLink> Children)
    {
        private Dictionary<Guid, List<Entity>>? _byId;
        private Dictionary<Guid, List<Entity>>? _seeks;
        private bool _seekable = true;

        private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

        /// <summary>The name a linked column has in a joined row: the link's alias, a dot, the column (made once per column and query).</summary>
        public string KeyOf(string column)
        {
            if (!_keys.TryGetValue(column, out var key))
            {
                key = Alias + "." + column;
                _keys[column] = key;
            }

            return key;
        }

        /// <summary>The linked columns joined rows carry; null for all.</summary>
        public HashSet<string>? Needed { get; init; }

        /// <summary>
        /// The linked rows (passing the link's criteria) that join on <paramref name="id"/>. When the link is on the linked table's
        /// primary key or on a column the store indexes, they are read by id or from the index, once per id and query; otherwise
        /// the linked table is read once and indexed by the column it joins on. Either way: the rows a scan finds, in its order.
        /// </summary>
        public List<Entity> Matches(QueryEngine engine, Guid id)
        {
            if (_byId == null && _seekable)
            {
                _seeks ??= new Dictionary<Guid, List<Entity>>();
                if (_seeks.TryGetValue(id, out var sought))
                {
                    return sought;
                }

                var table = Link.LinkToEntityName;
                var candidates = Link.LinkToAttributeName == engine.PrimaryIdOf(table)
                    ? engine.RowsWithIds?.Invoke(table, new[] { id })
                    : engine.RowsWhere?.Invoke(table, IndexedConditions.Of(Link.LinkCriteria).Prepend(new KeyValuePair<string, IReadOnlyCollection<object>>(Link.LinkToAttributeName, new object[] { id })).ToList());
                if (candidates != null)
                {
                    sought = Index(engine, candidates).TryGetValue(id, out var rows) ? rows : new List<Entity>();
                    _seeks[id] = sought;
                    return sought;
                }

                _seekable = false;
            }

            _byId ??= Index(engine, engine.RowsOf(Link.LinkToEntityName));
            return _byId.TryGetValue(id, out var found) ? found : new List<Entity>();
        }

        private Dictionary<Guid, List<Entity>> Index(QueryEngine engine, IEnumerable<Entity> candidates)
        {
            // Filter the stored rows before copying them, as a query without links does.
            var idColumn = engine.PrimaryIdOf(Link.LinkToEntityName);
            var namesId = QueryEngine.Names(Link.LinkCriteria, idColumn);
            var index = new Dictionary<Guid, List<Entity>>();
            foreach (var candidate in candidates)
            {
                if (engine.LinkedValue(this, candidate) is Guid id && engine.Evaluator.Matches(candidate.Contains(idColumn) || !namesId ? candidate : engine.WithPrimaryId(candidate), Link.LinkCriteria))
                {
                    if (!index.TryGetValue(id, out var rows))
                    {
                        index[id] = rows = new List<Entity>();
                    }

                    rows.Add(Needed == null ? engine.WithPrimaryId(candidate) : engine.Narrow(candidate, Needed));
                }
            }

            return index;
        }
    }
}
