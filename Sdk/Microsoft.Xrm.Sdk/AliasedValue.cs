// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A column of a linked table returned by a query, under its alias.</summary>
    public sealed class AliasedValue : IExtensibleDataObject
    {
        public AliasedValue()
        {
        }

        public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
        {
            EntityLogicalName = entityLogicalName;
            AttributeLogicalName = attributeLogicalName;
            Value = value;
        }

        public string EntityLogicalName { get; private set; }

        public string AttributeLogicalName { get; private set; }

        public object Value { get; private set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
