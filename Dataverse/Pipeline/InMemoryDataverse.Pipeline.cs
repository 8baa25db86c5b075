using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.ServiceModel;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Pipeline;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Dataverse.Storage;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse
{
    /// <summary>
    /// The event pipeline: PreValidation, PreOperation, the main operation and synchronous PostOperation, each by rank, inside
    /// one database transaction that any exception rolls back (nested writes included); asynchronous steps are queued and run
    /// after commit by <see cref="DrainAsync"/>. PreValidation at depth 1 runs before the transaction opens, as on the platform.
    /// </summary>
    public sealed partial class InMemoryDataverse
    {
        /// <summary>0x80040224: an unexpected exception escaped a plug-in.</summary>
        private const int UnexpectedPluginException = unchecked((int)0x80040224);

        internal OrganizationResponse Execute(OrganizationRequest request, Caller caller)
        {
            lock (_gate)
            {
                caller.Record?.CountCall(request.RequestName ?? string.Empty);
                return Dispatch(request, caller);
            }
        }

        private OrganizationResponse Dispatch(OrganizationRequest request, Caller caller)
        {
            switch (request.RequestName)
            {
                case "ExecuteMultiple":
                    return ExecuteMultiple(request, caller);
                case "ExecuteTransaction":
                    return ExecuteTransaction(request, caller);
                case "CreateMultiple":
                case "UpdateMultiple":
                    return ExecuteMultipleTargets(request, caller);
                case "Upsert":
                    return Upsert(request, caller);
                case "Assign":
                    return Assign(request, caller);
                case "SetState":
                case "SetStateDynamicEntity":
                    return SetState(request, caller);
                case "WhoAmI":
                case "RetrieveEntity":
                case "RetrieveAttribute":
                case "RetrieveAllEntities":
                    return ExecuteWithoutPipeline(request, caller);
                default:
                    return RunOperation(request, caller);
            }
        }

        /// <summary>One operation through the pipeline.</summary>
        internal OrganizationResponse RunOperation(OrganizationRequest request, Caller caller)
        {
            var message = request.RequestName ?? string.Empty;
            var customApi = CustomApi(message);
            if (customApi == null && !IsCoreMessage(message))
            {
                throw DataverseFault.Create(DataverseFault.MessageNotSupported, $"The message '{message}' is not supported by the in-memory Dataverse, and no Custom API of that name is in the solution.");
            }

            var depth = caller.Parent == null ? 1 : caller.Parent.Depth + 1;
            if (depth > MaxDepth)
            {
                throw DataverseFault.Create(DataverseFault.InfiniteLoopDetected, "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again.");
            }

            // The platform deserializes the request: plug-ins work on copies, never on the caller's own objects.
            var original = request;
            request = new OrganizationRequest(message) { RequestId = original.RequestId };
            foreach (var parameter in original.Parameters)
            {
                request.Parameters[parameter.Key] = RowCopy.Value(parameter.Value);
            }

            var (entityName, entityId) = PrimaryOf(request, customApi);
            if (customApi != null)
            {
                CheckCustomApiRequest(customApi, request);
            }

            var operation = new OperationState
            {
                MessageName = message,
                PrimaryEntityName = entityName,
                PrimaryEntityId = entityId,
                RequestId = request.RequestId,
                Depth = depth,
                UserId = caller.UserId,
                InitiatingUserId = caller.InitiatingUserId,
                BusinessUnitId = BusinessUnitOf(caller.UserId),
                OrganizationId = OrganizationId,
                CorrelationId = caller.Parent?.CorrelationId ?? NewId(),
                CreatedOn = UtcNow,
                ParentContext = caller.Parent as IPluginExecutionContext,
                InputParameters = request.Parameters,
            };

            var steps = StepsFor(message, entityName, request);
            var ownsTransaction = !Store.InTransaction;
            var imageSource = entityId != Guid.Empty && message is "Update" or "Delete" ? Store.Get(entityName, entityId) : null;
            try
            {
                RunStage(steps, StepRegistration.PreValidation, operation, !ownsTransaction, imageSource, null);
            }
            catch (Exception failure)
            {
                throw AsFault(failure);
            }

            try
            {
                return Transacted(() =>
                {
                    // The pre-image is the row as the operation found it, re-read once the transaction is open.
                    var before = imageSource != null ? Store.Get(entityName, entityId) : null;
                    RunStage(steps, StepRegistration.PreOperation, operation, true, before, null);
                    var response = customApi != null ? RunCustomApi(customApi, operation, request) : Core(request, caller, operation);
                    foreach (var result in response.Results)
                    {
                        operation.OutputParameters[result.Key] = result.Value;
                    }

                    if (message == "Create" && response.Results.TryGetValue("id", out var created) && created is Guid createdId)
                    {
                        operation.PrimaryEntityId = createdId;
                    }

                    var after = operation.PrimaryEntityId != Guid.Empty && message != "Delete" && entityName != "none" ? Store.Get(entityName, operation.PrimaryEntityId) : null;
                    RunStage(steps, StepRegistration.PostOperation, operation, true, before, after);
                    foreach (var step in steps.Where(step => step.IsAsynchronous && step.Stage == StepRegistration.PostOperation))
                    {
                        var asyncStep = step;
                        Enqueue(new AsyncJob($"{step.Name} ({step.Id})", () => RunAsyncStep(asyncStep, operation, before, after)));
                    }

                    QueueWorkflows(message, entityName, operation.PrimaryEntityId, request.Parameters, caller.UserId, depth);
                    return response;
                });
            }
            catch (Exception failure)
            {
                throw AsFault(failure);
            }
        }

        /// <summary>
        /// Runs <paramref name="work"/> in the database transaction: a new one that commits when the work succeeds and rolls back
        /// every write when it throws, or the open one it then joins (its owner commits or rolls back). Asynchronous work queued
        /// inside reaches the queue only when the transaction that owns it commits; a rollback discards it.
        /// </summary>
        private T Transacted<T>(Func<T> work)
        {
            var transaction = Store.Begin();
            if (transaction == null)
            {
                return work();
            }

            var outerPending = _pendingAsync;
            _pendingAsync = new List<AsyncJob>();
            try
            {
                var result = work();
                transaction.Commit();
                foreach (var job in _pendingAsync)
                {
                    _asyncQueue.Enqueue(job);
                }

                return result;
            }
            catch
            {
                transaction.Rollback();
                throw;
            }
            finally
            {
                _pendingAsync = outerPending;
            }
        }

        private void RunAsyncStep(StepRegistration step, OperationState operation, Entity? before, Entity? after)
        {
            // The asynchronous service runs the step on its own, after the operation committed: no transaction, same depth.
            var context = NewContext(step, operation, StepRegistration.PostOperation, false, before, after);
            Invoke(step, context);
        }

        private void RunStage(IReadOnlyList<StepRegistration> steps, int stage, OperationState operation, bool inTransaction, Entity? before, Entity? after)
        {
            foreach (var step in steps.Where(step => step.Stage == stage && !step.IsAsynchronous))
            {
                Invoke(step, NewContext(step, operation, stage, inTransaction, before, after));
            }
        }

        private PluginExecutionContext NewContext(StepRegistration step, OperationState operation, int stage, bool inTransaction, Entity? before, Entity? after)
        {
            var context = new PluginExecutionContext(operation, stage, step.Mode, inTransaction)
            {
                UserId = operation.UserId,
                OperationId = step.IsAsynchronous ? NewId() : Guid.Empty,
                OwningExtension = new EntityReference("sdkmessageprocessingstep", step.Id),
            };
            foreach (var image in step.Images)
            {
                var source = image.IsPreImage ? before : after;
                if (source == null || (!image.IsPreImage && stage != StepRegistration.PostOperation))
                {
                    continue;
                }

                var imageRow = new Entity(source.LogicalName, source.Id);
                foreach (var attribute in source.Attributes.Where(attribute => attribute.Value != null && (image.Attributes.Count == 0 || image.Attributes.Contains(attribute.Key))))
                {
                    imageRow[attribute.Key] = RowCopy.Value(attribute.Value);
                }

                (image.IsPreImage ? context.PreEntityImages : context.PostEntityImages)[image.Alias] = imageRow;
            }

            return context;
        }

        private void Invoke(StepRegistration step, PluginExecutionContext context)
        {
            var plugin = PluginFor(step);
            var record = new ExecutionRecord(step.PluginTypeFullName, context.MessageName, context.PrimaryEntityName, context.Stage, context.Mode, context.Depth, context.OperationCreatedOn);
            Log.Add(record);
            var clock = Stopwatch.StartNew();
            try
            {
                plugin.Execute(new PluginServices(this, context, record));
            }
            catch (Exception failure)
            {
                record.Failure = failure.Message;
                throw AsFault(failure, step.PluginTypeFullName, record.Trace);
            }
            finally
            {
                record.Duration = clock.Elapsed;
            }
        }

        /// <summary>The plug-in instance of a step: created once, then reused for every execution, as the platform caches it.</summary>
        private IPlugin PluginFor(StepRegistration step)
        {
            if (_pluginInstances.TryGetValue(step.Id, out var cached))
            {
                return cached;
            }

            var type = PluginType(step.PluginTypeFullName)!;
            _secureConfigurations.TryGetValue(step.Id, out var secure);
            var instance = type.GetConstructor(new[] { typeof(string), typeof(string) }) is { } both
                ? both.Invoke(new object?[] { step.Configuration, secure })
                : type.GetConstructor(new[] { typeof(string) }) is { } unsecure
                    ? unsecure.Invoke(new object?[] { step.Configuration })
                    : Activator.CreateInstance(type);
            var plugin = instance as IPlugin ?? throw new InvalidOperationException($"{type.FullName} does not implement IPlugin.");
            _pluginInstances[step.Id] = plugin;
            return plugin;
        }

        private IReadOnlyList<StepRegistration> StepsFor(string message, string entityName, OrganizationRequest request)
        {
            var target = message == "Update" ? request.Parameters.TryGetValue("Target", out var value) ? value as Entity : null : null;
            return Steps
                .Where(step => step.Message == message && (step.PrimaryEntity == entityName || step.PrimaryEntity == "none"))
                .Where(step => message != "Update" || step.FilteringAttributes.Count == 0 || (target != null && step.FilteringAttributes.Any(target.Attributes.ContainsKey)))
                .OrderBy(step => step.Stage)
                .ThenBy(step => step.Rank)
                .ThenBy(step => step.Id)
                .ToList();
        }

        /// <summary>
        /// What the caller receives for a failure: the platform's fault. A plug-in's InvalidPluginExecutionException keeps its
        /// message and code; any other exception is reported as the platform reports an unexpected plug-in exception.
        /// </summary>
        private static FaultException<OrganizationServiceFault> AsFault(Exception failure, string? pluginType = null, string? trace = null)
        {
            switch (failure)
            {
                case FaultException<OrganizationServiceFault> fault:
                    return fault;
                case InvalidPluginExecutionException refused:
                    return DataverseFault.Create(refused.ErrorCode != 0 ? refused.ErrorCode : DataverseFault.IsvAborted, refused.Message, traceText: trace);
                case TargetInvocationException { InnerException: { } inner }:
                    return AsFault(inner, pluginType, trace);
                default:
                    return pluginType != null
                        ? DataverseFault.Create(UnexpectedPluginException, $"Unexpected exception from plug-in (Execute): {pluginType}: {failure.GetType().FullName}: {failure.Message}", traceText: trace)
                        : DataverseFault.Create(DataverseFault.InvalidArgument, failure.Message);
            }
        }

        private static bool IsCoreMessage(string message) => message is
            "Create" or "Retrieve" or "Update" or "Delete" or "RetrieveMultiple" or "Associate" or "Disassociate" or "AddMembersTeam" or "QualifyLead" or "SendEmail";

        private (string Entity, Guid Id) PrimaryOf(OrganizationRequest request, CustomApiDefinition? customApi)
        {
            request.Parameters.TryGetValue("Target", out var target);
            switch (target)
            {
                case Entity entity:
                    var definition = Metadata.RequireTable(entity.LogicalName ?? string.Empty);
                    var id = entity.Id != Guid.Empty ? entity.Id : entity.Attributes.TryGetValue(definition.PrimaryId, out var key) && key is Guid keyId ? keyId : Guid.Empty;
                    return (entity.LogicalName!, id);
                case EntityReference reference:
                    Metadata.RequireTable(reference.LogicalName ?? string.Empty);
                    return (reference.LogicalName!, reference.Id);
            }

            if (request.RequestName == "RetrieveMultiple" && request.Parameters.TryGetValue("Query", out var query))
            {
                return (QueryTable(query), Guid.Empty);
            }

            if (request.RequestName == "SendEmail" && request.Parameters.TryGetValue("EmailId", out var emailId) && emailId is Guid email)
            {
                return ("email", email);
            }

            if (request.RequestName == "QualifyLead" && request.Parameters.TryGetValue("LeadId", out var leadId) && leadId is EntityReference lead)
            {
                return ("lead", lead.Id);
            }

            if (request.RequestName == "AddMembersTeam" && request.Parameters.TryGetValue("TeamId", out var team) && team is Guid teamId)
            {
                return ("team", teamId);
            }

            return (customApi?.BoundEntity ?? "none", Guid.Empty);
        }

        private Guid BusinessUnitOf(Guid userId) =>
            Store.Get("systemuser", userId)?.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? RootBusinessUnitId;

        private OrganizationResponse RunCustomApi(CustomApiDefinition api, OperationState operation, OrganizationRequest request)
        {
            var typeName = _pluginTypes.Values.FirstOrDefault(type => api.PluginTypeIdValue == CustomApiDefinition.PluginTypeId(type.FullName!))?.FullName
                ?? throw DataverseFault.Create(DataverseFault.MessageNotSupported, $"The Custom API '{api.UniqueName}' has no plug-in type the in-memory Dataverse can find (plugintypeid {api.PluginTypeIdValue}).");
            var step = new StepRegistration(CustomApiStepId(api), typeName, api.UniqueName, operation.PrimaryEntityName, StepRegistration.MainOperation, 0);
            var context = new PluginExecutionContext(operation, StepRegistration.MainOperation, 0, true) { UserId = operation.UserId };
            Invoke(step, context);
            var response = new OrganizationResponse { ResponseName = api.UniqueName };
            foreach (var property in api.ResponseProperties)
            {
                if (operation.OutputParameters.TryGetValue(property.UniqueName, out var value))
                {
                    response.Results[property.UniqueName] = value;
                }
            }

            return response;
        }

        private static Guid CustomApiStepId(CustomApiDefinition api) => LeadAlign.Dataverse.Metadata.MetadataCatalog.NameId("customapi:" + api.UniqueName);

        private static void CheckCustomApiRequest(CustomApiDefinition api, OrganizationRequest request)
        {
            foreach (var parameter in api.RequestParameters)
            {
                if (!request.Parameters.TryGetValue(parameter.UniqueName, out var value) || value == null)
                {
                    if (!parameter.IsOptional)
                    {
                        throw DataverseFault.Invalid($"The Custom API '{api.UniqueName}' requires the parameter '{parameter.UniqueName}' ({parameter.Type}).");
                    }

                    continue;
                }

                if (!parameter.ClrType.IsInstanceOfType(value))
                {
                    throw DataverseFault.Invalid($"The parameter '{parameter.UniqueName}' of the Custom API '{api.UniqueName}' must be of type {parameter.Type}, not {value.GetType().FullName}.");
                }
            }

            var declared = api.RequestParameters.Select(parameter => parameter.UniqueName).ToHashSet(StringComparer.Ordinal);
            if (api.BindingType != 0)
            {
                declared.Add("Target");
            }

            var unknown = request.Parameters.Keys.FirstOrDefault(name => !declared.Contains(name));
            if (unknown != null)
            {
                throw DataverseFault.Invalid($"The Custom API '{api.UniqueName}' has no parameter '{unknown}'.");
            }

            if (api.BindingType == 1 && !(request.Parameters.TryGetValue("Target", out var target) && target is EntityReference reference && reference.LogicalName == api.BoundEntity))
            {
                throw DataverseFault.Invalid($"The Custom API '{api.UniqueName}' is bound to {api.BoundEntity}: give the row as the Target parameter (an EntityReference).");
            }
        }
    }
}
