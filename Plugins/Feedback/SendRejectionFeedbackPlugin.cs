using LeadAlign.Feedback;
using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Feedback
{
    /// <summary>
    /// The Custom API la_SendRejectionFeedback, bound to lead, for Power Automate: the same as the SendRejectionFeedback
    /// workflow activity, as the calling user. Inputs: Reason and Notes (optional). Outputs: Feedback, RecipientUser, RecipientQueue.
    /// </summary>
    [CustomApi(ApiName, DisplayName = "Send rejection feedback",
        Description = "Sends sales's feedback on a rejected lead to marketing: a lead feedback record, an email to the campaign owner or the marketing queue, and the reason on the lead. Re-running it for the same rejection creates nothing new.",
        BindingType = CustomApiBindingType.Entity, BoundEntity = LeadTable.EntityName, WorkflowSdkStepEnabled = true,
        Request = typeof(SendRejectionFeedbackRequest), Response = typeof(SendRejectionFeedbackResponse))]
    public sealed class SendRejectionFeedbackPlugin : PluginBase
    {
        public const string ApiName = "la_SendRejectionFeedback";

        public SendRejectionFeedbackPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(SendRejectionFeedbackPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var request = context.GetCustomApiRequest<SendRejectionFeedbackRequest>();
            var sent = RejectionFeedback.Send(
                localPluginContext.InitiatingUserService,
                localPluginContext.SystemUserService,
                request.Target ?? throw new BusinessRuleException("la_SendRejectionFeedback is bound to a lead: call it on the rejected lead."),
                request.Reason?.Value,
                request.Notes,
                context.InitiatingUserId,
                context.OperationCreatedOn,
                context.OrganizationId,
                message => localPluginContext.Trace(message));
            context.SetCustomApiResponse(new SendRejectionFeedbackResponse
            {
                Feedback = sent.Feedback,
                RecipientUser = sent.Recipient.LogicalName == "systemuser" ? sent.Recipient : null,
                RecipientQueue = sent.Recipient.LogicalName == "queue" ? sent.Recipient : null,
            });
        }
    }
}
