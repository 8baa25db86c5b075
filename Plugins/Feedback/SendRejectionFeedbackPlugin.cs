using LeadAlign.Feedback;
using LeadAlign.Runtime;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Feedback
{
    /// <summary>
    /// The Custom API la_SendRejectionFeedback, bound to lead, for Power Automate: the same as the SendRejectionFeedback
    /// workflow activity, as the calling user. Inputs: Reason and Notes (optional). Outputs: Feedback, RecipientUser, RecipientQueue.
    /// </summary>
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
            var inputs = context.InputParameters;
            var sent = RejectionFeedback.Send(
                localPluginContext.InitiatingUserService,
                context.GetTargetReference() ?? throw new BusinessRuleException("la_SendRejectionFeedback is bound to a lead: call it on the rejected lead."),
                inputs.TryGetValue("Reason", out var reason) ? (reason as OptionSetValue)?.Value : null,
                inputs.TryGetValue("Notes", out var notes) ? notes as string : null,
                context.InitiatingUserId,
                context.OperationCreatedOn,
                message => localPluginContext.Trace(message));
            context.OutputParameters["Feedback"] = sent.Feedback;
            context.OutputParameters["RecipientUser"] = sent.Recipient.LogicalName == "systemuser" ? sent.Recipient : null;
            context.OutputParameters["RecipientQueue"] = sent.Recipient.LogicalName == "queue" ? sent.Recipient : null;
        }
    }
}
