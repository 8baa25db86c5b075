// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>
    /// The WinOpportunity message: closes the opportunity OpportunityClose names (its opportunityid) as won, with the
    /// opportunityclose activity it records. As in the official SDK the constructor sets both parameters to null.
    /// </summary>
    public sealed class WinOpportunityRequest : OrganizationRequest
    {
        public WinOpportunityRequest()
        {
            RequestName = "WinOpportunity";
            OpportunityClose = null;
            Status = null;
        }

        public Entity OpportunityClose
        {
            get => Parameters.Contains("OpportunityClose") ? (Entity)Parameters["OpportunityClose"] : default;
            set => Parameters["OpportunityClose"] = value;
        }

        public OptionSetValue Status
        {
            get => Parameters.Contains("Status") ? (OptionSetValue)Parameters["Status"] : default;
            set => Parameters["Status"] = value;
        }
    }
}
