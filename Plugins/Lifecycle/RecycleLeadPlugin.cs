using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// The Custom API la_RecycleLead, bound to lead: the calling user sends the lead back to marketing (Nurture), with an optional
    /// reason. It sets the stage as the calling user, so the same rules apply as when the rep sets the stage: the moves the
    /// agreement allows (from MQL, SAL, SQL or Rejected), the handoff fields cleared, the lead given to the marketing team and its
    /// clocks ended. Callers need Write on the lead (prvWriteLead); handing the lead to the marketing team also takes Assign.
    /// </summary>
    [CustomApi(ApiName, DisplayName = "Recycle lead to Nurture",
        Description = "Sends the lead back to marketing (Nurture), as the calling user, with an optional reason: clears the handoff, gives the lead to the agreement's marketing team and ends its clocks.",
        BindingType = CustomApiBindingType.Entity, BoundEntity = LeadTable.EntityName, WorkflowSdkStepEnabled = true, ExecutePrivilegeName = "prvWriteLead",
        Request = typeof(RecycleLeadRequest), Response = typeof(RecycleLeadResponse))]
    public sealed class RecycleLeadPlugin : PluginBase
    {
        public const string ApiName = "la_RecycleLead";

        public RecycleLeadPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RecycleLeadPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var request = context.GetCustomApiRequest<RecycleLeadRequest>();
            var lead = request.Target ?? throw new BusinessRuleException("la_RecycleLead is bound to a lead: call it on the lead to recycle.");
            var update = new Entity(LeadTable.EntityName, lead.Id) { [LeadTable.Stage] = new OptionSetValue((int)LeadStage.Nurture) };
            if (!string.IsNullOrWhiteSpace(request.Reason))
            {
                update[LeadTable.RecycleReason] = request.Reason!.Trim();
            }

            localPluginContext.InitiatingUserService.Update(update);
            context.SetCustomApiResponse(new RecycleLeadResponse { Stage = new OptionSetValue((int)LeadStage.Nurture) });
        }
    }
}
