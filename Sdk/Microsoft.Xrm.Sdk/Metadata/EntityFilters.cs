// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// A metadata enumeration, with the official values.
using System;

namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>Which parts of a table's metadata RetrieveEntity and RetrieveAllEntities return.</summary>
    [Flags]
    public enum EntityFilters
    {
        Default = 1,
        Entity = 1,
        Attributes = 2,
        Privileges = 4,
        Relationships = 8,
        All = 15,
    }
}
