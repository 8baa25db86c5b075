using System;
using System.Collections.Generic;

namespace LeadAlign.Dataverse.Workflows
{
    /// <summary>One step of a compiled workflow: what it reads and writes (workflow variables), and where a jump goes.</summary>
    internal sealed class WorkflowStep
    {
        public WorkflowStep(WorkflowStepKind kind, string displayName)
        {
            Kind = kind;
            DisplayName = displayName;
        }

        public WorkflowStepKind Kind { get; }

        public string DisplayName { get; }

        public string Attribute { get; init; } = string.Empty;

        public string Source { get; init; } = string.Empty;

        public string Target { get; init; } = string.Empty;

        public string Operator { get; init; } = string.Empty;

        public string Literal { get; init; } = string.Empty;

        public IReadOnlyList<string> Parameters { get; init; } = Array.Empty<string>();

        public Type? ActivityType { get; init; }

        /// <summary>Each input argument of a custom activity and the variable it is read from.</summary>
        public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

        /// <summary>Each output argument of a custom activity and the variable it is written to.</summary>
        public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

        public int JumpTo { get; set; }
    }
}
