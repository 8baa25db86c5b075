using System;
using LeadAlign.Dataverse.Storage;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>
    /// The database transaction of an operation: a new one that commits when the work succeeds and rolls back every write when it
    /// throws, or the open one the work then joins (its owner commits or rolls back). Asynchronous work queued inside reaches the
    /// queue only when the transaction that owns it commits; a rollback discards it.
    /// </summary>
    internal sealed class Transactions
    {
        private readonly RecordStore _store;
        private readonly AsyncQueue _jobs;

        public Transactions(RecordStore store, AsyncQueue jobs)
        {
            _store = store;
            _jobs = jobs;
        }

        public T Run<T>(Func<T> work)
        {
            var transaction = _store.Begin();
            if (transaction == null)
            {
                return work();
            }

            var outer = _jobs.StartHolding();
            try
            {
                var result = work();
                transaction.Commit();
                _jobs.ReleaseHeld();
                return result;
            }
            catch
            {
                transaction.Rollback();
                throw;
            }
            finally
            {
                _jobs.StopHolding(outer);
            }
        }
    }
}
