// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Relationship metadata. Not modelled: associated-menu configuration and relationship attributes.
namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>A many-to-many relationship through the intersect table IntersectEntityName.</summary>
    public sealed class ManyToManyRelationshipMetadata : RelationshipMetadataBase
    {
        public ManyToManyRelationshipMetadata()
            : base(RelationshipType.ManyToManyRelationship)
        {
        }

        public string Entity1IntersectAttribute { get; set; }

        public string Entity1LogicalName { get; set; }

        public string Entity1NavigationPropertyName { get; set; }

        public string Entity2IntersectAttribute { get; set; }

        public string Entity2LogicalName { get; set; }

        public string Entity2NavigationPropertyName { get; set; }

        public string IntersectEntityName { get; set; }
    }
}
