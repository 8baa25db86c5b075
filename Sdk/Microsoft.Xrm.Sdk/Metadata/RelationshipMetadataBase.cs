// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Relationship metadata. Not modelled: associated-menu configuration and relationship attributes.
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
}
