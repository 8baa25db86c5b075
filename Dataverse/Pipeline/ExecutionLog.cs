using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>Every execution since the in-memory Dataverse started (or since <see cref="Clear"/>), in order.</summary>
    public sealed class ExecutionLog
    {
        private readonly List<ExecutionRecord> _records = new();

        public IReadOnlyList<ExecutionRecord> Records => _records;

        /// <summary>The executions of one plug-in or activity class.</summary>
        public IReadOnlyList<ExecutionRecord> Of(Type handler) => _records.Where(record => record.Handler == handler.FullName).ToList();

        public void Clear() => _records.Clear();

        internal void Add(ExecutionRecord record) => _records.Add(record);
    }
}
