using System.Activities;
using LeadAlign.Feedback;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadAlign.WorkflowActivities.Feedback
{
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
}
