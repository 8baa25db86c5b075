using LeadAlign.Alerts;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;

namespace LeadAlign.Plugins.Alerts
{
    /// <summary>
    /// Tells this process's lead alert cache (<see cref="LeadAlertCache"/>) of every change of what a rep alert watches, from the
    /// synchronous PostOperation step, in the change's transaction: the cached alerts are dropped and the change is pending (see
    /// <see cref="Runtime.OrganizationCache{T}"/>), so the next interaction reads the alerts again, and what it reads is used but not
    /// kept until the pending mark expires two minutes later, when no transaction that could still roll the change back is open.
    /// Unlike the model and agreement caches there is no asynchronous step to clear the mark at commit: alerts change seldom, and
    /// such a step would queue a system job at every change for a cache that costs at most one query a lookup for two minutes.
    /// What an alert last notified (la_lastalerton, la_recentalerts, written by <see cref="RepAlertPlugin"/>) changes nothing it
    /// watches and runs no step. Other sandbox processes pick a change up within 10 minutes. No service call.
    /// </summary>
    [PluginStep("1ead5c0e-0031-4000-8000-000000000001", "Create", LeadAlertTable.EntityName, PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0031-4000-8000-000000000002", "Update", LeadAlertTable.EntityName, PluginStage.PostOperation, FilteringAttributes = LeadAlertCache.MatchingColumns)]
    [PluginStep("1ead5c0e-0031-4000-8000-000000000003", "Delete", LeadAlertTable.EntityName, PluginStage.PostOperation)]
    public sealed class LeadAlertChangedPlugin : PluginBase
    {
        public LeadAlertChangedPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(LeadAlertChangedPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            LeadAlertCache.Changing(context.OrganizationId, context.ConfigurationChange(), context.OperationCreatedOn);
            localPluginContext.Trace($"Lead alert cache invalidated ({context.MessageName}); nothing read is kept for two minutes, until the change has surely committed or rolled back.");
        }
    }
}
