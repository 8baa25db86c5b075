using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// The Custom API la_AcceptLead, bound to lead: the calling rep accepts the lead (MQL → SAL). It sets the stage as the
    /// calling user, so the same rules apply as when the rep sets the stage: only the owner or a LeadAlign administrator may
    /// accept, and only an MQL can be accepted. Callers need Write on the lead (prvWriteLead), the privilege the Accept command's
    /// display rule checks. Outputs: AcceptedOn and Stage.
    /// </summary>
    [CustomApi(ApiName, DisplayName = "Accept lead",
        Description = "Accepts a handed-off lead for sales (MQL to SAL), as its owner or a LeadAlign administrator. Stamps the acceptance and stops the accept clock.",
        BindingType = CustomApiBindingType.Entity, BoundEntity = LeadTable.EntityName, WorkflowSdkStepEnabled = true, ExecutePrivilegeName = "prvWriteLead",
        Request = typeof(AcceptLeadRequest), Response = typeof(AcceptLeadResponse))]
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
            var request = context.GetCustomApiRequest<AcceptLeadRequest>();
            var lead = request.Target ?? throw new BusinessRuleException("la_AcceptLead is bound to a lead: call it on the lead to accept.");
            localPluginContext.InitiatingUserService.Update(new Entity(LeadTable.EntityName, lead.Id) { [LeadTable.Stage] = new OptionSetValue((int)LeadStage.Sal) });
            context.SetCustomApiResponse(new AcceptLeadResponse { AcceptedOn = context.OperationCreatedOn, Stage = new OptionSetValue((int)LeadStage.Sal) });
        }
    }
}
