// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Column metadata: AttributeMetadata and a subclass per column type. As in the official SDK each subclass's constructors
// set AttributeType and AttributeTypeName (a multi-select choice column is AttributeTypeCode.Virtual); a schema name passed
// to a constructor sets SchemaName only. Properties the official SDK exposes read-only have internal setters, for the
// in-memory Dataverse (a friend assembly) to fill as the platform's deserializer does.
// Not modelled: the file, image and managed-property column types, and IsValidODataAttribute.
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>A choices column (values are <see cref="OptionSetValueCollection"/>). As in the official SDK its AttributeType is Virtual.</summary>
    public sealed class MultiSelectPicklistAttributeMetadata : EnumAttributeMetadata
    {
        public MultiSelectPicklistAttributeMetadata()
            : this((string)null)
        {
        }

        public MultiSelectPicklistAttributeMetadata(string schemaName)
        {
            AttributeType = AttributeTypeCode.Virtual;
            AttributeTypeName = AttributeTypeDisplayName.MultiSelectPicklistType;
            SchemaName = schemaName;
        }

        public List<string> ChildPicklistLogicalNames { get; internal set; }

        public string FormulaDefinition { get; set; }

        public string ParentPicklistLogicalName { get; set; }

        public int? SourceTypeMask { get; internal set; }
    }
}
