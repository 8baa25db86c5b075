using System;
using System.Collections.Generic;
using LeadAlign.Dataverse.Storage;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>
    /// The asynchronous service's queue: asynchronous steps and background workflows. A job queued inside a transaction is held
    /// until the transaction commits (<see cref="Transactions"/>), and dropped when it rolls back. <see cref="Drain"/> runs the queue
    /// as the asynchronous service does, after the operations committed; a failed job is recorded, not thrown.
    /// </summary>
    internal sealed class AsyncQueue
    {
        private readonly object _queue = new();
        private readonly RecordStore _store;
        private readonly Queue<AsyncJob> _ready = new();
        private readonly List<string> _failed = new();

        public AsyncQueue(RecordStore store)
        {
            _store = store;
        }

        /// <summary>The jobs waiting to run, in order.</summary>
        public int Count
        {
            get
            {
                lock (_queue)
                {
                    return _ready.Count;
                }
            }
        }

        /// <summary>What the jobs that failed said, in order (a copy).</summary>
        public List<string> Failed
        {
            get
            {
                lock (_queue)
                {
                    return new List<string>(_failed);
                }
            }
        }

        /// <summary>Queues a job: held by the calling chain's open transaction until it commits, else ready to run.</summary>
        public void Enqueue(AsyncJob job)
        {
            if (_store.Current is { } transaction)
            {
                transaction.AfterCommit(() => EnqueueReady(job));
            }
            else
            {
                EnqueueReady(job);
            }
        }

        /// <summary>Queues a job ready to run, whatever transaction is open (a waiting workflow whose date has passed).</summary>
        public void EnqueueReady(AsyncJob job)
        {
            lock (_queue)
            {
                _ready.Enqueue(job);
            }
        }

        /// <summary>
        /// Runs the queued jobs, including the work they queue in turn; <paramref name="releaseDue"/> moves the waiting workflows whose
        /// date has passed back to the queue and says how many. Returns how many jobs ran. Each job runs outside any transaction, as the
        /// asynchronous service runs it, and its service calls are operations of their own; other threads may send requests meanwhile.
        /// </summary>
        public int Drain(int maxJobs, Func<int> releaseDue)
        {
            var ran = 0;
            while (true)
            {
                AsyncJob? job = null;
                lock (_queue)
                {
                    if (_ready.Count > 0)
                    {
                        job = ran < maxJobs ? _ready.Dequeue() : throw new InvalidOperationException($"More than {maxJobs} asynchronous jobs ran in one drain: the work keeps queueing itself.");
                    }
                }

                if (job == null)
                {
                    if (releaseDue() == 0)
                    {
                        return ran;
                    }

                    continue;
                }

                ran++;
                try
                {
                    job.Run();
                }
                catch (Exception failure) when (failure is not OutOfMemoryException)
                {
                    lock (_queue)
                    {
                        _failed.Add($"{job.Description}: {failure.Message}");
                    }
                }
            }
        }
    }
}
