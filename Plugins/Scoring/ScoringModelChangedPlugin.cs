using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using LeadAlign.Scoring;

namespace LeadAlign.Plugins.Scoring
{
    /// <summary>
    /// Keeps exactly one scoring model active (activating one deactivates the others) and drops this process's cached model
    /// whenever a model or rule changes, so the next lead save reads the new rules. Other sandbox processes pick the change up
    /// within the cache's maximum age (60 s).
    /// </summary>
    [PluginStep("1ead5c0e-0005-4000-8000-000000000001", "Create", ScoringModelTable.EntityName, PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000002", "Update", ScoringModelTable.EntityName, PluginStage.PostOperation,
        FilteringAttributes = $"{ScoringModelTable.IsActive},{ScoringModelTable.Name},{ScoringModelTable.MqlThreshold},{ScoringModelTable.WarmThreshold},{ScoringModelTable.HotThreshold},{ScoringModelTable.HalfLifeDays},{ScoringModelTable.RequiredColumns}")]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000003", "Delete", ScoringModelTable.EntityName, PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000004", "Create", ScoringRuleTable.EntityName, PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000005", "Update", ScoringRuleTable.EntityName, PluginStage.PostOperation,
        FilteringAttributes = $"{ScoringRuleTable.Name},{ScoringRuleTable.ScoringModelId},{ScoringRuleTable.Category},{ScoringRuleTable.Points},{ScoringRuleTable.Cap},{ScoringRuleTable.IsActive},{ScoringRuleTable.Column},{ScoringRuleTable.Operator},{ScoringRuleTable.Value},{ScoringRuleTable.ActivityKind},{ScoringRuleTable.Direction},{ScoringRuleTable.InteractionType},{ScoringRuleTable.NormalizedValue},{ScoringRuleTable.ColumnType}")]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000006", "Delete", ScoringRuleTable.EntityName, PluginStage.PostOperation)]
    public sealed class ScoringModelChangedPlugin : PluginBase
    {
        public ScoringModelChangedPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ScoringModelChangedPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            ScoringModelCache.Invalidate(context.OrganizationId);
            localPluginContext.Trace($"Scoring model cache invalidated ({context.MessageName} of {context.PrimaryEntityName}).");
            if (context.PrimaryEntityName != ScoringModelTable.EntityName || context.GetTargetEntity()?.GetAttributeValue<bool?>(ScoringModelTable.IsActive) != true)
            {
                return;
            }

            SingleActiveRecord.DeactivateOthers(localPluginContext, ScoringModelTable.EntityName, ScoringModelTable.Id, ScoringModelTable.IsActive, ScoringModelTable.Name, context.PrimaryEntityId, "scoring model");
        }
    }
}
