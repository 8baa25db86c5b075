using LeadAlign.Lifecycle;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>Keeps exactly one agreement active, and drops this process's cached agreement whenever one changes.</summary>
    [PluginStep("1ead5c0e-000a-4000-8000-000000000001", "Create", AgreementTable.EntityName, PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-000a-4000-8000-000000000002", "Update", AgreementTable.EntityName, PluginStage.PostOperation,
        FilteringAttributes = $"{AgreementTable.IsActive},{AgreementTable.Name},{AgreementTable.ScoringModelId},{AgreementTable.SqlRequiredColumns},{AgreementTable.SalesTeamId},{AgreementTable.MarketingTeamId},{AgreementTable.MarketingQueueId},{AgreementTable.RoutingFilter},{AgreementTable.MaxOpenLeadsPerRep},{AgreementTable.MqlsPerWeek},{AgreementTable.AcceptHours},{AgreementTable.FirstContactHours},{AgreementTable.WarningPercent},{AgreementTable.TimeZone},{AgreementTable.WorkDays},{AgreementTable.WorkHours},{AgreementTable.Holidays},{AgreementTable.FeedbackResponseDays},{AgreementTable.SlaWarning}")]
    [PluginStep("1ead5c0e-000a-4000-8000-000000000003", "Delete", AgreementTable.EntityName, PluginStage.PostOperation)]
    public sealed class AgreementChangedPlugin : PluginBase
    {
        public AgreementChangedPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(AgreementChangedPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            AgreementCache.Invalidate(context.OrganizationId);
            if (context.GetTargetEntity()?.GetAttributeValue<bool?>(AgreementTable.IsActive) != true)
            {
                return;
            }

            SingleActiveRecord.DeactivateOthers(localPluginContext, AgreementTable.EntityName, AgreementTable.Id, AgreementTable.IsActive, AgreementTable.Name, context.PrimaryEntityId, "agreement");
        }
    }
}
