// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Table metadata, as RetrieveEntity and RetrieveAllEntities return it. Which arrays are filled depends on the EntityFilters
// asked for (Attributes, Relationships); the others stay null, as on the platform.
// Not modelled: keys, privileges and settings.
namespace Microsoft.Xrm.Sdk.Metadata
{
    public sealed class EntityMetadataCollection : DataCollection<EntityMetadata>
    {
        public EntityMetadataCollection()
        {
        }
    }
}
