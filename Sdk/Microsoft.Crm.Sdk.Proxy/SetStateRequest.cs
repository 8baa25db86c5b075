// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>The SetState message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class SetStateRequest : OrganizationRequest
    {
        public SetStateRequest()
        {
            RequestName = "SetState";
            EntityMoniker = null;
            State = null;
            Status = null;
        }

        public EntityReference EntityMoniker
        {
            get => Parameters.Contains("EntityMoniker") ? (EntityReference)Parameters["EntityMoniker"] : default;
            set => Parameters["EntityMoniker"] = value;
        }

        public OptionSetValue State
        {
            get => Parameters.Contains("State") ? (OptionSetValue)Parameters["State"] : default;
            set => Parameters["State"] = value;
        }

        public OptionSetValue Status
        {
            get => Parameters.Contains("Status") ? (OptionSetValue)Parameters["Status"] : default;
            set => Parameters["Status"] = value;
        }
    }
}
