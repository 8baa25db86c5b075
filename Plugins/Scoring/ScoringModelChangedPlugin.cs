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
    [PluginStep("1ead5c0e-0005-4000-8000-000000000001", "Create", "la_scoringmodel", PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000002", "Update", "la_scoringmodel", PluginStage.PostOperation,
        FilteringAttributes = "la_isactive,la_name,la_mqlthreshold,la_warmthreshold,la_hotthreshold,la_halflifedays,la_requiredcolumns")]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000003", "Delete", "la_scoringmodel", PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000004", "Create", "la_scoringrule", PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000005", "Update", "la_scoringrule", PluginStage.PostOperation,
        FilteringAttributes = "la_name,la_scoringmodelid,la_category,la_points,la_cap,la_isactive,la_column,la_operator,la_value,la_activitykind,la_direction,la_interactiontype,la_normalizedvalue,la_columntype")]
    [PluginStep("1ead5c0e-0005-4000-8000-000000000006", "Delete", "la_scoringrule", PluginStage.PostOperation)]
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
