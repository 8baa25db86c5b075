// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>The PickFromQueue message's response: it has no results.</summary>
    public sealed class PickFromQueueResponse : OrganizationResponse
    {
        public PickFromQueueResponse()
        {
            ResponseName = "PickFromQueue";
        }
    }
}
