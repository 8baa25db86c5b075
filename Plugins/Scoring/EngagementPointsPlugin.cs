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
    /// <see cref="ApplyEngagementPlugin"/> through the shared variables. An update that changes nothing earns nothing. An activity
    /// records what it applied within its column (about fifty rules): a rule it cannot record any more is not counted, and the
    /// trace names it, so a model with very many engagement rules of one kind never makes an activity fail to save.
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

            if (BreaksNurturePause(localPluginContext, activity, regarding.Id))
            {
                target[MarketingInteractionTable.BrokePause] = true;
                localPluginContext.Trace("A nurture email for a lead whose nurture is paused (sales owns it): recorded and flagged as breaking the pause; it earns no engagement.");
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

            var recorded = EngagementMatcher.Recordable(model.Rules.Where(rule => applied.Contains(rule.Id)), fresh, ScoreColumns.AppliedMaxLength);
            var left = fresh.Where(rule => !recorded.Contains(rule)).ToList();
            if (left.Count > 0)
            {
                localPluginContext.Trace($"Not counted, as the activity cannot record more rules in its {ScoreColumns.AppliedMaxLength} characters: {string.Join(", ", left.Select(rule => rule.Name))}.");
                fresh = fresh.Where(recorded.Contains).ToList();
                if (fresh.Count == 0)
                {
                    return;
                }
            }

            target[ActivityColumns.EngagementApplied] = EngagementMatcher.AppliedText(recorded);
            // The activity's actual end, typed by the user, is never later than now: a future date cannot earn undecayed points.
            var actualEnd = target.GetAttributeValue<DateTime?>(ActivityColumns.ActualEnd);
            var happenedOn = actualEnd == null || actualEnd.Value > context.OperationCreatedOn ? context.OperationCreatedOn : actualEnd.Value;
            new EngagementToApply(regarding.Id, fresh.Select(rule => rule.Id).ToList(), happenedOn).WriteTo(context.SharedVariables);
            localPluginContext.Trace($"Earned: {string.Join(", ", fresh.Select(rule => rule.Name))}.");
        }

        /// <summary>
        /// A marketing interaction of the nurture kind (a nurture email sent by marketing automation) regarding a lead whose nurture is
        /// paused, because sales owns it. One call (reading the lead's la_nurturepaused) for a nurture email; none for anything else.
        /// </summary>
        private static bool BreaksNurturePause(ILocalPluginContext localPluginContext, Entity activity, Guid leadId)
        {
            if (activity.LogicalName != MarketingInteractionTable.EntityName
                || activity.GetAttributeValue<OptionSetValue>(MarketingInteractionTable.InteractionType)?.Value != (int)InteractionType.NurtureEmail)
            {
                return false;
            }

            var lead = localPluginContext.SystemUserService.Retrieve(LeadTable.EntityName, leadId, new ColumnSet(LeadTable.NurturePaused));
            return lead.GetAttributeValue<bool?>(LeadTable.NurturePaused) == true;
        }
    }
}
