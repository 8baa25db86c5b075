// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Column metadata: AttributeMetadata and a subclass per column type. As in the official SDK each subclass's constructors
// set AttributeType and AttributeTypeName (a multi-select choice column is AttributeTypeCode.Virtual); a schema name passed
// to a constructor sets SchemaName only. Properties the official SDK exposes read-only have internal setters, for the
// in-memory Dataverse (a friend assembly) to fill as the platform's deserializer does.
// Not modelled: the file, image and managed-property column types, and IsValidODataAttribute.
namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>A floating-point number.</summary>
    public sealed class DoubleAttributeMetadata : AttributeMetadata
    {
        public const double MinSupportedValue = -100000000000;

        public const double MaxSupportedValue = 100000000000;

        public const int MinSupportedPrecision = 0;

        public const int MaxSupportedPrecision = 5;

        public DoubleAttributeMetadata()
            : this((string)null)
        {
        }

        public DoubleAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Double, schemaName)
        {
        }

        public ImeMode? ImeMode { get; set; }

        public double? MaxValue { get; set; }

        public double? MinValue { get; set; }

        public int? Precision { get; set; }
    }
}
