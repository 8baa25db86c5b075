using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>
    /// One run of a plug-in step, a Custom API's main operation or a custom workflow activity: what tests and benchmarks
    /// read to assert behaviour and budgets. The service calls are those the code made itself through the services it was given,
    /// counted by message (nested operations they caused are not counted again).
    /// </summary>
    public sealed class ExecutionRecord
    {
        private readonly StringBuilder _trace = new();
        private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);

        internal ExecutionRecord(string handler, string message, string primaryEntity, int stage, int mode, int depth, DateTime startedOn)
        {
            Handler = handler;
            Message = message;
            PrimaryEntity = primaryEntity;
            Stage = stage;
            Mode = mode;
            Depth = depth;
            StartedOn = startedOn;
        }

        /// <summary>The plug-in or activity class's full name.</summary>
        public string Handler { get; }

        public string Message { get; }

        public string PrimaryEntity { get; }

        public int Stage { get; }

        public int Mode { get; }

        public int Depth { get; }

        /// <summary>The operation time on the in-memory clock.</summary>
        public DateTime StartedOn { get; }

        /// <summary>Wall-clock time the code ran; for benchmarks and diagnostics, never for assertions.</summary>
        public TimeSpan Duration { get; internal set; }

        public string Trace => _trace.ToString();

        /// <summary>The fault that ended the execution, or null when it succeeded.</summary>
        public string? Failure { get; internal set; }

        public bool Succeeded => Failure == null;

        public IReadOnlyDictionary<string, int> CallsByMessage => _calls;

        public int TotalCalls => _calls.Values.Sum();

        public int Calls(string message) => _calls.TryGetValue(message, out var count) ? count : 0;

        internal void AddTrace(string line) => _trace.AppendLine(line);

        internal void CountCall(string message) => _calls[message] = Calls(message) + 1;

        public override string ToString() => $"{Handler} ({Message} of {PrimaryEntity}, stage {Stage}, depth {Depth}): {TotalCalls} calls{(Succeeded ? string.Empty : ", failed: " + Failure)}";
    }
}
