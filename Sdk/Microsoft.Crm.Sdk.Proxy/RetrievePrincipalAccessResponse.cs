// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    public sealed class RetrievePrincipalAccessResponse : OrganizationResponse
    {
        public RetrievePrincipalAccessResponse()
        {
            ResponseName = "RetrievePrincipalAccess";
        }

        public AccessRights AccessRights => Results.Contains("AccessRights") ? (AccessRights)Results["AccessRights"] : default;
    }
}
