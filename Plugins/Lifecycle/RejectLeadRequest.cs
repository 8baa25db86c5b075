using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>The request of la_RejectLead: the lead it is called on, the reason (required) and the notes.</summary>
    public sealed class RejectLeadRequest
    {
        /// <summary>The lead to reject.</summary>
        [CustomApiTarget]
        public EntityReference? Target { get; set; }

        [CustomApiParameter("Reason", CustomApiParameterType.Picklist, Description = "The rejection reason (the lead's Rejection reason choice): marketing counts them.")]
        public OptionSetValue? Reason { get; set; }

        [CustomApiParameter("Notes", CustomApiParameterType.String, IsOptional = true, Description = "What marketing should know; required when the reason is Other.")]
        public string? Notes { get; set; }
    }
}
