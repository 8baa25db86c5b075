using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using LeadAlign.Scoring;

namespace LeadAlign.Plugins.Scoring
{
    /// <summary>
    /// Scores a lead as it is saved: fit from the lead's columns (the Target over the pre-image), engagement from its ledger,
    /// decayed to now with the model's half-life; writes score, band, reasons and the time into the Target. It never updates
    /// the lead itself. Service calls: one while the scoring model cache is cold, none when it is warm.
    /// The Update step runs when a column a fit rule of the shipped model reads changes ({FitRuleColumns}, expanded by
    /// <c>leadalign steps</c> from the solution's scoring data), or when an activity adds engagement to the ledger.
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
            if (model == null)
            {
                localPluginContext.Trace("No scoring model is active: the lead keeps its score.");
                return;
            }

            var lead = target.MergeWithPreImage(context.GetPreImage("PreImage"));
            var ledger = EngagementLedger.Parse(lead.GetAttributeValue<string>(LeadTable.EngagementLedger));
            var score = LeadScorer.Score(model, lead, ledger, context.OperationCreatedOn, message => localPluginContext.Trace(message));
            score.WriteTo(target, lead, model.Id, context.OperationCreatedOn);
            localPluginContext.Trace($"Scored with '{model.Name}': fit {score.Fit}, engagement {score.Engagement}, score {score.Score} ({score.Band}).");
        }
    }
}
