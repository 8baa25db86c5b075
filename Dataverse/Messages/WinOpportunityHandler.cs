using LeadAlign.Dataverse.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// WinOpportunity: records the OpportunityClose as a completed opportunityclose activity and closes its opportunity as
    /// Won with the status given, or Won (3) (see <see cref="OpportunityCloseHandler"/>).
    /// </summary>
    internal sealed class WinOpportunityHandler : OpportunityCloseHandler
    {
        public WinOpportunityHandler()
            : base("WinOpportunity", "Win", state: 1, defaultStatus: 3)
        {
        }

        protected override OrganizationResponse Response() => new WinOpportunityResponse();
    }
}
