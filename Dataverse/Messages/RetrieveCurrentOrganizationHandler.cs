using LeadAlign.Dataverse.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Organization;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// RetrieveCurrentOrganization: the organization's id, names, state and endpoints, the web application's address among them
    /// (<see cref="DataverseOptions.WebApplicationUrl"/>), as the platform answers it (Microsoft Learn, RetrieveCurrentOrganizationRequest:
    /// "Retrieves information about the current organization"; plug-ins use it for the organization's URL). It runs no steps.
    /// </summary>
    internal sealed class RetrieveCurrentOrganizationHandler : MessageHandler
    {
        public RetrieveCurrentOrganizationHandler()
            : base("RetrieveCurrentOrganization")
        {
        }

        public override bool RunsInPipeline => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var url = context.Identity.WebApplicationUrl;
            var detail = new OrganizationDetail
            {
                OrganizationId = context.Identity.OrganizationId,
                UniqueName = url.Host.Split('.')[0],
                UrlName = url.Host.Split('.')[0],
                FriendlyName = url.Host.Split('.')[0],
                State = OrganizationState.Enabled,
                OrganizationVersion = "9.2",
            };
            detail.Endpoints[EndpointType.WebApplication] = url.AbsoluteUri;
            detail.Endpoints[EndpointType.OrganizationService] = new System.Uri(url, "XRMServices/2011/Organization.svc").AbsoluteUri;
            detail.Endpoints[EndpointType.OrganizationDataService] = new System.Uri(url, "XRMServices/2011/OrganizationData.svc").AbsoluteUri;
            var response = new RetrieveCurrentOrganizationResponse();
            response.Results["Detail"] = detail;
            return response;
        }
    }
}
