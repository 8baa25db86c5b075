using System;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Outcomes
{
    /// <summary>
    /// Keeps the originating lead's outcome in step with its opportunity's state when the state is changed by an update (the
    /// platform runs SetState as an Update of statecode: Learn, "Behavior of specialized update operations"): a reopened
    /// opportunity clears the lead's outcome, and an opportunity closed by an update rather than by Win or Lose gets its outcome
    /// written. A close by Win or Lose is written by <see cref="OpportunityClosedPlugin"/> from the close activity, so this step
    /// leaves state changes made inside Win and Lose alone (and the writer is idempotent besides). Written as SYSTEM. Service
    /// calls: none for a state change inside Win or Lose, or for an opportunity without an originating lead; otherwise the
    /// writer's three (Retrieve of the lead, Update, Create of the history row).
    /// </summary>
    [PluginStep("1ead5c0e-0011-4000-8000-000000000001", "Update", OpportunityTable.EntityName, PluginStage.PostOperation,
        FilteringAttributes = OpportunityTable.StateCode,
        PreImageAttributes = ImageColumns,
        PostImageAttributes = ImageColumns,
        Description = "Clears a reopened opportunity's outcome on its originating lead, and writes the outcome of one closed by an update.")]
    public sealed class OpportunityOutcomePlugin : PluginBase
    {
        private const string ImageColumns =
            OpportunityTable.StateCode + "," + OpportunityTable.OriginatingLeadId + "," + OpportunityTable.ActualValue + "," + OpportunityTable.ActualCloseDate;

        public OpportunityOutcomePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(OpportunityOutcomePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var before = context.GetPreImage("PreImage");
            var after = context.GetPostImage("PostImage");
            if (after == null)
            {
                localPluginContext.Trace("No post-image: the step is registered without one, so the outcome is not written.");
                return;
            }

            var previousState = before?.GetAttributeValue<OptionSetValue>(OpportunityTable.StateCode)?.Value;
            var state = after.GetAttributeValue<OptionSetValue>(OpportunityTable.StateCode)?.Value;
            var closed = state == OpportunityTable.StateWon || state == OpportunityTable.StateLost;
            var reopened = state == OpportunityTable.StateOpen && (previousState == OpportunityTable.StateWon || previousState == OpportunityTable.StateLost);
            if ((!closed && !reopened) || state == previousState)
            {
                return;
            }

            if (closed && OpportunityClosedPlugin.ClosingMessage(context) != null)
            {
                localPluginContext.Trace("Closed inside Win or Lose: the close activity's step writes the outcome.");
                return;
            }

            var leadRef = after.GetAttributeValue<EntityReference>(OpportunityTable.OriginatingLeadId);
            if (leadRef == null)
            {
                localPluginContext.Trace("The opportunity has no originating lead: no outcome to write.");
                return;
            }

            if (reopened)
            {
                OutcomeWriter.Reopened(localPluginContext, context.PrimaryEntityId, leadRef);
                return;
            }

            var won = state == OpportunityTable.StateWon;
            var closedOn = after.GetAttributeValue<DateTime?>(OpportunityTable.ActualCloseDate) ?? context.OperationCreatedOn.Date;
            OutcomeWriter.Closed(localPluginContext, context.PrimaryEntityId, leadRef, won, closedOn, after.GetAttributeValue<Money>(OpportunityTable.ActualValue)?.Value);
        }
    }
}
