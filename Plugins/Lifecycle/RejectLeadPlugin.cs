using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// The Custom API la_RejectLead, bound to lead: the calling user rejects the lead with a reason (and notes). It sets the stage,
    /// reason and notes in one save as the calling user, so the same rules apply as when the rep sets the stage on the form: the
    /// moves the agreement allows, notes when the reason is Other, the stamps, the clocks ended, and the rejection feedback to
    /// marketing. Callers need Write on the lead (prvWriteLead), the privilege the Reject command's display rule checks.
    /// </summary>
    [CustomApi(ApiName, DisplayName = "Reject lead",
        Description = "Rejects the lead with a reason (and notes, required when the reason is Other), as the calling user: stamps the rejection, ends the clocks and sends marketing the feedback.",
        BindingType = CustomApiBindingType.Entity, BoundEntity = LeadTable.EntityName, WorkflowSdkStepEnabled = true, ExecutePrivilegeName = "prvWriteLead",
        Request = typeof(RejectLeadRequest), Response = typeof(RejectLeadResponse))]
    public sealed class RejectLeadPlugin : PluginBase
    {
        public const string ApiName = "la_RejectLead";

        public RejectLeadPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RejectLeadPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var request = context.GetCustomApiRequest<RejectLeadRequest>();
            var lead = request.Target ?? throw new BusinessRuleException("la_RejectLead is bound to a lead: call it on the lead to reject.");
            var reason = request.Reason ?? throw new BusinessRuleException("Choose a rejection reason before rejecting the lead: marketing counts them.");
            var update = new Entity(LeadTable.EntityName, lead.Id)
            {
                [LeadTable.Stage] = new OptionSetValue((int)LeadStage.Rejected),
                [LeadTable.RejectionReason] = new OptionSetValue(reason.Value),
            };
            if (!string.IsNullOrWhiteSpace(request.Notes))
            {
                update[LeadTable.RejectionNotes] = request.Notes!.Trim();
            }

            localPluginContext.InitiatingUserService.Update(update);
            context.SetCustomApiResponse(new RejectLeadResponse { Stage = new OptionSetValue((int)LeadStage.Rejected) });
        }
    }
}
