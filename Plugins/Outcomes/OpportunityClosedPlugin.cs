using System;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Outcomes
{
    /// <summary>
    /// Brings a won or lost opportunity's outcome back to its originating lead, in the same transaction as the close. Win and
    /// Lose (WinOpportunityRequest, LoseOpportunityRequest) record the close as an opportunityclose activity; this step runs on
    /// that activity's Create, whatever else the platform raises for the state change, and learns won or lost from the operation
    /// that created it (the parent context's message, Win or Lose). The lead gets the outcome, the date (the close's actual end,
    /// or the operation's date), the revenue (the close's actual revenue when won, 0 when lost) and the days from inquiry and from
    /// handoff to the close (<see cref="OutcomeWriter"/>). Service calls: one Retrieve of the opportunity (its originating lead),
    /// then the writer's three; none for a close activity created outside Win and Lose.
    /// </summary>
    [PluginStep("1ead5c0e-0011-4000-8000-000000000002", "Create", OpportunityCloseTable.EntityName, PluginStage.PostOperation,
        Description = "Writes a won or lost opportunity's outcome on its originating lead when Win or Lose records the close.")]
    public sealed class OpportunityClosedPlugin : PluginBase
    {
        public OpportunityClosedPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(OpportunityClosedPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var close = context.GetTargetEntity();
            var closing = ClosingMessage(context);
            if (closing == null)
            {
                localPluginContext.Trace("This opportunity close was not recorded by Win or Lose: no outcome to write.");
                return;
            }

            var opportunityRef = close?.GetAttributeValue<EntityReference>(OpportunityCloseTable.OpportunityId);
            if (opportunityRef == null)
            {
                localPluginContext.Trace("The opportunity close names no opportunity: no outcome to write.");
                return;
            }

            var opportunity = localPluginContext.SystemUserService.Retrieve(OpportunityTable.EntityName, opportunityRef.Id, new ColumnSet(OpportunityTable.OriginatingLeadId));
            var leadRef = opportunity.GetAttributeValue<EntityReference>(OpportunityTable.OriginatingLeadId);
            if (leadRef == null)
            {
                localPluginContext.Trace($"The opportunity {opportunityRef.Id} has no originating lead: no outcome to write.");
                return;
            }

            var closedOn = close!.GetAttributeValue<DateTime?>(OpportunityCloseTable.ActualEnd) ?? context.OperationCreatedOn.Date;
            OutcomeWriter.Closed(localPluginContext, opportunityRef.Id, leadRef, closing == OpportunityCloseTable.WinMessage, closedOn, close.GetAttributeValue<Money>(OpportunityCloseTable.ActualRevenue)?.Value);
        }

        /// <summary>Win or Lose when the close was recorded by one of them (the nearest such operation up the parent contexts), else null.</summary>
        internal static string? ClosingMessage(IPluginExecutionContext context)
        {
            for (var parent = context.ParentContext; parent != null; parent = parent.ParentContext)
            {
                if (parent.MessageName == OpportunityCloseTable.WinMessage || parent.MessageName == OpportunityCloseTable.LoseMessage)
                {
                    return parent.MessageName;
                }
            }

            return null;
        }
    }
}
