using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Feedback
{
    /// <summary>The response of la_SendRejectionFeedback: the feedback record and whom it went to (a user or a queue; the other is null).</summary>
    public sealed class SendRejectionFeedbackResponse
    {
        [CustomApiResponseProperty("Feedback", CustomApiParameterType.EntityReference, LogicalEntityName = LeadFeedbackTable.EntityName, Description = "The lead feedback record.")]
        public EntityReference? Feedback { get; set; }

        [CustomApiResponseProperty("RecipientUser", CustomApiParameterType.EntityReference, LogicalEntityName = SystemUserTable.EntityName, Description = "The marketer the feedback went to.")]
        public EntityReference? RecipientUser { get; set; }

        [CustomApiResponseProperty("RecipientQueue", CustomApiParameterType.EntityReference, LogicalEntityName = "queue", Description = "The marketing queue the feedback went to.")]
        public EntityReference? RecipientQueue { get; set; }
    }
}
