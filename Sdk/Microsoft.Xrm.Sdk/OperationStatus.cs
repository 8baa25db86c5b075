// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
namespace Microsoft.Xrm.Sdk
{
    public enum OperationStatus
    {
        Failed = 0,
        Canceled = 1,
        Retry = 2,
        Suspended = 3,
        Succeeded = 4,
    }
}
