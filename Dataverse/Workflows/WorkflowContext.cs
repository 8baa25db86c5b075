using System;
using LeadAlign.Dataverse.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadAlign.Dataverse.Workflows
{
    /// <summary>The IWorkflowContext of a custom workflow activity run.</summary>
    internal sealed class WorkflowContext : IWorkflowContext
    {
        private readonly OperationState _operation;

        public WorkflowContext(OperationState operation)
        {
            _operation = operation;
        }

        public string StageName => string.Empty;

        public int WorkflowCategory => 0;

        /// <summary>0 background (asynchronous), 1 real-time.</summary>
        public int WorkflowMode => 0;

        public IWorkflowContext ParentContext => null!;

        public int Mode => 1;

        public int IsolationMode => 2;

        public int Depth => _operation.Depth;

        public string MessageName => _operation.MessageName;

        public string PrimaryEntityName => _operation.PrimaryEntityName;

        public Guid? RequestId => null;

        public string SecondaryEntityName => "none";

        public ParameterCollection InputParameters => _operation.InputParameters;

        public ParameterCollection OutputParameters => _operation.OutputParameters;

        public ParameterCollection SharedVariables => _operation.SharedVariables;

        public Guid UserId => _operation.UserId;

        public Guid InitiatingUserId => _operation.InitiatingUserId;

        public Guid BusinessUnitId => _operation.BusinessUnitId;

        public Guid OrganizationId => _operation.OrganizationId;

        public string OrganizationName => "LeadAlign (in-memory)";

        public Guid PrimaryEntityId => _operation.PrimaryEntityId;

        public EntityImageCollection PreEntityImages { get; } = new();

        public EntityImageCollection PostEntityImages { get; } = new();

        public EntityReference OwningExtension => null!;

        public Guid CorrelationId => _operation.CorrelationId;

        public bool IsExecutingOffline => false;

        public bool IsOfflinePlayback => false;

        public bool IsInTransaction => false;

        public Guid OperationId => Guid.Empty;

        public DateTime OperationCreatedOn => _operation.CreatedOn;
    }
}
