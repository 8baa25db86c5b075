// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>The RetrievePrincipalAccess message: which rights a user or team holds on a row. Parameters use the platform's names.</summary>
    public sealed class RetrievePrincipalAccessRequest : OrganizationRequest
    {
        public RetrievePrincipalAccessRequest()
        {
            RequestName = "RetrievePrincipalAccess";
            Target = null;
            Principal = null;
        }

        public EntityReference Target
        {
            get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default;
            set => Parameters["Target"] = value;
        }

        public EntityReference Principal
        {
            get => Parameters.Contains("Principal") ? (EntityReference)Parameters["Principal"] : default;
            set => Parameters["Principal"] = value;
        }
    }
}
