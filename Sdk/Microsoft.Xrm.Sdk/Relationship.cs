// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public sealed class Relationship : IExtensibleDataObject
    {
        public Relationship()
        {
        }

        public Relationship(string schemaName)
        {
            SchemaName = schemaName;
        }

        public string SchemaName { get; set; }

        public EntityRole? PrimaryEntityRole { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj)
        {
            return obj is Relationship other
                && string.Equals(SchemaName, other.SchemaName, StringComparison.Ordinal)
                && PrimaryEntityRole == other.PrimaryEntityRole;
        }

        public override int GetHashCode()
        {
            return (SchemaName == null ? 0 : StringComparer.Ordinal.GetHashCode(SchemaName)) ^ PrimaryEntityRole.GetHashCode();
        }

        public override string ToString() => SchemaName;
    }
}
