// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Reads the metadata of every table. As in the official SDK the constructor sets EntityFilters to 0 and RetrieveAsIfPublished to false.</summary>
    public sealed class RetrieveAllEntitiesRequest : OrganizationRequest
    {
        public RetrieveAllEntitiesRequest()
        {
            RequestName = "RetrieveAllEntities";
            EntityFilters = 0;
            RetrieveAsIfPublished = false;
        }

        public EntityFilters EntityFilters
        {
            get => Parameters.Contains("EntityFilters") ? (EntityFilters)Parameters["EntityFilters"] : default;
            set => Parameters["EntityFilters"] = value;
        }

        public bool RetrieveAsIfPublished
        {
            get => Parameters.Contains("RetrieveAsIfPublished") && (bool)Parameters["RetrieveAsIfPublished"];
            set => Parameters["RetrieveAsIfPublished"] = value;
        }
    }
}
