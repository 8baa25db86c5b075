using LeadAlign.Dataverse.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// LoseOpportunity: records the OpportunityClose as a completed opportunityclose activity and closes its opportunity as
    /// Lost with the status given (Out-Sold, 5), or Canceled (4) (see <see cref="OpportunityCloseHandler"/>).
    /// </summary>
    internal sealed class LoseOpportunityHandler : OpportunityCloseHandler
    {
        public LoseOpportunityHandler()
            : base("LoseOpportunity", "Lose", state: 2, defaultStatus: 4)
        {
        }

        protected override OrganizationResponse Response() => new LoseOpportunityResponse();
    }
}
