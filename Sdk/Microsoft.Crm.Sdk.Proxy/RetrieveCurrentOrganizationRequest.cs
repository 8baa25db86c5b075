// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Organization;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>The RetrieveCurrentOrganization message: the calling organization's details, its endpoints among them.</summary>
    public sealed class RetrieveCurrentOrganizationRequest : OrganizationRequest
    {
        public RetrieveCurrentOrganizationRequest()
        {
            RequestName = "RetrieveCurrentOrganization";
        }

        public EndpointAccessType AccessType
        {
            get => Parameters.Contains("AccessType") ? (EndpointAccessType)Parameters["AccessType"] : default;
            set => Parameters["AccessType"] = value;
        }
    }
}
