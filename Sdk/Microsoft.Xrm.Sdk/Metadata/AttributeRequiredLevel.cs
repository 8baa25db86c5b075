// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// A metadata enumeration, with the official values.
namespace Microsoft.Xrm.Sdk.Metadata
{
    public enum AttributeRequiredLevel
    {
        None = 0,
        SystemRequired = 1,
        ApplicationRequired = 2,
        Recommended = 3,
    }
}
