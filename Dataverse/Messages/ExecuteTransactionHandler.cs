using System.ServiceModel;
using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// ExecuteTransaction: every request in one transaction; the first fault rolls all of them back and is reported as an
    /// <see cref="ExecuteTransactionFault"/> with the failed request's index.
    /// </summary>
    internal sealed class ExecuteTransactionHandler : MessageHandler
    {
        public ExecuteTransactionHandler()
            : base("ExecuteTransaction")
        {
        }

        public override bool RunsInPipeline => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var requests = Parameter<OrganizationRequestCollection>(request, "Requests");
            ExecuteMultipleHandler.CheckBatchSize(requests.Count, "ExecuteTransaction");
            var returnResponses = request.Parameters.TryGetValue("ReturnResponses", out var value) && value is true;
            var responses = new OrganizationResponseCollection();
            context.Transactions.Run(() =>
            {
                for (var index = 0; index < requests.Count; index++)
                {
                    try
                    {
                        var response = context.Dispatch(requests[index]);
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
                            Timestamp = context.Clock.UtcNow,
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
    }
}
