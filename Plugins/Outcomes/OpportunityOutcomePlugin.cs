using System;
using System.Globalization;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Outcomes
{
    /// <summary>
    /// Brings the outcome of an opportunity back to the lead it was qualified from (its originating lead), in the same
    /// transaction as the close: when the opportunity is won or lost, the lead gets the outcome, its date (the actual close
    /// date, or the operation's date), the revenue (the actual value when won, 0 when lost) and the whole days from the lead's
    /// creation and from its handoff to the close; a row of the stage history notes it (the stage stays as it is, as for a
    /// reassignment: there is no Won or Lost stage). When the opportunity is reopened the outcome columns are cleared and the
    /// history notes that too. Written as SYSTEM, as the columns are LeadAlign's. Service calls: one Retrieve of the lead,
    /// one Update, one Create of the history row; none for an opportunity without an originating lead.
    /// </summary>
    [PluginStep("1ead5c0e-0011-4000-8000-000000000001", "Update", OpportunityTable.EntityName, PluginStage.PostOperation,
        FilteringAttributes = OpportunityTable.StateCode,
        PreImageAttributes = ImageColumns,
        PostImageAttributes = ImageColumns,
        Description = "Writes a won, lost or reopened opportunity's outcome on its originating lead.")]
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

            var leadRef = after.GetAttributeValue<EntityReference>(OpportunityTable.OriginatingLeadId);
            if (leadRef == null)
            {
                localPluginContext.Trace("The opportunity has no originating lead: no outcome to write.");
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

            var service = localPluginContext.SystemUserService;
            var lead = service.Retrieve(LeadTable.EntityName, leadRef.Id, new ColumnSet(LeadTable.CreatedOn, LeadTable.HandoffOn, LeadTable.Stage));
            var update = new Entity(LeadTable.EntityName, leadRef.Id);
            string name;
            string note;
            if (closed)
            {
                var won = state == OpportunityTable.StateWon;
                var closedOn = after.GetAttributeValue<DateTime?>(OpportunityTable.ActualCloseDate) ?? context.OperationCreatedOn;
                var revenue = won ? after.GetAttributeValue<Money>(OpportunityTable.ActualValue)?.Value : 0m;
                update[LeadTable.Outcome] = new OptionSetValue((int)(won ? Outcome.Won : Outcome.Lost));
                update[LeadTable.OutcomeOn] = closedOn;
                update[LeadTable.OutcomeRevenue] = revenue;
                update[LeadTable.DaysInquiryToClose] = DaysBetween(lead.GetAttributeValue<DateTime?>(LeadTable.CreatedOn), closedOn);
                update[LeadTable.DaysHandoffToClose] = DaysBetween(lead.GetAttributeValue<DateTime?>(LeadTable.HandoffOn), closedOn);
                name = won ? "Won" : "Lost";
                note = won
                    ? $"The opportunity {context.PrimaryEntityId:D} was won on {closedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(revenue == null ? "" : " for " + revenue.Value.ToString("0.00", CultureInfo.InvariantCulture))}."
                    : $"The opportunity {context.PrimaryEntityId:D} was lost on {closedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.";
            }
            else
            {
                update[LeadTable.Outcome] = null;
                update[LeadTable.OutcomeOn] = null;
                update[LeadTable.OutcomeRevenue] = null;
                update[LeadTable.DaysInquiryToClose] = null;
                update[LeadTable.DaysHandoffToClose] = null;
                name = "Reopened";
                note = $"The opportunity {context.PrimaryEntityId:D} was reopened: its outcome is cleared.";
            }

            service.Update(update);

            // The history row keeps the lead's stage on both sides, as a reassignment's does: the stages have no Won or Lost.
            var stage = lead.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value;
            service.Create(new Entity(LeadStageChangeTable.EntityName)
            {
                [LeadStageChangeTable.Name] = name,
                [LeadStageChangeTable.LeadId] = leadRef,
                [LeadStageChangeTable.FromStage] = stage == null ? null : new OptionSetValue(stage.Value),
                [LeadStageChangeTable.ToStage] = stage == null ? null : new OptionSetValue(stage.Value),
                [LeadStageChangeTable.ChangedOn] = context.OperationCreatedOn,
                [LeadStageChangeTable.ChangedBy] = new EntityReference(SystemUserTable.EntityName, context.InitiatingUserId),
                [LeadStageChangeTable.Note] = note,
            });
            localPluginContext.Trace($"Lead {leadRef.Id}: outcome {name}.");
        }

        /// <summary>Whole calendar days (as Dataverse returns dates, in UTC) from <paramref name="from"/> to <paramref name="to"/>, never below 0; null without a start.</summary>
        private static int? DaysBetween(DateTime? from, DateTime to)
        {
            if (from == null)
            {
                return null;
            }

            var days = (to.Date - from.Value.Date).Days;
            return days < 0 ? 0 : days;
        }
    }
}
