using System;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>What the stages of one operation share.</summary>
    internal sealed class OperationState
    {
        public string MessageName { get; init; } = string.Empty;

        public string PrimaryEntityName { get; init; } = "none";

        public Guid PrimaryEntityId { get; set; }

        public Guid? RequestId { get; init; }

        public int Depth { get; init; }

        public Guid InitiatingUserId { get; init; }

        public Guid UserId { get; init; }

        public Guid BusinessUnitId { get; init; }

        public Guid OrganizationId { get; init; }

        public Guid CorrelationId { get; init; }

        public DateTime CreatedOn { get; init; }

        public IPluginExecutionContext? ParentContext { get; init; }

        public ParameterCollection InputParameters { get; init; } = new();

        public ParameterCollection OutputParameters { get; } = new();

        public ParameterCollection SharedVariables { get; } = new();
    }
}
