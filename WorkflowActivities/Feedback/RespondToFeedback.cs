using System.Activities;
using LeadAlign.Feedback;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadAlign.WorkflowActivities.Feedback
{
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
