// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Typed messages are views over Parameters and Results.
namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The ExecuteTransaction message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class ExecuteTransactionRequest : OrganizationRequest
    {
        public ExecuteTransactionRequest()
        {
            RequestName = "ExecuteTransaction";
            Requests = null;
        }

        public OrganizationRequestCollection Requests
        {
            get => Parameters.Contains("Requests") ? (OrganizationRequestCollection)Parameters["Requests"] : default;
            set => Parameters["Requests"] = value;
        }

        public bool? ReturnResponses
        {
            get => Parameters.Contains("ReturnResponses") ? (bool?)Parameters["ReturnResponses"] : default;
            set => Parameters["ReturnResponses"] = value;
        }
    }
}
