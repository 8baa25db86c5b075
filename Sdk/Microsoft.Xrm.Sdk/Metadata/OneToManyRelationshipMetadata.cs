// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Relationship metadata. Not modelled: associated-menu configuration and relationship attributes.
namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>A one-to-many relationship: ReferencingEntity.ReferencingAttribute is a lookup to ReferencedEntity.ReferencedAttribute.</summary>
    public sealed class OneToManyRelationshipMetadata : RelationshipMetadataBase
    {
        public OneToManyRelationshipMetadata()
            : base(RelationshipType.OneToManyRelationship)
        {
        }

        public CascadeConfiguration CascadeConfiguration { get; set; }

        public string DenormalizedAttributeName { get; set; }

        public string EntityKey { get; set; }

        public bool? IsDenormalizedLookup { get; set; }

        public bool? IsHierarchical { get; set; }

        public bool? IsRelationshipAttributeDenormalized { get; set; }

        public string ReferencedAttribute { get; set; }

        public string ReferencedEntity { get; set; }

        public string ReferencedEntityNavigationPropertyName { get; set; }

        public string ReferencingAttribute { get; set; }

        public string ReferencingEntity { get; set; }

        public string ReferencingEntityNavigationPropertyName { get; set; }

        public int? RelationshipBehavior { get; set; }
    }
}
