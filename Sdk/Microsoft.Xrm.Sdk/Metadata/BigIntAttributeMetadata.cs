// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Column metadata: AttributeMetadata and a subclass per column type. As in the official SDK each subclass's constructors
// set AttributeType and AttributeTypeName (a multi-select choice column is AttributeTypeCode.Virtual); a schema name passed
// to a constructor sets SchemaName only. Properties the official SDK exposes read-only have internal setters, for the
// in-memory Dataverse (a friend assembly) to fill as the platform's deserializer does.
// Not modelled: the file, image and managed-property column types, and IsValidODataAttribute.
namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>A big whole number (Int64).</summary>
    public sealed class BigIntAttributeMetadata : AttributeMetadata
    {
        public const long MinSupportedValue = long.MinValue;

        public const long MaxSupportedValue = long.MaxValue;

        public BigIntAttributeMetadata()
            : this((string)null)
        {
        }

        public BigIntAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.BigInt, schemaName)
        {
        }

        public long? MaxValue { get; internal set; }

        public long? MinValue { get; internal set; }
    }
}
