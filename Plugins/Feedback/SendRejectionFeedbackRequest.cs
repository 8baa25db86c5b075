using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Feedback
{
    /// <summary>The request of la_SendRejectionFeedback: the rejected lead, and optionally the reason and notes to send.</summary>
    public sealed class SendRejectionFeedbackRequest
    {
        /// <summary>The rejected lead.</summary>
        [CustomApiTarget]
        public EntityReference? Target { get; set; }

        [CustomApiParameter("Reason", CustomApiParameterType.Picklist, IsOptional = true, Description = "The rejection reason; the lead's when empty.")]
        public OptionSetValue? Reason { get; set; }

        [CustomApiParameter("Notes", CustomApiParameterType.String, IsOptional = true, Description = "The notes; the lead's rejection notes when empty.")]
        public string? Notes { get; set; }
    }
}
