// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk.Messages
{
    public sealed class RetrieveAttributeResponse : OrganizationResponse
    {
        public RetrieveAttributeResponse()
        {
            ResponseName = "RetrieveAttribute";
        }

        public AttributeMetadata AttributeMetadata => Results.Contains("AttributeMetadata") ? (AttributeMetadata)Results["AttributeMetadata"] : default;
    }
}
