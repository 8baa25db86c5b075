// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
namespace Microsoft.Xrm.Sdk
{
    /// <summary>The fault of an ExecuteTransaction request: which request of the batch failed; the whole batch was rolled back.</summary>
    public sealed class ExecuteTransactionFault : OrganizationServiceFault
    {
        public ExecuteTransactionFault()
        {
        }

        public int FaultedRequestIndex { get; set; }
    }
}
