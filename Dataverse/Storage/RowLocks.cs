using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using LeadAlign.Dataverse.Faults;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Storage
{
    /// <summary>
    /// The lock table of the <see cref="RecordStore"/>: (table, id) → the <see cref="RowLock"/> of the transaction that holds the row.
    /// Every method runs with the store's mutex held. A transaction that wants a row another one holds waits (<see cref="Monitor.Wait(object, TimeSpan)"/>
    /// releases the mutex so the holder can go on) until the holder commits or rolls back, or until the timeout passes, which fails
    /// with the platform's SQL timeout fault. Before it waits it looks for a deadlock: when the holder waits, directly or through
    /// others, for this transaction, one of the cycle is the victim (the one that has written least, the requester on a tie, as SQL
    /// Server picks the cheapest to roll back); the victim is rolled back and fails with the platform's deadlock fault.
    /// </summary>
    internal sealed class RowLocks
    {
        private readonly object _gate;
        private readonly Action<StoreTransaction> _rollBack;
        private readonly Dictionary<string, Dictionary<Guid, RowLock>> _tables = new(StringComparer.Ordinal);
        private int _holders;

        /// <summary><paramref name="rollBack"/>: undoes a victim's writes and releases its locks (the store's rollback, mutex held).</summary>
        public RowLocks(object gate, TimeSpan timeout, Action<StoreTransaction> rollBack)
        {
            _gate = gate;
            Timeout = timeout;
            _rollBack = rollBack;
        }

        /// <summary>How long a transaction waits for a row lock before it fails with the platform's SQL timeout fault.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>How many transactions (or writes outside any) wait for a row lock now.</summary>
        public int Waiting { get; private set; }

        /// <summary>How many times a write waited for a row lock another transaction held, since the organization started.</summary>
        public long Waits { get; private set; }

        /// <summary>The wall-clock time writes spent waiting for row locks, in all.</summary>
        public TimeSpan WaitedFor { get; private set; }

        /// <summary>
        /// The locks of <paramref name="table"/> when some of them may be held by a transaction other than <paramref name="reader"/>;
        /// null when the reader sees every row of the table as it is stored (no lock, or only its own).
        /// </summary>
        public Dictionary<Guid, RowLock>? HeldByOthers(string table, StoreTransaction? reader)
        {
            if (_holders == 0 || (_holders == 1 && reader != null && reader.Locks.Count > 0))
            {
                return null;
            }

            return _tables.TryGetValue(table, out var locks) && locks.Count > 0 ? locks : null;
        }

        /// <summary>
        /// Takes the exclusive lock on the row for <paramref name="transaction"/>, waiting while another transaction holds it. Without a
        /// transaction (a write outside any, committed at once) it only waits until the row is free. <paramref name="rows"/>: the
        /// table's stored rows, whose committed version of the row the lock keeps for the other transactions' reads.
        /// </summary>
        public void Acquire(StoreTransaction? transaction, string table, Guid id, RowTable? rows)
        {
            if (transaction is { IsUnusable: true })
            {
                throw transaction.UnusableFault();
            }

            if (!_tables.TryGetValue(table, out var locks))
            {
                locks = new Dictionary<Guid, RowLock>();
                _tables[table] = locks;
            }

            long started = 0;
            while (true)
            {
                if (!locks.TryGetValue(id, out var held))
                {
                    if (transaction != null)
                    {
                        Entity? committed = null;
                        rows?.TryGetValue(id, out committed);
                        locks[id] = new RowLock(transaction, committed);
                        if (transaction.Locks.Count == 0)
                        {
                            _holders++;
                        }

                        transaction.Locks.Add((table, id));
                    }

                    return;
                }

                if (held.Owner == transaction)
                {
                    return;
                }

                started = started == 0 ? Stopwatch.GetTimestamp() : started;
                WaitFor(transaction, held.Owner, table, id, started);
            }
        }

        /// <summary>Releases every lock of the transaction (it committed or rolled back) and wakes the transactions that wait.</summary>
        public void Release(StoreTransaction transaction)
        {
            if (transaction.Locks.Count == 0)
            {
                return;
            }

            foreach (var (table, id) in transaction.Locks)
            {
                var locks = _tables[table];
                locks.Remove(id);
                if (locks.Count == 0 && table.IndexOf(':', StringComparison.Ordinal) >= 0)
                {
                    // A key lock's resource (an association's pair) is used once: drop its empty table.
                    _tables.Remove(table);
                }
            }

            transaction.Locks.Clear();
            _holders--;
            if (Waiting > 0)
            {
                Monitor.PulseAll(_gate);
            }
        }

        private void WaitFor(StoreTransaction? waiter, StoreTransaction holder, string table, Guid id, long started)
        {
            if (waiter != null)
            {
                waiter.WaitingFor = holder;
                var victim = DeadlockVictim(waiter);
                if (victim == waiter)
                {
                    waiter.WaitingFor = null;
                    throw RolledBackAsVictim(waiter, table, id);
                }

                if (victim != null)
                {
                    victim.ChosenAsVictim = true;
                    Monitor.PulseAll(_gate);
                }
            }

            var remaining = Timeout - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                if (waiter != null)
                {
                    waiter.WaitingFor = null;
                }

                throw TransactionFaults.LockTimeout(table, id, Timeout);
            }

            Waiting++;
            var waitStarted = Stopwatch.GetTimestamp();
            try
            {
                Monitor.Wait(_gate, remaining);
            }
            finally
            {
                Waiting--;
                Waits++;
                WaitedFor += Stopwatch.GetElapsedTime(waitStarted);
                if (waiter != null)
                {
                    waiter.WaitingFor = null;
                }
            }

            if (waiter is { ChosenAsVictim: true })
            {
                throw RolledBackAsVictim(waiter, table, id);
            }
        }

        /// <summary>
        /// The victim when <paramref name="requester"/>'s new wait closes a cycle of the wait-for graph: the transaction of the cycle that
        /// has written least, the requester itself on a tie. Null when there is no cycle, or when one of it is already its victim.
        /// </summary>
        private static StoreTransaction? DeadlockVictim(StoreTransaction requester)
        {
            var cycle = new List<StoreTransaction> { requester };
            for (var next = requester.WaitingFor; next != null; next = next.WaitingFor)
            {
                if (next == requester)
                {
                    var victim = requester;
                    foreach (var member in cycle)
                    {
                        if (member.ChosenAsVictim)
                        {
                            return null;
                        }

                        victim = member.Journal.Count < victim.Journal.Count ? member : victim;
                    }

                    return victim;
                }

                if (cycle.Contains(next))
                {
                    return null;
                }

                cycle.Add(next);
            }

            return null;
        }

        private Exception RolledBackAsVictim(StoreTransaction victim, string table, Guid id)
        {
            _rollBack(victim);
            victim.RolledBackAsVictim = true;
            return TransactionFaults.Deadlock(table, id);
        }
    }
}
