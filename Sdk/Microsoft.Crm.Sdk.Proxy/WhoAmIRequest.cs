// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>The WhoAmI message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class WhoAmIRequest : OrganizationRequest
    {
        public WhoAmIRequest()
        {
            RequestName = "WhoAmI";
        }
    }
}
