// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>The Assign message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class AssignRequest : OrganizationRequest
    {
        public AssignRequest()
        {
            RequestName = "Assign";
            Target = null;
            Assignee = null;
        }

        public EntityReference Target
        {
            get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default;
            set => Parameters["Target"] = value;
        }

        public EntityReference Assignee
        {
            get => Parameters.Contains("Assignee") ? (EntityReference)Parameters["Assignee"] : default;
            set => Parameters["Assignee"] = value;
        }
    }
}
