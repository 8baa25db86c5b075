using LeadAlign.Dataverse.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>WhoAmI: the calling user, their business unit and the organization; it runs no steps.</summary>
    internal sealed class WhoAmIHandler : MessageHandler
    {
        public WhoAmIHandler()
            : base("WhoAmI")
        {
        }

        public override bool RunsInPipeline => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var response = new WhoAmIResponse();
            response.Results["UserId"] = context.Caller.UserId;
            response.Results["BusinessUnitId"] = context.Reader.BusinessUnitOf(context.Caller.UserId);
            response.Results["OrganizationId"] = context.Identity.OrganizationId;
            return response;
        }
    }
}
