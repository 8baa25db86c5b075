using System.ServiceModel;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// ExecuteMultiple: each request runs as its own operation, in its own transaction. Without ContinueOnError the batch stops at
    /// the first fault; with it, every request runs and each fault is reported with its index. At most
    /// <see cref="InMemoryDataverse.MaxBatchSize"/> requests; refused inside a plug-in or workflow activity, as the platform refuses it.
    /// </summary>
    internal sealed class ExecuteMultipleHandler : MessageHandler
    {
        public ExecuteMultipleHandler()
            : base("ExecuteMultiple")
        {
        }

        public override bool RunsInPipeline => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            if (context.Caller.Parent != null)
            {
                throw DataverseFault.Invalid("ExecuteMultiple cannot be used inside a plug-in or workflow activity: the platform refuses it there.");
            }

            var requests = Parameter<OrganizationRequestCollection>(request, "Requests");
            var settings = request.Parameters.TryGetValue("Settings", out var value) && value is ExecuteMultipleSettings given ? given : new ExecuteMultipleSettings();
            CheckBatchSize(requests.Count, "ExecuteMultiple");
            var responses = new ExecuteMultipleResponseItemCollection();
            var faulted = false;
            for (var index = 0; index < requests.Count; index++)
            {
                try
                {
                    var response = context.Dispatch(requests[index]);
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

        /// <summary>A batch carries at most <see cref="InMemoryDataverse.MaxBatchSize"/> requests.</summary>
        internal static void CheckBatchSize(int count, string message)
        {
            if (count > InMemoryDataverse.MaxBatchSize)
            {
                throw DataverseFault.Invalid($"The request count of {message} is {count}, more than the maximum of {InMemoryDataverse.MaxBatchSize}.");
            }
        }
    }
}
