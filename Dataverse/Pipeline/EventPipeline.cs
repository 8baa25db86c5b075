using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Organization;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Dataverse.Service;
using LeadAlign.Dataverse.Storage;
using LeadAlign.Dataverse.Workflows;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>
    /// The event pipeline: one operation, as the platform runs it. <see cref="Run"/> reads as the platform's documentation does: build
    /// the context; PreValidation (at depth 1 before the transaction opens); then, in one transaction of the calling chain that any
    /// exception rolls back (nested writes included; a write of the primary row locks it first), PreOperation, the main operation,
    /// synchronous PostOperation, each by rank; asynchronous steps and background workflows are queued when the operation commits
    /// and run after it (<see cref="AsyncQueue"/>).
    /// </summary>
    internal sealed class EventPipeline
    {
        private readonly IReadOnlyList<StepRegistration> _steps;
        private readonly int _maxDepth;
        private readonly MetadataCatalog _metadata;
        private readonly RecordStore _store;
        private readonly RecordReader _reader;
        private readonly Transactions _transactions;
        private readonly AsyncQueue _jobs;
        private readonly StepInvoker _invoker;
        private readonly BackgroundWorkflows _workflows;
        private readonly OrganizationClock _clock;
        private readonly IdSequence _ids;
        private readonly Guid _organizationId;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Message, string Table), RegisteredSteps> _stepsByEvent = new();

        public EventPipeline(
            IReadOnlyList<StepRegistration> steps,
            int maxDepth,
            MetadataCatalog metadata,
            RecordStore store,
            RecordReader reader,
            Transactions transactions,
            AsyncQueue jobs,
            StepInvoker invoker,
            BackgroundWorkflows workflows,
            OrganizationClock clock,
            IdSequence ids,
            Guid organizationId)
        {
            _steps = steps;
            _maxDepth = maxDepth;
            _metadata = metadata;
            _store = store;
            _reader = reader;
            _transactions = transactions;
            _jobs = jobs;
            _invoker = invoker;
            _workflows = workflows;
            _clock = clock;
            _ids = ids;
            _organizationId = organizationId;
        }

        /// <summary>Runs <paramref name="request"/> as one operation whose main operation is <paramref name="main"/>.</summary>
        public OrganizationResponse Run(OrganizationRequest request, Caller caller, MessageHandler main, MessageDispatcher messages)
        {
            var message = main.PipelineMessage(request.RequestName ?? string.Empty);
            var depth = caller.Parent == null ? 1 : caller.Parent.Depth + 1;
            if (depth > _maxDepth)
            {
                throw DataverseFault.Create(DataverseFault.InfiniteLoopDetected, "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again.");
            }

            request = Deserialized(request, request.RequestName ?? string.Empty);
            var (entityName, entityId) = PrimaryOf(request, main);
            main.CheckRequest(request);
            main.CheckCaller(request, caller.UserId, messages.Services.Access);

            var operation = new OperationState
            {
                MessageName = message,
                PrimaryEntityName = entityName,
                PrimaryEntityId = entityId,
                RequestId = request.RequestId,
                Depth = depth,
                UserId = caller.UserId,
                InitiatingUserId = caller.InitiatingUserId,
                BusinessUnitId = _reader.BusinessUnitOf(caller.UserId),
                OrganizationId = _organizationId,
                CorrelationId = caller.Parent?.CorrelationId ?? _ids.NewId(),
                CreatedOn = _clock.UtcNow,
                ParentContext = caller.Parent as IPluginExecutionContext,
                InputParameters = request.Parameters,
            };

            var registered = Registered(message, entityName);
            var steps = StepsFor(registered, main.ChangedColumns(request));
            var ownsTransaction = !_store.InTransaction;
            // Only the columns the steps' images carry are copied from the row (none when no step has an image of that kind).
            var (preColumns, postColumns) = (registered.Pre, registered.Post);
            var imageSource = entityId != Guid.Empty && main.HasPreImage && preColumns.Needed ? _store.Get(entityName, entityId, preColumns.Columns) : null;
            try
            {
                RunStage(steps, StepRegistration.PreValidation, operation, !ownsTransaction, imageSource, null);
            }
            catch (Exception failure)
            {
                throw PluginFault.From(failure);
            }

            try
            {
                return _transactions.Run(() =>
                {
                    // The pre-image is the row as the operation found it, re-read once the transaction is open (and, for a write of
                    // the row, holds its lock: a change another transaction was making is committed or rolled back by then).
                    if (main.LocksPrimaryRow && entityId != Guid.Empty)
                    {
                        _store.Lock(entityName, entityId);
                    }

                    var before = imageSource != null ? _store.Get(entityName, entityId, preColumns.Columns) : null;
                    RunStage(steps, StepRegistration.PreOperation, operation, true, before, null);
                    var response = main.Execute(request, new MessageContext(messages, caller, operation));
                    foreach (var result in response.Results)
                    {
                        operation.OutputParameters[result.Key] = result.Value;
                    }

                    var created = main.CreatedRowId(response);
                    if (created != Guid.Empty)
                    {
                        operation.PrimaryEntityId = created;
                    }

                    var after = operation.PrimaryEntityId != Guid.Empty && main.HasPostImage && entityName != "none" && postColumns.Needed ? _store.Get(entityName, operation.PrimaryEntityId, postColumns.Columns) : null;
                    RunStage(steps, StepRegistration.PostOperation, operation, true, before, after);
                    foreach (var step in steps.Where(step => step.IsAsynchronous && step.Stage == StepRegistration.PostOperation))
                    {
                        var asyncStep = step;
                        _jobs.Enqueue(new AsyncJob($"{step.Name} ({step.Id})", () => RunAsyncStep(asyncStep, operation, before, after)));
                    }

                    _workflows.Queue(message, entityName, operation.PrimaryEntityId, main.ChangedColumns(request) ?? Array.Empty<string>(), caller.UserId, depth);
                    return response;
                });
            }
            catch (Exception failure)
            {
                throw PluginFault.From(failure);
            }
        }

        /// <summary>The platform deserializes the request: plug-ins work on copies, never on the caller's own objects.</summary>
        private static OrganizationRequest Deserialized(OrganizationRequest original, string message)
        {
            var request = new OrganizationRequest(message) { RequestId = original.RequestId };
            foreach (var parameter in original.Parameters)
            {
                request.Parameters[parameter.Key] = RowCopy.Value(parameter.Value);
            }

            return request;
        }

        /// <summary>The row the operation is about: the Target's, else what the message says (a query's table, a bound table), else none.</summary>
        private (string Entity, Guid Id) PrimaryOf(OrganizationRequest request, MessageHandler main)
        {
            request.Parameters.TryGetValue("Target", out var target);
            switch (target)
            {
                case Entity entity:
                    var definition = _metadata.RequireTable(entity.LogicalName ?? string.Empty);
                    var id = entity.Id != Guid.Empty ? entity.Id : entity.Attributes.TryGetValue(definition.PrimaryId, out var key) && key is Guid keyId ? keyId : Guid.Empty;
                    return (entity.LogicalName!, id);
                case EntityReference reference:
                    _metadata.RequireTable(reference.LogicalName ?? string.Empty);
                    return (reference.LogicalName!, reference.Id);
            }

            return main.PrimaryRow(request) ?? ("none", Guid.Empty);
        }

        /// <summary>
        /// Whether any step has an image of the kind, and the columns those images carry (null: every column, when one registered
        /// none). The row is copied with just these: each image is then made of the columns it registered.
        /// </summary>
        private static (bool Needed, HashSet<string>? Columns) ImageColumns(IReadOnlyList<StepRegistration> steps, bool preImage)
        {
            var needed = false;
            HashSet<string>? columns = null;
            foreach (var step in steps)
            {
                foreach (var image in step.Images)
                {
                    if (image.IsPreImage != preImage)
                    {
                        continue;
                    }

                    if (image.Attributes.Count == 0)
                    {
                        return (true, null);
                    }

                    needed = true;
                    (columns ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(image.Attributes);
                }
            }

            return (needed, columns);
        }

        /// <summary>The steps registered on the message and table, by stage and rank; filtering attributes apply where the message changes columns.</summary>
        /// <summary>
        /// The steps registered on the message and table, by stage and rank, with the columns their images carry (of every such step,
        /// whatever filtering attributes leave out: an image still takes only its own columns). Registrations never change once the
        /// organization starts, so each message and table's are worked out once.
        /// </summary>
        private RegisteredSteps Registered(string message, string entityName) =>
            _stepsByEvent.GetOrAdd((message, entityName), key =>
            {
                var steps = _steps
                    .Where(step => step.Message == key.Message && (step.PrimaryEntity == key.Table || step.PrimaryEntity == "none"))
                    .OrderBy(step => step.Stage)
                    .ThenBy(step => step.Rank)
                    .ThenBy(step => step.Id)
                    .ToList();
                return new RegisteredSteps(steps, ImageColumns(steps, preImage: true), ImageColumns(steps, preImage: false), steps.All(step => step.FilteringAttributes.Count == 0));
            });

        /// <summary>The registered steps that run: filtering attributes apply where the message changes columns.</summary>
        private static IReadOnlyList<StepRegistration> StepsFor(RegisteredSteps registered, IReadOnlyCollection<string>? changed) =>
            changed == null || registered.Unfiltered
                ? registered.Steps
                : registered.Steps.Where(step => step.FilteringAttributes.Count == 0 || step.FilteringAttributes.Any(changed.Contains)).ToList();

        /// <summary>A message and table's steps in order, the columns of their pre- and post-images, and whether none has filtering attributes.</summary>
        private sealed record RegisteredSteps(List<StepRegistration> Steps, (bool Needed, HashSet<string>? Columns) Pre, (bool Needed, HashSet<string>? Columns) Post, bool Unfiltered);

        private void RunStage(IReadOnlyList<StepRegistration> steps, int stage, OperationState operation, bool inTransaction, Entity? before, Entity? after)
        {
            foreach (var step in steps)
            {
                if (step.Stage == stage && !step.IsAsynchronous)
                {
                    _invoker.Invoke(step, NewContext(step, operation, stage, inTransaction, before, after));
                }
            }
        }

        private void RunAsyncStep(StepRegistration step, OperationState operation, Entity? before, Entity? after)
        {
            // The asynchronous service runs the step on its own, after the operation committed: no transaction, same depth.
            var context = NewContext(step, operation, StepRegistration.PostOperation, false, before, after);
            _invoker.Invoke(step, context);
        }

        /// <summary>A step's context: the operation's, at the step's stage and mode, with the images the step registered (exactly their columns).</summary>
        private PluginExecutionContext NewContext(StepRegistration step, OperationState operation, int stage, bool inTransaction, Entity? before, Entity? after)
        {
            var context = new PluginExecutionContext(operation, stage, step.Mode, inTransaction)
            {
                UserId = operation.UserId,
                OperationId = step.IsAsynchronous ? _ids.NewId() : Guid.Empty,
                OwningExtension = new EntityReference("sdkmessageprocessingstep", step.Id),
            };
            foreach (var image in step.Images)
            {
                var source = image.IsPreImage ? before : after;
                if (source == null || (!image.IsPreImage && stage != StepRegistration.PostOperation))
                {
                    continue;
                }

                var imageRow = new Entity(source.LogicalName, source.Id) { Attributes = RowCopy.Sized(image.Attributes.Count == 0 ? source.Attributes.Count : image.Attributes.Count) };
                foreach (var attribute in source.Attributes)
                {
                    if (attribute.Value != null && (image.Attributes.Count == 0 || image.Attributes.Contains(attribute.Key)))
                    {
                        imageRow[attribute.Key] = RowCopy.Value(attribute.Value);
                    }
                }

                (image.IsPreImage ? context.PreEntityImages : context.PostEntityImages)[image.Alias] = imageRow;
            }

            return context;
        }
    }
}
