// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk.Messages
{
    public sealed class RetrieveAllEntitiesResponse : OrganizationResponse
    {
        public RetrieveAllEntitiesResponse()
        {
            ResponseName = "RetrieveAllEntities";
        }

        public EntityMetadata[] EntityMetadata => Results.Contains("EntityMetadata") ? (EntityMetadata[])Results["EntityMetadata"] : default;

        public string Timestamp => Results.Contains("Timestamp") ? (string)Results["Timestamp"] : default;
    }
}
