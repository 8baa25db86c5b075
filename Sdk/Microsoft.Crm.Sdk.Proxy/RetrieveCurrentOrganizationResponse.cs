// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Organization;

namespace Microsoft.Crm.Sdk.Messages
{
    public sealed class RetrieveCurrentOrganizationResponse : OrganizationResponse
    {
        public RetrieveCurrentOrganizationResponse()
        {
            ResponseName = "RetrieveCurrentOrganization";
        }

        public OrganizationDetail Detail => Results.Contains("Detail") ? (OrganizationDetail)Results["Detail"] : default;
    }
}
