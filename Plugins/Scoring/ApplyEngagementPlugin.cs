using System;
using System.Linq;
using LeadAlign.Plugins.Handoffs;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Scoring
{
    /// <summary>
    /// PostOperation of an activity that earned engagement: counts the rules <see cref="EngagementPointsPlugin"/> found newly
    /// earned on the lead's ledger and updates the lead, whose scoring step then re-scores it. That each activity counts once
    /// per rule is the activity's own record (la_engagementapplied, written by the PreOperation step in the same transaction):
    /// the ledger keeps only each rule's points, so it stays the same size however many activities a lead has. At most three
    /// service calls (lock the lead with an empty update, read it, update it); none when the activity earned nothing or regards
    /// no lead.
    /// </summary>
    [PluginStep("1ead5c0e-0003-4000-8000-000000000001", "Create", "email", PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0003-4000-8000-000000000002", "Update", "email", PluginStage.PostOperation, FilteringAttributes = "regardingobjectid,directioncode")]
    [PluginStep("1ead5c0e-0003-4000-8000-000000000003", "Create", "phonecall", PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0003-4000-8000-000000000004", "Update", "phonecall", PluginStage.PostOperation, FilteringAttributes = "regardingobjectid,directioncode")]
    [PluginStep("1ead5c0e-0003-4000-8000-000000000005", "Create", "appointment", PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0003-4000-8000-000000000006", "Update", "appointment", PluginStage.PostOperation, FilteringAttributes = "regardingobjectid")]
    [PluginStep("1ead5c0e-0003-4000-8000-000000000007", "Create", "task", PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0003-4000-8000-000000000008", "Update", "task", PluginStage.PostOperation, FilteringAttributes = "regardingobjectid")]
    [PluginStep("1ead5c0e-0003-4000-8000-000000000009", "Create", MarketingInteractionTable.EntityName, PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0003-4000-8000-00000000000a", "Update", MarketingInteractionTable.EntityName, PluginStage.PostOperation, FilteringAttributes = $"regardingobjectid,{MarketingInteractionTable.InteractionType}")]
    public sealed class ApplyEngagementPlugin : PluginBase
    {
        public ApplyEngagementPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ApplyEngagementPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var toApply = EngagementToApply.ReadFrom(context.SharedVariables);
            if (toApply == null)
            {
                return;
            }

            var leadId = toApply.LeadId;
            var model = localPluginContext.ActiveScoringModel();
            if (model == null)
            {
                return;
            }

            var service = localPluginContext.SystemUserService;
            // Lock first (an update that changes nothing still takes the lead's row lock, held until this operation commits), then
            // read: two activities on one lead saved at once would otherwise both read the same ledger and the later write would
            // lose the earlier one's points. The pattern of Microsoft Learn's "Scalable Customization Design: Auto-numbering example".
            service.Update(new Entity(LeadTable.EntityName, leadId));
            var lead = service.Retrieve(LeadTable.EntityName, leadId, new ColumnSet(LeadTable.EngagementLedger));
            var ledger = EngagementLedger.Parse(lead.GetAttributeValue<string>(LeadTable.EngagementLedger));
            // The activity's actual end, typed by the user, is never later than now: a future date cannot earn undecayed points.
            var actualEnd = context.GetTargetEntity()?.GetAttributeValue<DateTime?>(ActivityColumns.ActualEnd);
            var happenedOn = actualEnd == null || actualEnd.Value > context.OperationCreatedOn ? context.OperationCreatedOn : actualEnd.Value;
            var counted = 0;
            foreach (var ruleId in toApply.RuleIds)
            {
                var rule = model.Rule(ruleId);
                if (rule != null)
                {
                    ledger.Count(rule, happenedOn, context.OperationCreatedOn, model.HalfLifeDays);
                    counted++;
                }
            }

            if (counted == 0)
            {
                localPluginContext.Trace("The rules this activity earned are no longer in the scoring model: nothing to apply.");
                return;
            }

            var dropped = ledger.KeepWithin(ScoreColumns.LedgerMaxLength);
            if (dropped > 0)
            {
                localPluginContext.Trace($"The engagement ledger dropped the {dropped} rules with the fewest points to fit its {ScoreColumns.LedgerMaxLength} characters.");
            }

            service.Update(new Entity(LeadTable.EntityName, leadId) { [LeadTable.EngagementLedger] = ledger.ToString() });
            localPluginContext.Trace($"Counted {counted} engagement rule(s) for lead {leadId}.");
        }
    }
}
