using System;
using LeadAlign.Dataverse.Storage;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>
    /// The database transaction of an operation: a new one for the calling chain, which commits when the work succeeds and rolls back
    /// every write when it throws, or the chain's open one, which the work then joins (its owner commits or rolls back). Asynchronous
    /// work queued inside reaches the queue only when the transaction that owns it commits; a rollback discards it. A doomed
    /// transaction (a plug-in swallowed the fault of a service call made inside it) rolls back at the end even when the work
    /// returns, with the platform's fault.
    /// </summary>
    internal sealed class Transactions
    {
        private readonly RecordStore _store;

        public Transactions(RecordStore store)
        {
            _store = store;
        }

        public T Run<T>(Func<T> work)
        {
            var transaction = _store.Begin();
            if (transaction == null)
            {
                return work();
            }

            try
            {
                var result = work();
                transaction.Commit();
                return result;
            }
            catch
            {
                transaction.Rollback();
                throw;
            }
        }
    }
}
