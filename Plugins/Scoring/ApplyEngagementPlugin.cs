using LeadAlign.Plugins.Handoffs;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Scoring
{
    /// <summary>
    /// PostOperation of an activity that earned engagement: updates the lead once, with <see cref="EngagementToApply.Pending"/>
    /// as its ledger, so the lead's own scoring step (<see cref="ScoreLeadPlugin"/>, PreOperation of that update) counts the rules
    /// <see cref="EngagementPointsPlugin"/> found newly earned on the ledger and re-scores the lead. The update locks the lead's row
    /// before its PreOperation, and the scoring step reads the ledger from its pre-image, taken under that lock: two activities on one
    /// lead saved at once count both, the second on the ledger the first committed, as a lock-then-read would (Microsoft Learn's
    /// "Scalable Customization Design: Auto-numbering example") without the empty update and the read that pattern costs. That each
    /// activity counts once per rule is the activity's own record (la_engagementapplied, written by the PreOperation step in the same
    /// transaction). One service call; none when the activity earned nothing, regards no lead, or earned only rules the model no longer has.
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

            var model = localPluginContext.ActiveScoringModel();
            if (model == null)
            {
                return;
            }

            if (toApply.RulesIn(model).Count == 0)
            {
                localPluginContext.Trace("The rules this activity earned are no longer in the scoring model: nothing to apply.");
                return;
            }

            localPluginContext.SystemUserService.Update(new Entity(LeadTable.EntityName, toApply.LeadId) { [LeadTable.EngagementLedger] = EngagementToApply.Pending });
            localPluginContext.Trace($"Asked lead {toApply.LeadId} to count {toApply.RuleIds.Count} engagement rule(s).");
        }
    }
}
