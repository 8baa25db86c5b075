// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Typed messages are views over Parameters and Results.
namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The Update message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class UpdateRequest : OrganizationRequest
    {
        public UpdateRequest()
        {
            RequestName = "Update";
            Target = null;
        }

        public Entity Target
        {
            get => Parameters.Contains("Target") ? (Entity)Parameters["Target"] : default;
            set => Parameters["Target"] = value;
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get => Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : default;
            set => Parameters["ConcurrencyBehavior"] = value;
        }
    }
}
