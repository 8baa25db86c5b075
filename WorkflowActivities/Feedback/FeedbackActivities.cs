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
                Lead.Get(activity) ?? throw new BusinessRuleException("Give the rejected lead to send feedback on."),
                Reason.Get(activity)?.Value,
                Notes.Get(activity),
                workflow.UserId,
                workflow.OperationCreatedOn,
                message => localContext.Trace(message));
            Feedback.Set(activity, sent.Feedback);
            RecipientUser.Set(activity, sent.Recipient.LogicalName == "systemuser" ? sent.Recipient : null!);
            RecipientQueue.Set(activity, sent.Recipient.LogicalName == "queue" ? sent.Recipient : null!);
        }
    }

    /// <summary>Moves a rejected or disqualified lead back to marketing (Nurture), re-opening it, records why, and marks its feedback recycled.</summary>
    public sealed class RecycleLeadToNurture : WorkflowActivityBase
    {
        public RecycleLeadToNurture()
            : base(typeof(RecycleLeadToNurture))
        {
        }

        [RequiredArgument]
        [Input("Lead")]
        [ReferenceTarget("lead")]
        public InArgument<EntityReference> Lead { get; set; } = null!;

        [RequiredArgument]
        [Input("Reason")]
        public InArgument<string> Reason { get; set; } = null!;

        protected override void ExecuteWorkflowActivity(ILocalWorkflowContext localContext)
        {
            var activity = localContext.ActivityContext;
            RejectionFeedback.Recycle(localContext.WorkflowUserService, Lead.Get(activity), Reason.Get(activity), message => localContext.Trace(message));
        }
    }

    /// <summary>
    /// Marketing's answer to a rejection: closes the loop on the feedback as the workflow's user and notifies the rep who rejected
    /// the lead with an in-app notification created as SYSTEM (it goes to another user; marketers hold no privilege on notifications).
    /// </summary>
    public sealed class RespondToFeedback : WorkflowActivityBase
    {
        public RespondToFeedback()
            : base(typeof(RespondToFeedback))
        {
        }

        [RequiredArgument]
        [Input("Lead feedback")]
        [ReferenceTarget(LeadFeedbackTable.EntityName)]
        public InArgument<EntityReference> Feedback { get; set; } = null!;

        [RequiredArgument]
        [Input("Response")]
        public InArgument<string> Response { get; set; } = null!;

        [RequiredArgument]
        [Input("Outcome")]
        [AttributeTarget(LeadFeedbackTable.EntityName, LeadFeedbackTable.Outcome)]
        public InArgument<OptionSetValue> Outcome { get; set; } = null!;

        protected override void ExecuteWorkflowActivity(ILocalWorkflowContext localContext)
        {
            var activity = localContext.ActivityContext;
            var workflow = localContext.WorkflowContext;
            RejectionFeedback.Respond(
                localContext.WorkflowUserService,
                localContext.SystemUserService,
                Feedback.Get(activity),
                Response.Get(activity),
                Outcome.Get(activity)?.Value ?? -1,
                workflow.UserId,
                workflow.OperationCreatedOn,
                message => localContext.Trace(message));
        }
    }
}
