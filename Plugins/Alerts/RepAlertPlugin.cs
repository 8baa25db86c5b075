using System;
using LeadAlign.Alerts;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Alerts
{
    /// <summary>
    /// A marketing interaction regarding a lead is saved: the reps whose active alerts (la_leadalert) match it are notified in-app
    /// (<see cref="RepAlerts"/>), throttled per lead and alert by the agreement's alert throttle minutes, never a rep who cannot read
    /// the lead. Synchronous, in the interaction's transaction: the rep hears at once ("firms that contact leads within an hour…"),
    /// an interaction whose save fails notifies nobody, and the throttle's record commits with the notification it allowed. A nurture
    /// email is marketing's own message, not something the lead did: it alerts nobody. The active alerts come from
    /// <see cref="LeadAlertCache"/> (one query while it is cold, kept 10 minutes; LeadAlertChangedPlugin drops it when an alert
    /// changes): no call when no alert matches the interaction's type and URL, and the lead's read when one does; none for an
    /// interaction that regards no lead.
    /// </summary>
    [PluginStep("1ead5c0e-0030-4000-8000-000000000001", "Create", MarketingInteractionTable.EntityName, PluginStage.PostOperation, Rank = 5,
        Description = "Notifies the reps whose alerts match the marketing interaction.")]
    public sealed class RepAlertPlugin : PluginBase
    {
        public RepAlertPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RepAlertPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var interaction = context.GetTargetEntity();
            var regarding = interaction?.GetAttributeValue<EntityReference>(ActivityColumns.RegardingObjectId);
            if (interaction == null || regarding?.LogicalName != LeadTable.EntityName)
            {
                return;
            }

            if (interaction.GetAttributeValue<OptionSetValue>(MarketingInteractionTable.InteractionType)?.Value == (int)InteractionType.NurtureEmail)
            {
                localPluginContext.Trace("A nurture email is marketing's own message: it alerts no rep.");
                return;
            }

            var throttle = TimeSpan.FromMinutes(localPluginContext.ActiveAgreement()?.AlertThrottleMinutes ?? 60);
            var alerts = LeadAlertCache.Get(() => localPluginContext.SystemUserService, context.OrganizationId, context.OperationCreatedOn, message => localPluginContext.Trace(message));
            var notified = RepAlerts.Notify(localPluginContext.SystemUserService, alerts, interaction, regarding.Id, context.OperationCreatedOn, throttle, message => localPluginContext.Trace(message));
            localPluginContext.Trace($"{notified} rep alert(s) notified.");
        }
    }
}
