using LeadAlign.Alerts;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Alerts
{
    /// <summary>
    /// A lead's band jumps to Hot (la_scoreband was not Hot before this save and is Hot after it): its owner is notified in-app, once
    /// per jump; a re-score that keeps the lead Hot notifies nobody, and so does a lead owned by a team or an owner who cannot read it.
    /// Synchronous, in the save that re-scored the lead. It runs on the columns that make <c>ScoreLeadPlugin</c> re-score the lead (the
    /// band is written into that save's Target in PreOperation) and on the band itself. Two calls (the access check, the notification) per jump; none otherwise.
    /// </summary>
    [PluginStep("1ead5c0e-0030-4000-8000-000000000002", "Update", "lead", PluginStage.PostOperation, Rank = 5,
        FilteringAttributes = $"{LeadTable.ScoreBand},{LeadTable.EngagementLedger},{LeadTable.ScoringModelId},{{FitRuleColumns}}",
        PreImageAttributes = LeadTable.ScoreBand,
        PostImageAttributes = $"{LeadTable.ScoreBand},{LeadTable.Score},{LeadTable.OwnerId},{LeadTable.FullName}",
        Description = "Notifies a lead's owner when its band jumps to Hot.")]
    public sealed class HotBandAlertPlugin : PluginBase
    {
        public HotBandAlertPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(HotBandAlertPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var before = context.GetPreImage("PreImage")?.GetAttributeValue<OptionSetValue>(LeadTable.ScoreBand)?.Value;
            var lead = context.GetPostImage("PostImage");
            if (lead == null || lead.GetAttributeValue<OptionSetValue>(LeadTable.ScoreBand)?.Value != (int)ScoreBand.Hot || before == (int)ScoreBand.Hot)
            {
                return;
            }

            RepAlerts.NotifyHotBand(localPluginContext.SystemUserService, context.PrimaryEntityId, lead.GetAttributeValue<EntityReference>(LeadTable.OwnerId),
                lead.GetAttributeValue<string>(LeadTable.FullName), lead.GetAttributeValue<int?>(LeadTable.Score), message => localPluginContext.Trace(message));
        }
    }
}
