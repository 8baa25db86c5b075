using LeadAlign.Lifecycle;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// Keeps exactly one agreement active, and tells this process's agreement cache of every change of an agreement, and of
    /// every holiday (la_agreementholiday) created, changed or deleted, since the cache holds the active agreement's holidays,
    /// in two steps (see <see cref="Runtime.OrganizationCache{T}"/>): the synchronous PostOperation step, in the change's
    /// transaction, drops the cached agreement and marks the change pending (reads are used, not kept); the asynchronous
    /// PostOperation step, queued only once the change commits, marks it committed, and the next read is kept.
    /// </summary>
    [PluginStep("1ead5c0e-000a-4000-8000-000000000001", "Create", AgreementTable.EntityName, PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-000a-4000-8000-000000000002", "Update", AgreementTable.EntityName, PluginStage.PostOperation, FilteringAttributes = AgreementColumns)]
    [PluginStep("1ead5c0e-000a-4000-8000-000000000003", "Delete", AgreementTable.EntityName, PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-000a-4000-8000-000000000004", "Create", AgreementTable.EntityName, PluginStage.PostOperation, Mode = PluginMode.Asynchronous, AsyncAutoDelete = true,
        Description = "After an agreement is created and committed, lets the agreement cache keep what it reads again.")]
    [PluginStep("1ead5c0e-000a-4000-8000-000000000005", "Update", AgreementTable.EntityName, PluginStage.PostOperation, Mode = PluginMode.Asynchronous, AsyncAutoDelete = true, FilteringAttributes = AgreementColumns,
        Description = "After an agreement change commits, lets the agreement cache keep what it reads again.")]
    [PluginStep("1ead5c0e-000a-4000-8000-000000000006", "Delete", AgreementTable.EntityName, PluginStage.PostOperation, Mode = PluginMode.Asynchronous, AsyncAutoDelete = true,
        Description = "After an agreement is deleted and committed, lets the agreement cache keep what it reads again.")]
    [PluginStep("1ead5c0e-000a-4000-8000-000000000007", "Create", AgreementHolidayTable.EntityName, PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-000a-4000-8000-000000000008", "Update", AgreementHolidayTable.EntityName, PluginStage.PostOperation, FilteringAttributes = HolidayColumns)]
    [PluginStep("1ead5c0e-000a-4000-8000-000000000009", "Delete", AgreementHolidayTable.EntityName, PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-000a-4000-8000-00000000000a", "Create", AgreementHolidayTable.EntityName, PluginStage.PostOperation, Mode = PluginMode.Asynchronous, AsyncAutoDelete = true,
        Description = "After an agreement holiday is created and committed, lets the agreement cache keep what it reads again.")]
    [PluginStep("1ead5c0e-000a-4000-8000-00000000000b", "Update", AgreementHolidayTable.EntityName, PluginStage.PostOperation, Mode = PluginMode.Asynchronous, AsyncAutoDelete = true, FilteringAttributes = HolidayColumns,
        Description = "After a change of an agreement holiday commits, lets the agreement cache keep what it reads again.")]
    [PluginStep("1ead5c0e-000a-4000-8000-00000000000c", "Delete", AgreementHolidayTable.EntityName, PluginStage.PostOperation, Mode = PluginMode.Asynchronous, AsyncAutoDelete = true,
        Description = "After an agreement holiday is deleted and committed, lets the agreement cache keep what it reads again.")]
    public sealed class AgreementChangedPlugin : PluginBase
    {
        private const string AgreementColumns = $"{AgreementTable.IsActive},{AgreementTable.Name},{AgreementTable.ScoringModelId},{AgreementTable.SqlRequiredColumns},{AgreementTable.SalesTeamId},{AgreementTable.MarketingTeamId},{AgreementTable.MarketingQueueId},{AgreementTable.RoutingFilter},{AgreementTable.MaxOpenLeadsPerRep},{AgreementTable.MqlsPerWeek},{AgreementTable.PipelineSharePercent},{AgreementTable.SqlsPerMonth},{AgreementTable.AcceptHours},{AgreementTable.FirstContactHours},{AgreementTable.WarningPercent},{AgreementTable.TimeZoneCode},{AgreementTable.WorkingDays},{AgreementTable.WorkStart},{AgreementTable.WorkEnd},{AgreementTable.FeedbackResponseDays},{AgreementTable.SlaWarning},{AgreementTable.AlertThrottleMinutes},{AgreementTable.HotLaneAcceptMinutes},{AgreementTable.RoutingMode},{AgreementTable.SalesQueueId},{AgreementTable.EmailHandoff},{AgreementTable.DecisionDays}";

        /// <summary>The columns of a holiday the agreement cache reads (the date, the agreement, whether it is active).</summary>
        private const string HolidayColumns = $"{AgreementHolidayTable.Date},{AgreementHolidayTable.AgreementId},{AgreementHolidayTable.StateCode}";

        public AgreementChangedPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(AgreementChangedPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var change = context.ConfigurationChange();
            if (context.Mode == (int)PluginMode.Asynchronous)
            {
                AgreementCache.Committed(context.OrganizationId, change, context.OperationCreatedOn);
                localPluginContext.Trace($"Agreement cache: the {context.MessageName} of the {What(context)} committed; the next read is kept.");
                return;
            }

            AgreementCache.Changing(context.OrganizationId, change, context.OperationCreatedOn);
            localPluginContext.Trace($"Agreement cache invalidated ({context.MessageName} of the {What(context)}); nothing read is kept until the change commits.");
            if (context.PrimaryEntityName != AgreementTable.EntityName || context.GetTargetEntity()?.GetAttributeValue<bool?>(AgreementTable.IsActive) != true)
            {
                return;
            }

            SingleActiveRecord.DeactivateOthers(localPluginContext, AgreementTable.EntityName, AgreementTable.Id, AgreementTable.IsActive, AgreementTable.Name, context.PrimaryEntityId, "agreement");
        }

        /// <summary>What changed, for the trace: the agreement or one of its holidays.</summary>
        private static string What(IPluginExecutionContext context) =>
            context.PrimaryEntityName == AgreementTable.EntityName ? "agreement" : "agreement holiday";
    }
}
