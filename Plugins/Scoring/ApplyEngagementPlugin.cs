using LeadAlign.Plugins.Handoffs;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Scoring
{
    /// <summary>
    /// PostOperation of an activity that earned engagement: takes the lead's row lock with an update that changes nothing, then
    /// updates the lead with <see cref="EngagementToApply.Pending"/> as its ledger, so the lead's own scoring step
    /// (<see cref="ScoreLeadPlugin"/>, PreOperation of that update) counts the rules <see cref="EngagementPointsPlugin"/> found newly
    /// earned on the ledger of its pre-image and re-scores the lead. The lock comes first because the platform does not promise
    /// that an update's pre-image is read under that update's own row lock; read after this transaction holds the lock, the
    /// pre-image is the ledger the previous writer committed, so two activities on one lead saved at once both count (the
    /// lock-then-read of Microsoft Learn's "Scalable Customization Design: Auto-numbering example", with the read done by the
    /// image instead of a Retrieve). That each activity counts once per rule is the activity's own record (la_engagementapplied,
    /// written by the PreOperation step in the same transaction). Two service calls; none when the activity earned nothing,
    /// regards no lead, or earned only rules the model no longer has.
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

            var service = localPluginContext.SystemUserService;
            service.Update(new Entity(LeadTable.EntityName, toApply.LeadId));
            service.Update(new Entity(LeadTable.EntityName, toApply.LeadId) { [LeadTable.EngagementLedger] = EngagementToApply.Pending });
            localPluginContext.Trace($"Asked lead {toApply.LeadId} to count {toApply.RuleIds.Count} engagement rule(s).");
        }
    }
}
