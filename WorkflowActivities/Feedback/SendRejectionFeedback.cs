using System.Activities;
using LeadAlign.Feedback;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadAlign.WorkflowActivities.Feedback
{
    /// <summary>
    /// Sends sales's feedback on a rejected lead to marketing: a lead feedback record, an email from the rejecting rep to the
    /// marketing recipient (the campaign's owner, else the agreement's marketing queue or team queue), and the reason on the
    /// lead. Runs as the workflow's user. Running it again for the same rejection creates nothing new.
    /// </summary>
    public sealed class SendRejectionFeedback : WorkflowActivityBase
    {
        public SendRejectionFeedback()
            : base(typeof(SendRejectionFeedback))
        {
        }

        [RequiredArgument]
        [Input("Lead")]
        [ReferenceTarget("lead")]
        public InArgument<EntityReference> Lead { get; set; } = null!;

        [Input("Reason (the lead's rejection reason when empty)")]
        [AttributeTarget("lead", LeadTable.RejectionReason)]
        public InArgument<OptionSetValue> Reason { get; set; } = null!;

        [Input("Notes (the lead's rejection notes when empty)")]
        public InArgument<string> Notes { get; set; } = null!;

        [Output("Feedback")]
        [ReferenceTarget(LeadFeedbackTable.EntityName)]
        public OutArgument<EntityReference> Feedback { get; set; } = null!;

        [Output("Recipient (user)")]
        [ReferenceTarget("systemuser")]
        public OutArgument<EntityReference> RecipientUser { get; set; } = null!;

        [Output("Recipient (queue)")]
        [ReferenceTarget("queue")]
        public OutArgument<EntityReference> RecipientQueue { get; set; } = null!;

        protected override void ExecuteWorkflowActivity(ILocalWorkflowContext localContext)
        {
            var activity = localContext.ActivityContext;
            var workflow = localContext.WorkflowContext;
            var sent = RejectionFeedback.Send(
                localContext.WorkflowUserService,
                localContext.SystemUserService,
                Lead.Get(activity) ?? throw new BusinessRuleException("Give the rejected lead to send feedback on."),
                Reason.Get(activity)?.Value,
                Notes.Get(activity),
                workflow.UserId,
                workflow.OperationCreatedOn,
                workflow.OrganizationId,
                message => localContext.Trace(message));
            Feedback.Set(activity, sent.Feedback);
            RecipientUser.Set(activity, sent.Recipient.LogicalName == "systemuser" ? sent.Recipient : null!);
            RecipientQueue.Set(activity, sent.Recipient.LogicalName == "queue" ? sent.Recipient : null!);
        }
    }
}
