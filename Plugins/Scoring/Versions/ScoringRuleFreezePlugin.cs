using System.Collections.Generic;
using System.Linq;
using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Scoring.Versions
{
    /// <summary>
    /// Freezes the rules of a signed scoring model version: creating, changing or deleting a rule under a version that is not a
    /// proposal still undecided by both teams is refused, and so is moving a rule into or out of one. Rules of a model without a
    /// version status (the shipped default, a hand-made draft) change as they always did. Service calls: the rule's model
    /// (one Retrieve per model it names).
    /// </summary>
    [PluginStep("1ead5c0e-0518-4000-8000-000000000003", "Create", ScoringRuleTable.EntityName, PluginStage.PreValidation,
        Description = "Refuses a new rule under a signed scoring model version.")]
    [PluginStep("1ead5c0e-0518-4000-8000-000000000004", "Update", ScoringRuleTable.EntityName, PluginStage.PreValidation,
        FilteringAttributes = RuleColumns, PreImageAttributes = ScoringRuleTable.Name + "," + ScoringRuleTable.ScoringModelId,
        Description = "Refuses a change to a rule of a signed scoring model version.")]
    [PluginStep("1ead5c0e-0518-4000-8000-000000000005", "Delete", ScoringRuleTable.EntityName, PluginStage.PreValidation,
        PreImageAttributes = ScoringRuleTable.Name + "," + ScoringRuleTable.ScoringModelId,
        Description = "Refuses deleting a rule of a signed scoring model version.")]
    public sealed class ScoringRuleFreezePlugin : PluginBase
    {
        private const string RuleColumns =
            ScoringRuleTable.Name + "," + ScoringRuleTable.ScoringModelId + "," + ScoringRuleTable.Category + "," + ScoringRuleTable.Points + "," + ScoringRuleTable.Cap + ","
            + ScoringRuleTable.IsActive + "," + ScoringRuleTable.Column + "," + ScoringRuleTable.Operator + "," + ScoringRuleTable.Value + "," + ScoringRuleTable.ActivityKind + ","
            + ScoringRuleTable.Direction + "," + ScoringRuleTable.InteractionType + "," + ScoringRuleTable.NormalizedValue + "," + ScoringRuleTable.ColumnType + ","
            + ScoringRuleTable.HighIntent + "," + ScoringRuleTable.BasedOnRuleId + "," + ScoringRuleTable.PreviousPoints + "," + ScoringRuleTable.TrainingHits + ","
            + ScoringRuleTable.PointsLow + "," + ScoringRuleTable.PointsHigh + "," + ScoringRuleTable.Lift + "," + ScoringRuleTable.FitNote;

        public ScoringRuleFreezePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ScoringRuleFreezePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTargetEntity();
            var before = context.GetPreImage("PreImage");
            var models = new List<EntityReference>();
            if (before?.GetAttributeValue<EntityReference>(ScoringRuleTable.ScoringModelId) is EntityReference current)
            {
                // A rule unlinked by its model's deletion (RemoveLink, run by the platform) is not a user's change.
                var unlinking = ModelVersions.ByLeadAlign(context) && target != null && target.Contains(ScoringRuleTable.ScoringModelId) && target[ScoringRuleTable.ScoringModelId] == null;
                if (!unlinking)
                {
                    models.Add(current);
                }
            }

            if (target?.GetAttributeValue<EntityReference>(ScoringRuleTable.ScoringModelId) is EntityReference moved && models.All(model => model.Id != moved.Id))
            {
                models.Add(moved);
            }

            var rule = "'" + (target?.GetAttributeValue<string>(ScoringRuleTable.Name) ?? before?.GetAttributeValue<string>(ScoringRuleTable.Name) ?? "this rule") + "'";
            foreach (var reference in models)
            {
                var model = localPluginContext.SystemUserService.Retrieve(ScoringModelTable.EntityName, reference.Id, new ColumnSet(ModelVersions.ImageColumns.Split(',')));
                if (ModelVersions.IsFrozen(model))
                {
                    var doing = context.MessageName == "Create" ? "add" : context.MessageName == "Delete" ? "delete" : "change";
                    throw new BusinessRuleException(
                        $"Scoring rule {rule}: cannot {doing} a rule of scoring model {ModelVersions.Describe(model)}: {ModelVersions.WhyFrozen(model)}. "
                        + "Propose a new version with the rule changed instead (la_ProposeScoringModel, or a new scoring model row with Version status Proposed and its rules).");
                }
            }
        }
    }
}
