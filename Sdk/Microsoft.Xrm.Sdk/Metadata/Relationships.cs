// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0: see ../DataCollection.cs.
// Relationship metadata. Not modelled: associated-menu configuration and relationship attributes.
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata
{
    public abstract class RelationshipMetadataBase : MetadataBase
    {
        protected RelationshipMetadataBase()
        {
        }

        protected RelationshipMetadataBase(RelationshipType type)
        {
            RelationshipType = type;
        }

        public string IntroducedVersion { get; internal set; }

        public bool? IsCustomRelationship { get; set; }

        public BooleanManagedProperty IsCustomizable { get; set; }

        public bool? IsManaged { get; internal set; }

        public bool? IsValidForAdvancedFind { get; set; }

        public RelationshipType RelationshipType { get; internal set; }

        public string SchemaName { get; set; }

        public SecurityTypes? SecurityTypes { get; set; }
    }

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

    /// <summary>What an action on the referenced row does to the referencing rows.</summary>
    public sealed class CascadeConfiguration : IExtensibleDataObject
    {
        public CascadeType? Assign { get; set; }

        public CascadeType? Delete { get; set; }

        public CascadeType? Merge { get; set; }

        public CascadeType? Reparent { get; set; }

        public CascadeType? Share { get; set; }

        public CascadeType? Unshare { get; set; }

        public CascadeType? RollupView { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    public enum CascadeType
    {
        NoCascade = 0,
        Cascade = 1,
        Active = 2,
        UserOwned = 3,
        RemoveLink = 4,
        Restrict = 5,
    }
}
