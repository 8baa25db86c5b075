using System;
using System.Collections.Generic;
using System.ServiceModel;
using LeadAlign.Dataverse.Faults;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Storage
{
    /// <summary>
    /// One database transaction of the <see cref="RecordStore"/>: the call chain that began it (a top-level operation, with every nested
    /// call its plug-ins make) writes in place, and the transaction keeps the undo journal of those writes and the row locks it holds.
    /// <see cref="Commit"/> keeps the writes and releases the locks, then runs the work held for after the commit (the asynchronous
    /// jobs the operation queued); <see cref="Rollback"/> (or disposing without commit) undoes the writes in reverse order and releases
    /// the locks. A transaction is doomed when a service call made inside it failed: it can then only roll back.
    /// </summary>
    public sealed class StoreTransaction : IDisposable
    {
        private readonly RecordStore _store;
        private List<Action>? _afterCommit;

        internal StoreTransaction(RecordStore store)
        {
            _store = store;
        }

        /// <summary>Every write, with the row as it was before it (null when it did not exist), in order.</summary>
        internal List<(string Table, Guid Id, Entity? Before)> Journal { get; } = new();

        /// <summary>The rows this transaction holds locked.</summary>
        internal List<(string Table, Guid Id)> Locks { get; } = new();

        /// <summary>Open, then committed or rolled back.</summary>
        internal bool IsOpen { get; set; } = true;

        /// <summary>The transaction whose lock this one waits for, or null: an edge of the wait-for graph.</summary>
        internal StoreTransaction? WaitingFor { get; set; }

        /// <summary>Another transaction chose this one, while it waited, as the victim of a deadlock.</summary>
        internal bool ChosenAsVictim { get; set; }

        /// <summary>Rolled back as a deadlock victim: the call chain that began it can no longer use it.</summary>
        internal bool RolledBackAsVictim { get; set; }

        /// <summary>What the failed service call said that doomed the transaction; null while it is not doomed.</summary>
        internal string? DoomedBy { get; private set; }

        /// <summary>True when no further call may run in the transaction (doomed, or rolled back as a deadlock victim).</summary>
        internal bool IsUnusable => DoomedBy != null || RolledBackAsVictim;

        /// <summary>Keeps the writes and releases the locks; a doomed transaction rolls back instead and fails with the platform's fault.</summary>
        public void Commit() => _store.Commit(this);

        /// <summary>Undoes the writes, in reverse order, and releases the locks. Nothing happens once the transaction ended.</summary>
        public void Rollback() => _store.Rollback(this);

        public void Dispose() => Rollback();

        /// <summary>A service call made inside the transaction failed: from now on the transaction can only roll back.</summary>
        internal void Doom(string message) => DoomedBy ??= message;

        /// <summary>The fault a call made in the transaction gets once it is unusable.</summary>
        internal FaultException<OrganizationServiceFault> UnusableFault() =>
            RolledBackAsVictim ? TransactionFaults.AlreadyRolledBack() : TransactionFaults.NoActiveTransaction(DoomedBy);

        /// <summary>Runs <paramref name="action"/> once the transaction has committed; never when it rolls back.</summary>
        internal void AfterCommit(Action action) => (_afterCommit ??= new List<Action>()).Add(action);

        /// <summary>The work held for after the commit, in the order it was given.</summary>
        internal void RunAfterCommit()
        {
            var actions = _afterCommit;
            _afterCommit = null;
            foreach (var action in actions ?? new List<Action>())
            {
                action();
            }
        }

        internal void DropAfterCommit() => _afterCommit = null;
    }
}
