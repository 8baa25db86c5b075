using System;
using System.Collections.Generic;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>
    /// The asynchronous service's queue: asynchronous steps and background workflows. A job queued inside a transaction is held
    /// until the transaction commits (<see cref="Transactions"/>), and dropped when it rolls back. <see cref="Drain"/> runs the queue
    /// as the asynchronous service does, after the operations committed; a failed job is recorded, not thrown.
    /// </summary>
    internal sealed class AsyncQueue
    {
        private readonly object _gate;
        private readonly Queue<AsyncJob> _ready = new();
        private List<AsyncJob>? _held;

        public AsyncQueue(object gate)
        {
            _gate = gate;
        }

        /// <summary>The jobs waiting to run, in order.</summary>
        public int Count => _ready.Count;

        /// <summary>What the jobs that failed said, in order.</summary>
        public List<string> Failed { get; } = new();

        /// <summary>Queues a job: held by the open transaction if there is one, else ready to run.</summary>
        public void Enqueue(AsyncJob job)
        {
            if (_held != null)
            {
                _held.Add(job);
            }
            else
            {
                _ready.Enqueue(job);
            }
        }

        /// <summary>Queues a job ready to run, whatever transaction is open (a waiting workflow whose date has passed).</summary>
        public void EnqueueReady(AsyncJob job) => _ready.Enqueue(job);

        /// <summary>Starts holding the jobs queued from now on; returns what was held before, for <see cref="StopHolding"/>.</summary>
        public List<AsyncJob>? StartHolding()
        {
            var outer = _held;
            _held = new List<AsyncJob>();
            return outer;
        }

        /// <summary>The transaction committed: the jobs it held are ready to run.</summary>
        public void ReleaseHeld()
        {
            foreach (var job in _held ?? new List<AsyncJob>())
            {
                _ready.Enqueue(job);
            }
        }

        /// <summary>Ends holding (a rolled-back transaction's jobs are dropped here) and restores what was held before.</summary>
        public void StopHolding(List<AsyncJob>? outer) => _held = outer;

        /// <summary>
        /// Runs the queued jobs, including the work they queue in turn; <paramref name="releaseDue"/> moves the waiting workflows whose
        /// date has passed back to the queue and says how many. Returns how many jobs ran.
        /// </summary>
        public int Drain(int maxJobs, Func<int> releaseDue)
        {
            var ran = 0;
            while (true)
            {
                AsyncJob job;
                lock (_gate)
                {
                    if (_ready.Count == 0 && releaseDue() == 0)
                    {
                        return ran;
                    }

                    if (ran >= maxJobs)
                    {
                        throw new InvalidOperationException($"More than {maxJobs} asynchronous jobs ran in one drain: the work keeps queueing itself.");
                    }

                    job = _ready.Dequeue();
                }

                ran++;
                lock (_gate)
                {
                    try
                    {
                        job.Run();
                    }
                    catch (Exception failure) when (failure is not OutOfMemoryException)
                    {
                        Failed.Add($"{job.Description}: {failure.Message}");
                    }
                }
            }
        }
    }
}
