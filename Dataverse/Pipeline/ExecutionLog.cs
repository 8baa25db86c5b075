using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>
    /// The executions since the in-memory Dataverse started (or since <see cref="Clear"/>), in the order they started: all of them,
    /// or, with a capacity, the latest (between the capacity and twice it; older ones are dropped in batches, and only their
    /// totals are kept). Safe to add to from many threads; read it once the work is done (a record is complete when its
    /// execution returned).
    /// </summary>
    public sealed class ExecutionLog
    {
        private readonly object _gate = new();
        private readonly List<ExecutionRecord> _records = new();
        private readonly Dictionary<string, HandlerTotals> _dropped = new(StringComparer.Ordinal);
        private readonly int? _capacity;

        public ExecutionLog(int? capacity = null)
        {
            if (capacity is <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The execution log keeps at least one execution, or all (null).");
            }

            _capacity = capacity;
        }

        /// <summary>The executions kept, in order (a copy).</summary>
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

        /// <summary>The kept executions of one plug-in or activity class.</summary>
        public IReadOnlyList<ExecutionRecord> Of(Type handler)
        {
            lock (_gate)
            {
                return _records.Where(record => record.Handler == handler.FullName).ToList();
            }
        }

        /// <summary>Per handler (its class's full name), every execution since the start or <see cref="Clear"/>, dropped ones included.</summary>
        public IReadOnlyDictionary<string, HandlerTotals> Totals()
        {
            lock (_gate)
            {
                var totals = _dropped.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
                foreach (var record in _records)
                {
                    totals[record.Handler] = (totals.TryGetValue(record.Handler, out var sum) ? sum : HandlerTotals.None).With(record);
                }

                return totals;
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _records.Clear();
                _dropped.Clear();
            }
        }

        internal void Add(ExecutionRecord record)
        {
            lock (_gate)
            {
                _records.Add(record);
                if (_capacity is int capacity && _records.Count >= 2 * capacity)
                {
                    // The oldest half has long returned: keep its totals, drop its records (and their traces).
                    var old = _records.Count - capacity;
                    foreach (var dropped in _records.Take(old))
                    {
                        _dropped[dropped.Handler] = (_dropped.TryGetValue(dropped.Handler, out var sum) ? sum : HandlerTotals.None).With(dropped);
                    }

                    _records.RemoveRange(0, old);
                }
            }
        }
    }
}
