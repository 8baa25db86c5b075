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
    /// PreOperation of an activity regarding a lead: finds the engagement rules it earns that it has not applied yet, records
    /// them on the activity itself (la_engagementapplied, in the Target: no extra call) and hands them to
    /// <see cref="ApplyEngagementPlugin"/> through the shared variables. An update that changes nothing earns nothing.
    /// No service call when the model cache is warm; none at all for an activity that regards no lead.
    /// </summary>
    [PluginStep("1ead5c0e-0002-4000-8000-000000000001", "Create", "email", PluginStage.PreOperation)]
    [PluginStep("1ead5c0e-0002-4000-8000-000000000002", "Update", "email", PluginStage.PreOperation, FilteringAttributes = "regardingobjectid,directioncode", PreImageAttributes = $"regardingobjectid,directioncode,{EmailTable.EngagementApplied}")]
    [PluginStep("1ead5c0e-0002-4000-8000-000000000003", "Create", "phonecall", PluginStage.PreOperation)]
    [PluginStep("1ead5c0e-0002-4000-8000-000000000004", "Update", "phonecall", PluginStage.PreOperation, FilteringAttributes = "regardingobjectid,directioncode", PreImageAttributes = $"regardingobjectid,directioncode,{PhoneCallTable.EngagementApplied}")]
    [PluginStep("1ead5c0e-0002-4000-8000-000000000005", "Create", "appointment", PluginStage.PreOperation)]
    [PluginStep("1ead5c0e-0002-4000-8000-000000000006", "Update", "appointment", PluginStage.PreOperation, FilteringAttributes = "regardingobjectid", PreImageAttributes = $"regardingobjectid,{AppointmentTable.EngagementApplied}")]
    [PluginStep("1ead5c0e-0002-4000-8000-000000000007", "Create", "task", PluginStage.PreOperation)]
    [PluginStep("1ead5c0e-0002-4000-8000-000000000008", "Update", "task", PluginStage.PreOperation, FilteringAttributes = "regardingobjectid", PreImageAttributes = $"regardingobjectid,{TaskTable.EngagementApplied}")]
    [PluginStep("1ead5c0e-0002-4000-8000-000000000009", "Create", MarketingInteractionTable.EntityName, PluginStage.PreOperation)]
    [PluginStep("1ead5c0e-0002-4000-8000-00000000000a", "Update", MarketingInteractionTable.EntityName, PluginStage.PreOperation, FilteringAttributes = $"regardingobjectid,{MarketingInteractionTable.InteractionType}", PreImageAttributes = $"regardingobjectid,{MarketingInteractionTable.InteractionType},{MarketingInteractionTable.EngagementApplied}")]
    public sealed class EngagementPointsPlugin : PluginBase
    {
        public EngagementPointsPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(EngagementPointsPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTargetEntity();
            if (target == null)
            {
                return;
            }

            var activity = target.MergeWithPreImage(context.GetPreImage("PreImage"));
            var regarding = activity.GetAttributeValue<EntityReference>(ActivityColumns.RegardingObjectId);
            if (regarding == null || regarding.LogicalName != LeadTable.EntityName)
            {
                return;
            }

            var model = localPluginContext.ActiveScoringModel();
            if (model == null)
            {
                return;
            }

            var applied = EngagementMatcher.AppliedRuleIds(activity.GetAttributeValue<string>(ActivityColumns.EngagementApplied));
            var earned = EngagementMatcher.RulesFor(model, activity);
            var fresh = earned.Where(rule => !applied.Contains(rule.Id)).ToList();
            if (fresh.Count == 0)
            {
                localPluginContext.Trace("No engagement rule newly earned.");
                return;
            }

            target[ActivityColumns.EngagementApplied] = EngagementMatcher.AppliedText(earned.Concat(model.Rules.Where(rule => applied.Contains(rule.Id))).Distinct());
            new EngagementToApply(regarding.Id, fresh.Select(rule => rule.Id).ToList()).WriteTo(context.SharedVariables);
            localPluginContext.Trace($"Earned: {string.Join(", ", fresh.Select(rule => rule.Name))}.");
        }
    }

    /// <summary>
    /// PostOperation of an activity that earned engagement: counts it on the lead's ledger, once per activity and rule, and
    /// updates the lead, whose scoring step then re-scores it. At most two service calls (read the lead, update the lead);
    /// none when the activity earned nothing or regards no lead. A replay finds the activity already counted and changes nothing.
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
            var lead = service.Retrieve(LeadTable.EntityName, leadId, new ColumnSet(LeadTable.EngagementLedger));
            var ledger = EngagementLedger.Parse(lead.GetAttributeValue<string>(LeadTable.EngagementLedger));
            var happenedOn = context.GetTargetEntity()?.GetAttributeValue<DateTime?>(ActivityColumns.ActualEnd) ?? context.OperationCreatedOn;
            var counted = 0;
            foreach (var ruleId in toApply.RuleIds)
            {
                var rule = model.Rule(ruleId);
                if (rule != null && ledger.Count(context.PrimaryEntityId, rule, happenedOn, context.OperationCreatedOn, model.HalfLifeDays))
                {
                    counted++;
                }
            }

            if (counted == 0)
            {
                localPluginContext.Trace("This activity was already counted for the lead: nothing to apply.");
                return;
            }

            service.Update(new Entity(LeadTable.EntityName, leadId) { [LeadTable.EngagementLedger] = ledger.ToString() });
            localPluginContext.Trace($"Counted {counted} engagement rule(s) for lead {leadId}.");
        }
    }
}
