using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Storage
{
    /// <summary>
    /// The rows of the in-memory Dataverse, by table and id, with one database transaction at a time: every write made
    /// while a transaction is open is journaled, and <see cref="Transaction.Rollback"/> undoes them all, in reverse order.
    /// The store keeps its own copies: a row handed in or out is never shared with the caller.
    /// </summary>
    public sealed class RecordStore
    {
        private readonly Dictionary<string, Dictionary<Guid, Entity>> _tables = new(StringComparer.Ordinal);
        private List<(string Table, Guid Id, Entity? Before)>? _journal;

        /// <summary>True while a transaction is open: writes then belong to it.</summary>
        public bool InTransaction => _journal != null;

        public int Count(string table) => _tables.TryGetValue(table, out var rows) ? rows.Count : 0;

        /// <summary>A copy of the row, or null.</summary>
        public Entity? Get(string table, Guid id) =>
            _tables.TryGetValue(table, out var rows) && rows.TryGetValue(id, out var row) ? RowCopy.Of(row) : null;

        public bool Contains(string table, Guid id) => _tables.TryGetValue(table, out var rows) && rows.ContainsKey(id);

        /// <summary>The stored rows of a table, read-only: callers must not change them (the query engine copies what it returns).</summary>
        public IEnumerable<Entity> Rows(string table) =>
            _tables.TryGetValue(table, out var rows) ? rows.Values : Enumerable.Empty<Entity>();

        /// <summary>Inserts or replaces the row (a copy of it).</summary>
        public void Put(Entity row)
        {
            if (!_tables.TryGetValue(row.LogicalName, out var rows))
            {
                rows = new Dictionary<Guid, Entity>();
                _tables[row.LogicalName] = rows;
            }

            rows.TryGetValue(row.Id, out var before);
            _journal?.Add((row.LogicalName, row.Id, before));
            rows[row.Id] = RowCopy.Of(row);
        }

        public bool Remove(string table, Guid id)
        {
            if (!_tables.TryGetValue(table, out var rows) || !rows.TryGetValue(id, out var before))
            {
                return false;
            }

            _journal?.Add((table, id, before));
            rows.Remove(id);
            return true;
        }

        /// <summary>Opens a transaction, or returns null when one is already open (the caller then joins it).</summary>
        public Transaction? Begin()
        {
            if (_journal != null)
            {
                return null;
            }

            _journal = new List<(string, Guid, Entity?)>();
            return new Transaction(this);
        }

        private void Undo()
        {
            var journal = _journal ?? throw new InvalidOperationException("No transaction is open.");
            _journal = null;
            for (var index = journal.Count - 1; index >= 0; index--)
            {
                var (table, id, before) = journal[index];
                var rows = _tables[table];
                if (before == null)
                {
                    rows.Remove(id);
                }
                else
                {
                    rows[id] = before;
                }
            }
        }

        /// <summary>The open transaction: commit keeps the writes, rollback (or disposing without commit) undoes them.</summary>
        public sealed class Transaction : IDisposable
        {
            private readonly RecordStore _store;
            private bool _done;

            internal Transaction(RecordStore store)
            {
                _store = store;
            }

            public void Commit()
            {
                if (!_done)
                {
                    _done = true;
                    _store._journal = null;
                }
            }

            public void Rollback()
            {
                if (!_done)
                {
                    _done = true;
                    _store.Undo();
                }
            }

            public void Dispose() => Rollback();
        }
    }
}
