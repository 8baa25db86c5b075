using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// The Custom API la_AcceptLead, bound to lead: the calling rep accepts the lead (MQL → SAL). It sets the stage as the
    /// calling user, so the same rules apply as when the rep sets the stage: only the owner or a LeadAlign administrator may
    /// accept, and only an MQL can be accepted. Outputs: AcceptedOn and Stage.
    /// </summary>
    public sealed class AcceptLeadPlugin : PluginBase
    {
        public const string ApiName = "la_AcceptLead";

        public AcceptLeadPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(AcceptLeadPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var lead = context.GetTargetReference() ?? throw new BusinessRuleException("la_AcceptLead is bound to a lead: call it on the lead to accept.");
            localPluginContext.InitiatingUserService.Update(new Entity(LeadTable.EntityName, lead.Id) { [LeadTable.Stage] = new OptionSetValue((int)LeadStage.Sal) });
            context.OutputParameters["AcceptedOn"] = context.OperationCreatedOn;
            context.OutputParameters["Stage"] = new OptionSetValue((int)LeadStage.Sal);
        }
    }
}
