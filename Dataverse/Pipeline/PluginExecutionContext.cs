using System;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>
    /// The <see cref="IPluginExecutionContext"/> the in-memory Dataverse hands a plug-in, filled as the platform fills it.
    /// One operation shares its InputParameters (a PreOperation change to the Target reaches the main operation) and its
    /// SharedVariables across stages; OutputParameters are filled by the main operation (a Custom API's plug-in writes them) and visible from PostOperation on.
    /// </summary>
    public sealed class PluginExecutionContext : IPluginExecutionContext
    {
        internal PluginExecutionContext(OperationState operation, int stage, int mode, bool inTransaction)
        {
            Operation = operation;
            Stage = stage;
            Mode = mode;
            IsInTransaction = inTransaction;
            OutputParameters = stage >= 30 ? operation.OutputParameters : new ParameterCollection();
        }

        internal OperationState Operation { get; }

        public int Stage { get; }

        public int Mode { get; }

        public bool IsInTransaction { get; }

        public IPluginExecutionContext ParentContext => Operation.ParentContext!;

        public int IsolationMode => 2;

        public int Depth => Operation.Depth;

        public string MessageName => Operation.MessageName;

        public string PrimaryEntityName => Operation.PrimaryEntityName;

        public Guid? RequestId => Operation.RequestId;

        public string SecondaryEntityName => "none";

        public ParameterCollection InputParameters => Operation.InputParameters;

        public ParameterCollection OutputParameters { get; }

        public ParameterCollection SharedVariables => Operation.SharedVariables;

        public Guid UserId { get; internal set; }

        public Guid InitiatingUserId => Operation.InitiatingUserId;

        public Guid BusinessUnitId => Operation.BusinessUnitId;

        public Guid OrganizationId => Operation.OrganizationId;

        public string OrganizationName => "LeadAlign (in-memory)";

        public Guid PrimaryEntityId => Operation.PrimaryEntityId;

        public EntityImageCollection PreEntityImages { get; } = new();

        public EntityImageCollection PostEntityImages { get; } = new();

        public EntityReference OwningExtension { get; internal set; } = null!;

        public Guid CorrelationId => Operation.CorrelationId;

        public bool IsExecutingOffline => false;

        public bool IsOfflinePlayback => false;

        public Guid OperationId { get; internal set; }

        /// <summary>The operation's time, from the in-memory Dataverse's settable clock: plug-ins read "now" from here.</summary>
        public DateTime OperationCreatedOn => Operation.CreatedOn;
    }
}
