// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// A metadata enumeration, with the official values.
using System;

namespace Microsoft.Xrm.Sdk.Metadata
{
    [Flags]
    public enum SecurityTypes
    {
        None = 0,
        Append = 1,
        ParentChild = 2,
        Pointer = 4,
        Inheritance = 8,
    }
}
