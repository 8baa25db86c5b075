using LeadAlign.Lifecycle;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>Keeps exactly one agreement active, and drops this process's cached agreement whenever one changes.</summary>
    [PluginStep("1ead5c0e-000a-4000-8000-000000000001", "Create", "la_agreement", PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-000a-4000-8000-000000000002", "Update", "la_agreement", PluginStage.PostOperation,
        FilteringAttributes = "la_isactive,la_name,la_scoringmodelid,la_sqlrequiredcolumns,la_salesteamid,la_marketingteamid,la_marketingqueueid,la_routingfilter,la_maxopenleadsperrep,la_mqlsperweek,la_accepthours,la_firstcontacthours,la_warningpercent,la_timezone,la_workdays,la_workhours,la_holidays,la_feedbackresponsedays,la_slawarning")]
    [PluginStep("1ead5c0e-000a-4000-8000-000000000003", "Delete", "la_agreement", PluginStage.PostOperation)]
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
