using System;
using LeadAlign.Plugins.Registration;
using LeadAlign.Plugins.Scoring.Versions;
using LeadAlign.Schema;
using LeadAlign.Scoring;

namespace LeadAlign.Plugins.Scoring
{
    /// <summary>
    /// Keeps exactly one scoring model active (activating one deactivates the others; a signed version going live, on the second
    /// team's approval or a rollback, supersedes them, see <see cref="ModelVersions.SupersedeOthers"/>) and tells this process's model cache of
    /// every change of a model or rule, in two steps (see <see cref="Runtime.OrganizationCache{T}"/>):
    /// <list type="bullet">
    /// <item>synchronous PostOperation, in the change's transaction: the cached model is dropped and the change is pending, so
    /// the next lead save reads the new rules but no model read is kept while the change could still roll back;</item>
    /// <item>asynchronous PostOperation, which the platform queues only once the change commits: the change is committed, and
    /// the next read is kept. A change that rolled back never runs it; its pending mark expires after two minutes.</item>
    /// </list>
    /// Other sandbox processes pick the change up within the cache's maximum age (10 minutes).
    /// </summary>
    [PluginStep("1ead5c0e-0005-4000-8000-000000000001", "Create", ScoringModelTable.EntityName, PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000002", "Update", ScoringModelTable.EntityName, PluginStage.PostOperation, FilteringAttributes = ModelColumns)]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000003", "Delete", ScoringModelTable.EntityName, PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000004", "Create", ScoringRuleTable.EntityName, PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000005", "Update", ScoringRuleTable.EntityName, PluginStage.PostOperation, FilteringAttributes = RuleColumns)]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000006", "Delete", ScoringRuleTable.EntityName, PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000007", "Create", ScoringModelTable.EntityName, PluginStage.PostOperation, Mode = PluginMode.Asynchronous, AsyncAutoDelete = true,
        Description = "After a scoring model is created and committed, lets the model cache keep what it reads again.")]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000008", "Update", ScoringModelTable.EntityName, PluginStage.PostOperation, Mode = PluginMode.Asynchronous, AsyncAutoDelete = true, FilteringAttributes = ModelColumns,
        Description = "After a scoring model change commits, lets the model cache keep what it reads again.")]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000009", "Delete", ScoringModelTable.EntityName, PluginStage.PostOperation, Mode = PluginMode.Asynchronous, AsyncAutoDelete = true,
        Description = "After a scoring model is deleted and committed, lets the model cache keep what it reads again.")]
    [PluginStep("1ead5c0e-0005-4000-8000-00000000000a", "Create", ScoringRuleTable.EntityName, PluginStage.PostOperation, Mode = PluginMode.Asynchronous, AsyncAutoDelete = true,
        Description = "After a scoring rule is created and committed, lets the model cache keep what it reads again.")]
    [PluginStep("1ead5c0e-0005-4000-8000-00000000000b", "Update", ScoringRuleTable.EntityName, PluginStage.PostOperation, Mode = PluginMode.Asynchronous, AsyncAutoDelete = true, FilteringAttributes = RuleColumns,
        Description = "After a scoring rule change commits, lets the model cache keep what it reads again.")]
    [PluginStep("1ead5c0e-0005-4000-8000-00000000000c", "Delete", ScoringRuleTable.EntityName, PluginStage.PostOperation, Mode = PluginMode.Asynchronous, AsyncAutoDelete = true,
        Description = "After a scoring rule is deleted and committed, lets the model cache keep what it reads again.")]
    public sealed class ScoringModelChangedPlugin : PluginBase
    {
        private const string ModelColumns = $"{ScoringModelTable.IsActive},{ScoringModelTable.Name},{ScoringModelTable.MqlThreshold},{ScoringModelTable.WarmThreshold},{ScoringModelTable.HotThreshold},{ScoringModelTable.HalfLifeDays},{ScoringModelTable.RequiredColumns},{ScoringModelTable.NurtureResetsEngagement},{ScoringModelTable.MarketingDecision},{ScoringModelTable.SalesDecision}";

        private const string RuleColumns = $"{ScoringRuleTable.Name},{ScoringRuleTable.ScoringModelId},{ScoringRuleTable.Category},{ScoringRuleTable.Points},{ScoringRuleTable.Cap},{ScoringRuleTable.IsActive},{ScoringRuleTable.Column},{ScoringRuleTable.Operator},{ScoringRuleTable.Value},{ScoringRuleTable.ActivityKind},{ScoringRuleTable.Direction},{ScoringRuleTable.InteractionType},{ScoringRuleTable.NormalizedValue},{ScoringRuleTable.ColumnType},{ScoringRuleTable.HighIntent}";

        public ScoringModelChangedPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ScoringModelChangedPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var change = context.ConfigurationChange();
            if (context.Mode == (int)PluginMode.Asynchronous)
            {
                ScoringModelCache.Committed(context.OrganizationId, change, context.OperationCreatedOn);
                localPluginContext.Trace($"Scoring model cache: the {context.MessageName} of {context.PrimaryEntityName} committed; the next read is kept.");
                return;
            }

            ScoringModelCache.Changing(context.OrganizationId, change, context.OperationCreatedOn);
            localPluginContext.Trace($"Scoring model cache invalidated ({context.MessageName} of {context.PrimaryEntityName}); nothing read is kept until the change commits.");
            if (context.PrimaryEntityName != ScoringModelTable.EntityName || context.GetTargetEntity()?.GetAttributeValue<bool?>(ScoringModelTable.IsActive) != true)
            {
                return;
            }

            if (ModelVersions.Status(context.GetTargetEntity()) == ModelVersionStatus.Active)
            {
                // A signed version went live (both teams approved, or a rollback returned to it): the others are superseded.
                ModelVersions.SupersedeOthers(localPluginContext, context.PrimaryEntityId, DateTime.SpecifyKind(context.OperationCreatedOn, DateTimeKind.Utc));
                return;
            }

            SingleActiveRecord.DeactivateOthers(localPluginContext, ScoringModelTable.EntityName, ScoringModelTable.Id, ScoringModelTable.IsActive, ScoringModelTable.Name, context.PrimaryEntityId, "scoring model");
        }
    }
}
