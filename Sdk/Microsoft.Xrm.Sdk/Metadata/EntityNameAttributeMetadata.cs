// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Column metadata: AttributeMetadata and a subclass per column type. As in the official SDK each subclass's constructors
// set AttributeType and AttributeTypeName (a multi-select choice column is AttributeTypeCode.Virtual); a schema name passed
// to a constructor sets SchemaName only. Properties the official SDK exposes read-only have internal setters, for the
// in-memory Dataverse (a friend assembly) to fill as the platform's deserializer does.
// Not modelled: the file, image and managed-property column types, and IsValidODataAttribute.
namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>A column that holds a table's logical name (such as a lookup's companion <c>...idtype</c> column).</summary>
    public sealed class EntityNameAttributeMetadata : EnumAttributeMetadata
    {
        public EntityNameAttributeMetadata()
            : this((string)null)
        {
        }

        public EntityNameAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.EntityName, schemaName)
        {
        }

        public bool IsEntityReferenceStored { get; internal set; }
    }
}
