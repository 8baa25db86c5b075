// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Query objects are plain descriptions; the organization service (real or in-memory) evaluates them.
namespace Microsoft.Xrm.Sdk.Query
{
    public enum OrderType
    {
        Ascending = 0,
        Descending = 1,
    }
}
