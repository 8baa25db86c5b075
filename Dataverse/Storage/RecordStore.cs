using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Storage
{
    /// <summary>
    /// The rows of the in-memory Dataverse, by table and id, written by many transactions at once as SQL Server writes them: each call
    /// chain (a top-level operation with the nested calls its plug-ins make) has its own <see cref="StoreTransaction"/>, which writes
    /// in place, journals every write for its rollback, and holds an exclusive lock on every row it writes until it commits or rolls
    /// back (<see cref="RowLocks"/>). Reads are READ COMMITTED SNAPSHOT: a transaction sees its own writes and, for a row another open
    /// transaction holds, the row as it was last committed (a row that one inserted is invisible, a row it deleted still there).
    /// One short mutex (<see cref="Gate"/>) protects the structures; a query holds it while it evaluates, a wait for a row lock releases it.
    /// The store keeps its own copies: a row handed in or out is never shared with the caller.
    /// </summary>
    public sealed class RecordStore
    {
        private readonly Dictionary<string, RowTable> _tables = new(StringComparer.Ordinal);
        private readonly AsyncLocal<StoreTransaction?> _current = new();
        private readonly RowLocks _locks;

        public RecordStore()
            : this(DataverseOptions.DefaultLockTimeout)
        {
        }

        /// <summary><paramref name="lockTimeout"/>: how long a write waits for a row another transaction holds (<see cref="DataverseOptions.LockTimeout"/>).</summary>
        public RecordStore(TimeSpan lockTimeout)
        {
            if (lockTimeout <= TimeSpan.Zero || lockTimeout.TotalMilliseconds > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(lockTimeout), lockTimeout, "The lock timeout must be positive and at most int.MaxValue milliseconds (about 24 days).");
            }

            _locks = new RowLocks(Gate, lockTimeout, Undo);
        }

        /// <summary>True while the calling chain has a transaction open: its writes then belong to it.</summary>
        public bool InTransaction => _current.Value != null;

        /// <summary>How many writes wait for a row lock now (a test's way to know a second writer is blocked; never a timing).</summary>
        /// <summary>How many times writes waited for a row lock, and for how long in all, since the organization started (benchmarks report them).</summary>
        public (long Waits, TimeSpan WaitedFor) LockWaits
        {
            get
            {
                lock (Gate)
                {
                    return (_locks.Waits, _locks.WaitedFor);
                }
            }
        }

        public int WaitingForLocks
        {
            get
            {
                lock (Gate)
                {
                    return _locks.Waiting;
                }
            }
        }

        /// <summary>The mutex of the store's structures: hold it to read several rows consistently (a query), never while plug-in code runs.</summary>
        internal object Gate { get; } = new();

        /// <summary>The transaction of the calling chain, or null.</summary>
        internal StoreTransaction? Current => _current.Value;

        /// <summary>How many rows of the table the calling chain sees.</summary>
        public int Count(string table)
        {
            lock (Gate)
            {
                return VisibleRows(table).Count();
            }
        }

        /// <summary>A copy of the row as the calling chain sees it, or null.</summary>
        public Entity? Get(string table, Guid id)
        {
            Entity? row;
            lock (Gate)
            {
                row = Visible(table, id);
            }

            return row == null ? null : RowCopy.Of(row);
        }

        /// <summary>A copy of the row as the calling chain sees it with only <paramref name="columns"/> (all when null), or null.</summary>
        public Entity? Get(string table, Guid id, HashSet<string>? columns)
        {
            lock (Gate)
            {
                var row = Visible(table, id);
                return row == null ? null : RowCopy.Of(row, columns);
            }
        }

        /// <summary>
        /// What <paramref name="read"/> makes of the row as the calling chain sees it, without copying the row; <paramref name="absent"/>
        /// when there is none. <paramref name="read"/> gets the stored row under the mutex: it must not change it, nor return it or
        /// any of its reference values (an <see cref="EntityReference"/>, an <see cref="OptionSetValue"/>...) uncopied.
        /// </summary>
        internal T Read<T>(string table, Guid id, Func<Entity, T> read, T absent)
        {
            lock (Gate)
            {
                var row = Visible(table, id);
                return row == null ? absent : read(row);
            }
        }

        public bool Contains(string table, Guid id)
        {
            lock (Gate)
            {
                return Visible(table, id) != null;
            }
        }

        /// <summary>
        /// The rows of a table as the calling chain sees them, read-only: callers must not change them (the query engine copies what it
        /// returns). A caller holding <see cref="Gate"/> gets them as they are stored and must enumerate them before it lets go; any
        /// other caller gets a list taken under the mutex.
        /// </summary>
        public IEnumerable<Entity> Rows(string table)
        {
            if (Monitor.IsEntered(Gate))
            {
                return VisibleRows(table);
            }

            lock (Gate)
            {
                return VisibleRows(table).ToList();
            }
        }

        /// <summary>The row's versionnumber as the calling chain sees it, without copying the row; null when there is no such row.</summary>
        public long? VersionNumber(string table, Guid id)
        {
            lock (Gate)
            {
                return Visible(table, id)?.GetAttributeValue<long?>("versionnumber");
            }
        }

        /// <summary>
        /// The rows of a table with the given ids, as the calling chain sees them (read-only, as <see cref="Rows"/>): what a query
        /// whose criteria name the primary key reads, without scanning the table. Ids without a visible row are skipped.
        /// </summary>
        public IEnumerable<Entity> RowsWithIds(string table, IReadOnlyCollection<Guid> ids)
        {
            if (Monitor.IsEntered(Gate))
            {
                return ids.Distinct().Select(id => Visible(table, id)).OfType<Entity>();
            }

            lock (Gate)
            {
                return ids.Distinct().Select(id => Visible(table, id)).OfType<Entity>().ToList();
            }
        }

        /// <summary>
        /// The rows of a table that hold, in each indexed column of <paramref name="conditions"/>, one of its keys (ids as
        /// <see cref="Guid"/>, choice values as <see cref="int"/>, text as <see cref="string"/>), read from the table's indexes, in the
        /// order a scan finds them, as the calling chain sees them (read-only, as <see cref="Rows"/>); null when the indexes cannot
        /// answer (no condition's column is indexed for its keys, or another transaction holds rows of the table, whose committed
        /// versions a scan reads): the caller then scans. The caller still applies every condition.
        /// </summary>
        public IEnumerable<Entity>? RowsWhere(string table, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> conditions)
        {
            lock (Gate)
            {
                if (!_tables.TryGetValue(table, out var rows))
                {
                    return Enumerable.Empty<Entity>();
                }

                return _locks.HeldByOthers(table, _current.Value) == null ? rows.Seek(conditions) : null;
            }
        }

        /// <summary>
        /// How many rows of a table, as the calling chain sees them, hold in each column of <paramref name="conditions"/> one of its
        /// keys, counted from the table's indexes without reading a row; null when the indexes cannot answer every condition exactly
        /// or another transaction holds rows of the table (whose committed versions only a read of the rows sees).
        /// </summary>
        public int? CountWhere(string table, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> conditions)
        {
            lock (Gate)
            {
                if (_locks.HeldByOthers(table, _current.Value) != null)
                {
                    return null;
                }

                return _tables.TryGetValue(table, out var rows) ? rows.CountWhere(conditions) : 0;
            }
        }

        /// <summary>
        /// How many of the rows <see cref="CountWhere"/> counts hold each value of <paramref name="column"/>, in the order a scan or a
        /// seek meets the groups, from the table's indexes (each value a copy, from the group's first row); null when the indexes cannot
        /// answer exactly (see <see cref="RowTable.GroupCountWhere"/>) or another transaction holds rows of the table.
        /// </summary>
        public List<KeyValuePair<object, int>>? GroupCountWhere(string table, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> conditions, string column)
        {
            lock (Gate)
            {
                if (_locks.HeldByOthers(table, _current.Value) != null)
                {
                    return null;
                }

                return _tables.TryGetValue(table, out var rows) ? rows.GroupCountWhere(conditions, column) : new List<KeyValuePair<object, int>>();
            }
        }

        /// <summary>
        /// The rows of a table after the row with <paramref name="id"/>, in the order a scan or a seek reads them, as the calling chain
        /// sees them (read-only, as <see cref="Rows"/>; from the index when one of <paramref name="conditions"/> can be answered there);
        /// null when the store cannot continue after that row: no such row, or another transaction holds rows of the table.
        /// </summary>
        public IEnumerable<Entity>? RowsAfter(string table, Guid id, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> conditions)
        {
            var holding = Monitor.IsEntered(Gate);
            lock (Gate)
            {
                if (_locks.HeldByOthers(table, _current.Value) != null || !_tables.TryGetValue(table, out var rows) || rows.After(id, conditions) is not { } after)
                {
                    return null;
                }

                return holding ? after : after.ToList();
            }
        }

        /// <summary>Inserts or replaces the row (a copy of it), once the calling chain's transaction holds its lock.</summary>
        public void Put(Entity row) => Keep(RowCopy.Of(row));

        /// <summary>
        /// Inserts or replaces the row itself, not a copy, once the calling chain's transaction holds its lock: for a writer that built
        /// the row from copies (<see cref="Get(string, Guid)"/>, copied values) and hands it over, never to change it or give it out again.
        /// </summary>
        internal void Keep(Entity copy)
        {
            lock (Gate)
            {
                var transaction = _current.Value;
                var rows = StoredRows(copy.LogicalName);
                _locks.Acquire(transaction, copy.LogicalName, copy.Id, rows);
                rows.TryGetValue(copy.Id, out var before);
                transaction?.Journal.Add((copy.LogicalName, copy.Id, before));
                rows.Set(copy.Id, copy);
            }
        }

        /// <summary>Deletes the row, once the calling chain's transaction holds its lock; false when there was none.</summary>
        public bool Remove(string table, Guid id)
        {
            lock (Gate)
            {
                var transaction = _current.Value;
                _tables.TryGetValue(table, out var rows);
                _locks.Acquire(transaction, table, id, rows);
                if (rows == null || !rows.TryGetValue(id, out var before))
                {
                    return false;
                }

                transaction?.Journal.Add((table, id, before));
                rows.Remove(id);
                return true;
            }
        }

        /// <summary>
        /// Takes the exclusive lock on a row the calling chain is about to write (an Update reads the row it changes only once it
        /// holds it, so it never overwrites a change committed meanwhile), waiting while another transaction holds it.
        /// </summary>
        internal void Lock(string table, Guid id)
        {
            lock (Gate)
            {
                _tables.TryGetValue(table, out var rows);
                _locks.Acquire(_current.Value, table, id, rows);
            }
        }

        /// <summary>
        /// Takes the exclusive lock on a key of <paramref name="table"/> made of two ids (an association's pair, as a unique index's
        /// key): two transactions inserting the same pair queue, and the second then finds the first's row.
        /// </summary>
        internal void LockKey(string table, Guid first, Guid second)
        {
            lock (Gate)
            {
                _locks.Acquire(_current.Value, table + ":" + first.ToString("N"), second, null);
            }
        }

        /// <summary>Opens a transaction for the calling chain, or returns null when it has one open (the caller then joins it).</summary>
        public StoreTransaction? Begin()
        {
            if (_current.Value != null)
            {
                return null;
            }

            var transaction = new StoreTransaction(this);
            _current.Value = transaction;
            return transaction;
        }

        internal void Commit(StoreTransaction transaction)
        {
            if (transaction.IsUnusable)
            {
                var fault = transaction.UnusableFault();
                Rollback(transaction);
                throw fault;
            }

            if (!transaction.IsOpen)
            {
                End(transaction);
                return;
            }

            lock (Gate)
            {
                transaction.IsOpen = false;
                transaction.Journal.Clear();
                _locks.Release(transaction);
            }

            End(transaction);
            transaction.RunAfterCommit();
        }

        internal void Rollback(StoreTransaction transaction)
        {
            if (transaction.IsOpen)
            {
                lock (Gate)
                {
                    Undo(transaction);
                }
            }

            End(transaction);
        }

        /// <summary>Undoes the transaction's writes in reverse order and releases its locks (mutex held).</summary>
        private void Undo(StoreTransaction transaction)
        {
            var journal = transaction.Journal;
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
                    rows.Set(id, before);
                }
            }

            journal.Clear();
            transaction.IsOpen = false;
            transaction.DropAfterCommit();
            _locks.Release(transaction);
        }

        /// <summary>The chain that began the transaction is done with it.</summary>
        private void End(StoreTransaction transaction)
        {
            if (_current.Value == transaction)
            {
                _current.Value = null;
            }
        }

        private RowTable StoredRows(string table)
        {
            if (!_tables.TryGetValue(table, out var rows))
            {
                rows = new RowTable();
                _tables[table] = rows;
            }

            return rows;
        }

        /// <summary>The row as the calling chain sees it (the stored object: not to be changed), or null. Mutex held.</summary>
        private Entity? Visible(string table, Guid id)
        {
            var reader = _current.Value;
            if (_locks.HeldByOthers(table, reader) is { } locks && locks.TryGetValue(id, out var held) && held.Owner != reader)
            {
                return held.Committed;
            }

            return _tables.TryGetValue(table, out var rows) && rows.TryGetValue(id, out var row) ? row : null;
        }

        /// <summary>The rows of the table as the calling chain sees them, lazily (the stored objects: not to be changed). Mutex held.</summary>
        private IEnumerable<Entity> VisibleRows(string table)
        {
            _tables.TryGetValue(table, out var rows);
            var reader = _current.Value;
            if (_locks.HeldByOthers(table, reader) is not { } locks)
            {
                return rows?.Values ?? Enumerable.Empty<Entity>();
            }

            return Committed(rows, locks, reader);
        }

        /// <summary>
        /// The stored rows with, for each row another transaction holds, the row as it was committed: in the stored order, a row that
        /// transaction inserted left out; then the rows it deleted.
        /// </summary>
        private static IEnumerable<Entity> Committed(RowTable? rows, Dictionary<Guid, RowLock> locks, StoreTransaction? reader)
        {
            foreach (var row in rows?.Values ?? Enumerable.Empty<Entity>())
            {
                if (!locks.TryGetValue(row.Id, out var held) || held.Owner == reader)
                {
                    yield return row;
                }
                else if (held.Committed != null)
                {
                    yield return held.Committed;
                }
            }

            foreach (var held in locks.Values)
            {
                if (held.Owner != reader && held.Committed != null && (rows == null || !rows.ContainsKey(held.Committed.Id)))
                {
                    yield return held.Committed;
                }
            }
        }
    }
}
