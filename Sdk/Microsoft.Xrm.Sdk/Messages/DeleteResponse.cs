// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Typed messages are views over Parameters and Results.
namespace Microsoft.Xrm.Sdk.Messages
{
    public sealed class DeleteResponse : OrganizationResponse
    {
        public DeleteResponse()
        {
            ResponseName = "Delete";
        }
    }
}
