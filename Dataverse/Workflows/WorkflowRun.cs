using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Workflows
{
    /// <summary>One run of a background workflow on a row: where it is in its steps, its variables, and the date it waits for.</summary>
    internal sealed class WorkflowRun
    {
        public WorkflowRun(WorkflowDefinition definition, WorkflowProgram program, EntityReference primary, Guid userId, int depth)
        {
            Definition = definition;
            Program = program;
            Primary = primary;
            UserId = userId;
            Depth = depth;
        }

        public WorkflowDefinition Definition { get; }

        public WorkflowProgram Program { get; }

        public EntityReference Primary { get; }

        public Guid UserId { get; }

        public int Depth { get; }

        public int Next { get; set; }

        public DateTime WaitUntil { get; set; }

        /// <summary>The earliest timeout the branches of the current wait armed; null outside a wait.</summary>
        public DateTime? Timeout { get; set; }

        public Dictionary<string, object?> Variables { get; } = new(StringComparer.Ordinal);
    }
}
