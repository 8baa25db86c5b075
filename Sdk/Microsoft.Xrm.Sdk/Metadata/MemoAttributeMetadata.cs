// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Column metadata: AttributeMetadata and a subclass per column type. As in the official SDK each subclass's constructors
// set AttributeType and AttributeTypeName (a multi-select choice column is AttributeTypeCode.Virtual); a schema name passed
// to a constructor sets SchemaName only. Properties the official SDK exposes read-only have internal setters, for the
// in-memory Dataverse (a friend assembly) to fill as the platform's deserializer does.
// Not modelled: the file, image and managed-property column types, and IsValidODataAttribute.
namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>Multiple lines of text.</summary>
    public sealed class MemoAttributeMetadata : AttributeMetadata
    {
        public const int MinSupportedLength = 1;

        public const int MaxSupportedLength = 1048576;

        public MemoAttributeMetadata()
            : this((string)null)
        {
        }

        public MemoAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Memo, schemaName)
        {
        }

        public StringFormat? Format { get; set; }

        public ImeMode? ImeMode { get; set; }

        public bool? IsLocalizable { get; internal set; }

        public int? MaxLength { get; set; }
    }
}
