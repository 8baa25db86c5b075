// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Typed messages are views over Parameters and Results.
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The RetrieveMultiple message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class RetrieveMultipleRequest : OrganizationRequest
    {
        public RetrieveMultipleRequest()
        {
            RequestName = "RetrieveMultiple";
            Query = null;
        }

        public QueryBase Query
        {
            get => Parameters.Contains("Query") ? (QueryBase)Parameters["Query"] : default;
            set => Parameters["Query"] = value;
        }
    }
}
