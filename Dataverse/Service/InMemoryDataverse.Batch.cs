using System;
using System.Linq;
using System.ServiceModel;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Query;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse
{
    /// <summary>Messages made of other messages, and the deprecated update messages the platform turns into Update.</summary>
    public sealed partial class InMemoryDataverse
    {
        /// <summary>The most requests one ExecuteMultiple or ExecuteTransaction may carry.</summary>
        public const int MaxBatchSize = 1000;

        /// <summary>
        /// ExecuteMultiple: each request runs as its own operation, in its own transaction. Without ContinueOnError the
        /// batch stops at the first fault; with it, every request runs and each fault is reported with its index.
        /// </summary>
        private OrganizationResponse ExecuteMultiple(OrganizationRequest request, Caller caller)
        {
            if (caller.Parent != null)
            {
                throw DataverseFault.Invalid("ExecuteMultiple cannot be used inside a plug-in or workflow activity: the platform refuses it there.");
            }

            var requests = Parameter<OrganizationRequestCollection>(request, "Requests");
            var settings = request.Parameters.TryGetValue("Settings", out var value) && value is ExecuteMultipleSettings given ? given : new ExecuteMultipleSettings();
            CheckBatch(requests.Count, "ExecuteMultiple");
            var responses = new ExecuteMultipleResponseItemCollection();
            var faulted = false;
            for (var index = 0; index < requests.Count; index++)
            {
                try
                {
                    var response = Dispatch(requests[index], caller);
                    if (settings.ReturnResponses)
                    {
                        responses.Add(new ExecuteMultipleResponseItem { RequestIndex = index, Response = response });
                    }
                }
                catch (FaultException<OrganizationServiceFault> fault)
                {
                    faulted = true;
                    responses.Add(new ExecuteMultipleResponseItem { RequestIndex = index, Fault = fault.Detail });
                    if (!settings.ContinueOnError)
                    {
                        break;
                    }
                }
            }

            var result = new ExecuteMultipleResponse();
            result.Results["IsFaulted"] = faulted;
            result.Results["Responses"] = responses;
            return result;
        }

        /// <summary>ExecuteTransaction: every request in one transaction; the first fault rolls all of them back.</summary>
        private OrganizationResponse ExecuteTransaction(OrganizationRequest request, Caller caller)
        {
            var requests = Parameter<OrganizationRequestCollection>(request, "Requests");
            CheckBatch(requests.Count, "ExecuteTransaction");
            var returnResponses = request.Parameters.TryGetValue("ReturnResponses", out var value) && value is true;
            var responses = new OrganizationResponseCollection();
            Transacted(() =>
            {
                for (var index = 0; index < requests.Count; index++)
                {
                    try
                    {
                        var response = Dispatch(requests[index], caller);
                        if (returnResponses)
                        {
                            responses.Add(response);
                        }
                    }
                    catch (FaultException<OrganizationServiceFault> fault)
                    {
                        var detail = new ExecuteTransactionFault
                        {
                            ErrorCode = fault.Detail.ErrorCode,
                            Message = fault.Detail.Message,
                            FaultedRequestIndex = index,
                            InnerFault = fault.Detail,
                            Timestamp = UtcNow,
                        };
                        throw new FaultException<OrganizationServiceFault>(detail, new FaultReason(fault.Detail.Message));
                    }
                }

                return responses;
            });

            var result = new ExecuteTransactionResponse();
            result.Results["Responses"] = responses;
            return result;
        }

        private static void CheckBatch(int count, string message)
        {
            if (count > MaxBatchSize)
            {
                throw DataverseFault.Invalid($"The request count of {message} is {count}, more than the maximum of {MaxBatchSize}.");
            }
        }

        /// <summary>
        /// CreateMultiple and UpdateMultiple (requests built by name, as the 9.0 SDK has no typed classes for them): every
        /// Target runs through the Create or Update pipeline, all in one transaction. Response: Ids for CreateMultiple.
        /// </summary>
        private OrganizationResponse ExecuteMultipleTargets(OrganizationRequest request, Caller caller)
        {
            var targets = Parameter<EntityCollection>(request, "Targets");
            var single = request.RequestName == "CreateMultiple" ? "Create" : "Update";
            if (targets.Entities.Any(target => target.LogicalName != targets.EntityName))
            {
                throw DataverseFault.Invalid($"This entity cannot be added to the specified collection: every Target of {request.RequestName} must be a {targets.EntityName}.");
            }

            var batch = new OrganizationRequest("ExecuteTransaction");
            var requests = new OrganizationRequestCollection();
            foreach (var target in targets.Entities)
            {
                var each = new OrganizationRequest(single);
                each.Parameters["Target"] = target;
                requests.Add(each);
            }

            batch.Parameters["Requests"] = requests;
            batch.Parameters["ReturnResponses"] = true;
            var done = (ExecuteTransactionResponse)ExecuteTransaction(batch, caller);
            var response = new OrganizationResponse { ResponseName = request.RequestName };
            if (single == "Create")
            {
                response.Results["Ids"] = done.Responses.Select(each => (Guid)each.Results["id"]).ToArray();
            }

            return response;
        }

        /// <summary>Upsert by id: an Update when the row exists, else a Create with that id (alternate keys are not modelled).</summary>
        private OrganizationResponse Upsert(OrganizationRequest request, Caller caller)
        {
            var target = Parameter<Entity>(request, "Target");
            var table = Metadata.RequireTable(target.LogicalName ?? string.Empty);
            if (target.KeyAttributes.Count > 0)
            {
                throw DataverseFault.Invalid($"Upsert by alternate key is not modelled by the in-memory Dataverse ({table.Name}): give the row's id.");
            }

            var exists = target.Id != Guid.Empty && Store.Contains(table.Name, target.Id);
            var inner = new OrganizationRequest(exists ? "Update" : "Create");
            inner.Parameters["Target"] = target;
            var done = RunOperation(inner, caller);
            var response = new UpsertResponse();
            response.Results["RecordCreated"] = !exists;
            response.Results["Target"] = new EntityReference(table.Name, exists ? target.Id : (Guid)done.Results["id"]);
            return response;
        }

        /// <summary>Assign is deprecated: the platform performs it as an Update of ownerid, and Update steps see it so.</summary>
        private OrganizationResponse Assign(OrganizationRequest request, Caller caller)
        {
            var target = Parameter<EntityReference>(request, "Target");
            var update = new UpdateRequest { Target = new Entity(target.LogicalName, target.Id) { ["ownerid"] = Parameter<EntityReference>(request, "Assignee") } };
            RunOperation(update, caller);
            return new AssignResponse();
        }

        /// <summary>SetState is deprecated: the platform performs it as an Update of statecode and statuscode (-1: the state's default).</summary>
        private OrganizationResponse SetState(OrganizationRequest request, Caller caller)
        {
            var target = Parameter<EntityReference>(request, "EntityMoniker");
            var state = Parameter<OptionSetValue>(request, "State");
            var status = Parameter<OptionSetValue>(request, "Status");
            var row = new Entity(target.LogicalName, target.Id) { ["statecode"] = new OptionSetValue(state.Value) };
            if (status.Value != -1)
            {
                row["statuscode"] = new OptionSetValue(status.Value);
            }

            RunOperation(new UpdateRequest { Target = row }, caller);
            return new SetStateResponse();
        }

        private EntityCollection RetrieveFetch(string fetchXml, QueryEngine engine, ConditionEvaluator evaluator)
        {
            AttributeTypeCode? TypeOf(string table, string column) => Metadata.Table(table)?.Column(column)?.Type;
            try
            {
                var fetch = new FetchXmlEngine(engine, RowsOf, table => Metadata.RequireTable(table).PrimaryId, evaluator, TypeOf);
                var query = System.Xml.Linq.XDocument.Parse(fetchXml).Root;
                if ((string?)query?.Attribute("aggregate") != "true")
                {
                    var expression = fetch.ToQueryExpression(fetchXml);
                    CheckQuery(expression.EntityName, expression.ColumnSet, expression.Criteria, expression.LinkEntities);
                }

                return fetch.Execute(fetchXml);
            }
            catch (Exception failure) when (failure is InvalidOperationException or NotSupportedException or System.Xml.XmlException or FormatException)
            {
                throw DataverseFault.Invalid(failure.Message);
            }
        }
    }
}
