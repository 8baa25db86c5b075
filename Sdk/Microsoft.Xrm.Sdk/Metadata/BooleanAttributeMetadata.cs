// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Column metadata: AttributeMetadata and a subclass per column type. As in the official SDK each subclass's constructors
// set AttributeType and AttributeTypeName (a multi-select choice column is AttributeTypeCode.Virtual); a schema name passed
// to a constructor sets SchemaName only. Properties the official SDK exposes read-only have internal setters, for the
// in-memory Dataverse (a friend assembly) to fill as the platform's deserializer does.
// Not modelled: the file, image and managed-property column types, and IsValidODataAttribute.
namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>A yes/no column (values are bool); its two options are in <see cref="OptionSet"/>.</summary>
    public sealed class BooleanAttributeMetadata : AttributeMetadata
    {
        public BooleanAttributeMetadata()
            : this((string)null, null)
        {
        }

        public BooleanAttributeMetadata(string schemaName)
            : this(schemaName, null)
        {
        }

        public BooleanAttributeMetadata(BooleanOptionSetMetadata optionSet)
            : this((string)null, optionSet)
        {
        }

        public BooleanAttributeMetadata(string schemaName, BooleanOptionSetMetadata optionSet)
            : base(AttributeTypeCode.Boolean, schemaName)
        {
            OptionSet = optionSet;
        }

        public bool? DefaultValue { get; set; }

        public string FormulaDefinition { get; set; }

        public BooleanOptionSetMetadata OptionSet { get; set; }

        public int? SourceTypeMask { get; internal set; }
    }
}
