using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>
    /// Every execution since the in-memory Dataverse started (or since <see cref="Clear"/>), in the order they started. Safe to add to
    /// from many threads; read it once the work is done (a record is complete when its execution returned).
    /// </summary>
    public sealed class ExecutionLog
    {
        private readonly object _gate = new();
        private readonly List<ExecutionRecord> _records = new();

        /// <summary>The executions so far, in order (a copy).</summary>
        public IReadOnlyList<ExecutionRecord> Records
        {
            get
            {
                lock (_gate)
                {
                    return _records.ToArray();
                }
            }
        }

        /// <summary>The executions of one plug-in or activity class.</summary>
        public IReadOnlyList<ExecutionRecord> Of(Type handler)
        {
            lock (_gate)
            {
                return _records.Where(record => record.Handler == handler.FullName).ToList();
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _records.Clear();
            }
        }

        internal void Add(ExecutionRecord record)
        {
            lock (_gate)
            {
                _records.Add(record);
            }
        }
    }
}
