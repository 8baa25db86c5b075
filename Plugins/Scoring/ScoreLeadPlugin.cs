using LeadAlign.Plugins.Handoffs;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Scoring
{
    /// <summary>
    /// Scores a lead as it is saved: fit from the lead's columns (the Target over the pre-image), engagement from its ledger,
    /// decayed to now with the model's half-life; writes score, band, reasons and the time into the Target. It never updates
    /// the lead itself. Service calls: one while the scoring model cache is cold, none when it is warm.
    /// The Update step runs when a column a fit rule of the shipped model reads changes ({FitRuleColumns}, expanded by
    /// <c>leadalign steps</c> from the solution's scoring data), or when an activity earned engagement: then it first counts the
    /// activity's rules on the ledger of its pre-image, read under the row lock <see cref="ApplyEngagementPlugin"/> took first (the second of its two updates).
    /// </summary>
    [PluginStep("1ead5c0e-0001-4000-8000-000000000001", "Create", "lead", PluginStage.PreOperation,
        Description = "Scores a new lead with the active scoring model.")]
    [PluginStep("1ead5c0e-0001-4000-8000-000000000002", "Update", "lead", PluginStage.PreOperation,
        FilteringAttributes = $"{LeadTable.EngagementLedger},{LeadTable.ScoringModelId},{{FitRuleColumns}}",
        PreImageAttributes = $"{LeadTable.EngagementLedger},{LeadTable.ScoredOn},{LeadTable.ScoringModelId},{LeadTable.MqlOn},{{FitRuleColumns}}",
        Description = "Re-scores a lead when a column the fit rules read changes, or its engagement grows.")]
    public sealed class ScoreLeadPlugin : PluginBase
    {
        public ScoreLeadPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ScoreLeadPlugin))
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

            var model = localPluginContext.ActiveScoringModel();
            var preImage = context.GetPreImage("PreImage");
            if (target.GetAttributeValue<string>(LeadTable.EngagementLedger) == EngagementToApply.Pending)
            {
                CountEngagement(localPluginContext, target, preImage, model);
            }

            if (model == null)
            {
                localPluginContext.Trace("No scoring model is active: the lead keeps its score.");
                return;
            }

            var lead = target.MergeWithPreImage(preImage);
            var ledger = EngagementLedger.Parse(lead.GetAttributeValue<string>(LeadTable.EngagementLedger));
            var score = LeadScorer.Score(model, lead, ledger, context.OperationCreatedOn, message => localPluginContext.Trace(message));
            score.WriteTo(target, lead, model.Id, context.OperationCreatedOn);
            localPluginContext.Trace($"Scored with '{model.Name}': fit {score.Fit}, engagement {score.Engagement}, score {score.Score} ({score.Band}).");
        }

        /// <summary>
        /// The update <see cref="ApplyEngagementPlugin"/> makes for an activity that earned engagement: counts the rules its operation
        /// handed on (<see cref="EngagementToApply"/>, in the ParentContext's SharedVariables) on the ledger of the pre-image, read
        /// after ApplyEngagementPlugin took the lead's row lock in this transaction, and puts the new ledger in the Target for the scoring below. Without the hand-off or
        /// a model that still has its rules, the stored ledger is kept (the placeholder never reaches the row).
        /// </summary>
        private static void CountEngagement(ILocalPluginContext localPluginContext, Entity target, Entity? preImage, ScoringModel? model)
        {
            var context = localPluginContext.PluginExecutionContext;
            var shared = context.Depth > 1 ? context.ParentContext?.SharedVariables : null;
            var toApply = shared == null ? null : EngagementToApply.ReadFrom(shared);
            var counted = toApply != null && toApply.LeadId == context.PrimaryEntityId && model != null
                ? toApply.CountOn(preImage?.GetAttributeValue<string>(LeadTable.EngagementLedger), model, context.OperationCreatedOn, message => localPluginContext.Trace(message))
                : null;
            if (counted == null)
            {
                target.Attributes.Remove(LeadTable.EngagementLedger);
                localPluginContext.Trace("Asked to count engagement, but no activity's engagement for this lead was handed on with an active model that has its rules: the ledger is kept.");
                return;
            }

            target[LeadTable.EngagementLedger] = counted;
        }
    }
}
