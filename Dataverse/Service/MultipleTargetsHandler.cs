using System.Linq;
using LeadAlign.Dataverse.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Service
{
    /// <summary>
    /// What CreateMultiple and UpdateMultiple share (requests built by name, as the 9.0 SDK has no typed classes for them): every
    /// Target, all of the collection's table, runs through the Create or Update pipeline, all in one transaction (an ExecuteTransaction).
    /// </summary>
    internal abstract class MultipleTargetsHandler : MessageHandler
    {
        private readonly string _single;

        /// <summary><paramref name="message"/>: CreateMultiple or UpdateMultiple; <paramref name="single"/>: the message each Target runs as.</summary>
        protected MultipleTargetsHandler(string message, string single)
            : base(message)
        {
            _single = single;
        }

        public override bool RunsInPipeline => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var targets = Parameter<EntityCollection>(request, "Targets");
            if (targets.Entities.Any(target => target.LogicalName != targets.EntityName))
            {
                throw DataverseFault.Invalid($"This entity cannot be added to the specified collection: every Target of {request.RequestName} must be a {targets.EntityName}.");
            }

            var batch = new OrganizationRequest("ExecuteTransaction");
            var requests = new OrganizationRequestCollection();
            foreach (var target in targets.Entities)
            {
                var each = new OrganizationRequest(_single);
                each.Parameters["Target"] = target;
                requests.Add(each);
            }

            batch.Parameters["Requests"] = requests;
            batch.Parameters["ReturnResponses"] = true;
            var done = (ExecuteTransactionResponse)context.Dispatch(batch);
            var response = new OrganizationResponse { ResponseName = request.RequestName };
            Complete(response, done);
            return response;
        }

        /// <summary>Fills the response from the transaction's responses (CreateMultiple's Ids).</summary>
        protected virtual void Complete(OrganizationResponse response, ExecuteTransactionResponse done)
        {
        }
    }
}
