using System;
using System.Activities;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Organization;
using LeadAlign.Dataverse.Pipeline;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Dataverse.Service;
using LeadAlign.Dataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadAlign.Dataverse.Workflows
{
    /// <summary>
    /// Runs a custom workflow activity as a workflow step runs it: as the workflow's user, with IWorkflowContext (the running user,
    /// the primary row, the clock), IOrganizationServiceFactory and ITracingService as its extensions; its service calls are nested
    /// operations, all its writes one transaction (a step of a transacted workflow), its execution logged with its trace.
    /// </summary>
    internal sealed class WorkflowActivityRunner
    {
        private readonly Transactions _transactions;
        private readonly ExecutionLog _log;
        private readonly RecordReader _reader;
        private readonly OrganizationClock _clock;
        private readonly IdSequence _ids;
        private readonly Guid _organizationId;
        private readonly Func<IExecutionContext, ExecutionRecord, PluginServices> _servicesFor;

        public WorkflowActivityRunner(Transactions transactions, ExecutionLog log, RecordReader reader, OrganizationClock clock, IdSequence ids, Guid organizationId, Func<IExecutionContext, ExecutionRecord, PluginServices> servicesFor)
        {
            _transactions = transactions;
            _log = log;
            _reader = reader;
            _clock = clock;
            _ids = ids;
            _organizationId = organizationId;
            _servicesFor = servicesFor;
        }

        /// <summary>Runs the activity with its input arguments and returns its output arguments; a fault it raises is the platform's fault.</summary>
        public IDictionary<string, object> Run(Activity activity, IDictionary<string, object?> inputs, Guid userId, EntityReference primaryEntity, int depth)
        {
            var operation = new OperationState
            {
                MessageName = "Update",
                PrimaryEntityName = primaryEntity.LogicalName,
                PrimaryEntityId = primaryEntity.Id,
                Depth = depth,
                UserId = userId,
                InitiatingUserId = userId,
                BusinessUnitId = _reader.BusinessUnitOf(userId),
                OrganizationId = _organizationId,
                CorrelationId = _ids.NewId(),
                CreatedOn = _clock.UtcNow,
            };
            var context = new WorkflowContext(operation);
            var record = new ExecutionRecord(activity.GetType().FullName ?? activity.GetType().Name, "Workflow", primaryEntity.LogicalName, StepRegistration.PostOperation, 1, depth, _clock.UtcNow);
            _log.Add(record);
            var services = _servicesFor(context, record);
            var invoker = new WorkflowInvoker(activity);
            invoker.Extensions.Add<IWorkflowContext>(() => context);
            invoker.Extensions.Add<IOrganizationServiceFactory>(() => services);
            invoker.Extensions.Add<ITracingService>(() => services);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                // A step of a transacted workflow (IsTransacted) is one transaction: its writes stand or fall together.
                return _transactions.Run(() => invoker.Invoke(inputs.ToDictionary(pair => pair.Key, pair => pair.Value!)));
            }
            catch (Exception failure)
            {
                record.Failure = failure.Message;
                throw PluginFault.From(failure, record.Handler, record.Trace);
            }
            finally
            {
                record.Duration = clock.Elapsed;
            }
        }
    }
}
