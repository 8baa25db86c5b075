using System;
using LeadAlign.Lifecycle;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Sla
{
    /// <summary>
    /// The breach action of sales' "Decision by" clock: an accepted lead (SAL) left without a decision returns to marketing as
    /// Nurture with the recycle reason <see cref="Reason"/>. The move is an ordinary Update of the lead's stage made through
    /// SYSTEM's service, so it goes through the same lifecycle steps as a user's move (the stage rules, the Nurture stamp, the
    /// return to the marketing team, the stage history row naming SYSTEM with the note <see cref="HistoryNote"/>, the end of the other clocks). A lead that is no longer
    /// a SAL (decided meanwhile) is left alone. Calls: 1 (the read), plus the Update when the lead is still a SAL.
    /// </summary>
    internal static class NoDecisionReturn
    {
        /// <summary>The recycle reason marketing reads on a lead sales did not decide on in time.</summary>
        public const string Reason = "No decision in time";

        /// <summary>
        /// The note of the stage history row of this return (Nurture, made with <see cref="Reason"/>): the week's close counts
        /// no-decision returns from it, whatever the lead's recycle reason is later.
        /// </summary>
        public const string HistoryNote = "Returned to marketing as Nurture: no decision in time (the Decision by clock breached).";

        public static bool ToNurture(IOrganizationService service, Guid leadId, Action<string> trace)
        {
            var lead = service.Retrieve(LeadTable.EntityName, leadId, new ColumnSet(LeadTable.Stage));
            var stage = (LeadStage?)lead.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value;
            if (stage != LeadStage.Sal)
            {
                trace($"Lead {leadId} is {(stage == null ? "without a stage" : LeadStages.Name(stage.Value))}, not a SAL any more: it is not returned to marketing.");
                return false;
            }

            service.Update(new Entity(LeadTable.EntityName, leadId)
            {
                [LeadTable.Stage] = new OptionSetValue((int)LeadStage.Nurture),
                [LeadTable.RecycleReason] = Reason,
            });
            trace($"Lead {leadId} had no decision in time: returned to marketing as Nurture ({Reason}).");
            return true;
        }
    }
}
