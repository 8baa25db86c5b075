// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Column metadata: AttributeMetadata and a subclass per column type. As in the official SDK each subclass's constructors
// set AttributeType and AttributeTypeName (a multi-select choice column is AttributeTypeCode.Virtual); a schema name passed
// to a constructor sets SchemaName only. Properties the official SDK exposes read-only have internal setters, for the
// in-memory Dataverse (a friend assembly) to fill as the platform's deserializer does.
// Not modelled: the file, image and managed-property column types, and IsValidODataAttribute.
namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>A currency amount (values are <see cref="Money"/>).</summary>
    public sealed class MoneyAttributeMetadata : AttributeMetadata
    {
        public const double MinSupportedValue = -922337203685477;

        public const double MaxSupportedValue = 922337203685477;

        public const int MinSupportedPrecision = 0;

        public const int MaxSupportedPrecision = 4;

        public const int MaxSupportedPrecisionAfterCurrencyConversion = 10;

        public MoneyAttributeMetadata()
            : this((string)null)
        {
        }

        public MoneyAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Money, schemaName)
        {
        }

        public string CalculationOf { get; set; }

        public string FormulaDefinition { get; set; }

        public ImeMode? ImeMode { get; set; }

        public bool? IsBaseCurrency { get; internal set; }

        public double? MaxValue { get; set; }

        public double? MinValue { get; set; }

        public int? Precision { get; set; }

        public int? PrecisionSource { get; set; }

        public int? SourceTypeMask { get; internal set; }
    }
}
