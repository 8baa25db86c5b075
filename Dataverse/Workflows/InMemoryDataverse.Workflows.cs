using System;
using System.Activities;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Pipeline;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Dataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadAlign.Dataverse
{
    /// <summary>Custom workflow activities, run as a workflow runs them: as the workflow's user, with the workflow services.</summary>
    public sealed partial class InMemoryDataverse
    {
        /// <summary>
        /// Runs a custom workflow activity with its input arguments and returns its output arguments, as a workflow step
        /// does: IWorkflowContext (the running user, the primary row), IOrganizationServiceFactory and ITracingService are its
        /// extensions. The activity's service calls are nested operations at depth 2, and its execution is logged with its trace.
        /// A fault it raises reaches the caller as the platform's fault.
        /// </summary>
        public IDictionary<string, object> RunWorkflowActivity(Activity activity, IDictionary<string, object?> inputs, Guid userId, EntityReference primaryEntity, int depth = 1)
        {
            ArgumentNullException.ThrowIfNull(activity);
            ArgumentNullException.ThrowIfNull(primaryEntity);
            lock (_gate)
            {
                var operation = new OperationState
                {
                    MessageName = "Update",
                    PrimaryEntityName = primaryEntity.LogicalName,
                    PrimaryEntityId = primaryEntity.Id,
                    Depth = depth,
                    UserId = userId,
                    InitiatingUserId = userId,
                    BusinessUnitId = BusinessUnitOf(userId),
                    OrganizationId = OrganizationId,
                    CorrelationId = NewId(),
                    CreatedOn = UtcNow,
                };
                var context = new WorkflowContext(operation);
                var record = new ExecutionRecord(activity.GetType().FullName ?? activity.GetType().Name, "Workflow", primaryEntity.LogicalName, StepRegistration.PostOperation, 1, depth, UtcNow);
                Log.Add(record);
                var services = new PluginServices(this, context, record);
                var invoker = new WorkflowInvoker(activity);
                invoker.Extensions.Add<IWorkflowContext>(() => context);
                invoker.Extensions.Add<IOrganizationServiceFactory>(() => services);
                invoker.Extensions.Add<ITracingService>(() => services);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    // A step of a transacted workflow (IsTransacted) is one transaction: its writes stand or fall together.
                    return Transacted(() => invoker.Invoke(inputs.ToDictionary(pair => pair.Key, pair => pair.Value!)));
                }
                catch (Exception failure)
                {
                    record.Failure = failure.Message;
                    throw AsFault(failure, record.Handler, record.Trace);
                }
                finally
                {
                    record.Duration = clock.Elapsed;
                }
            }
        }

        /// <summary>A service that runs as <paramref name="userId"/>: the scenario's "when this user does this".</summary>
        public IOrganizationService As(Guid userId) => ServiceFor(userId);

        /// <summary>"Then Dataverse holds": the stored row with every column, read without running any step; null when absent.</summary>
        public Entity? Get(string table, Guid id)
        {
            lock (_gate)
            {
                return table == "activitypointer" ? ActivityRows().FirstOrDefault(row => row.Id == id) : Store.Get(table, id);
            }
        }

        /// <summary>"Then Dataverse holds": every stored row of a table, read without running any step.</summary>
        public IReadOnlyList<Entity> All(string table)
        {
            lock (_gate)
            {
                return RowsOf(table).Select(RowCopy.Of).ToList();
            }
        }

        /// <summary>The IWorkflowContext of a custom workflow activity run.</summary>
        private sealed class WorkflowContext : IWorkflowContext
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
}
