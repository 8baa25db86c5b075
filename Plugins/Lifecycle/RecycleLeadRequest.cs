using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>The request of la_RecycleLead: the lead it is called on, and why it goes back to marketing.</summary>
    public sealed class RecycleLeadRequest
    {
        /// <summary>The lead to recycle to Nurture.</summary>
        [CustomApiTarget]
        public EntityReference? Target { get; set; }

        [CustomApiParameter("Reason", CustomApiParameterType.String, IsOptional = true, Description = "Why the lead goes back to marketing (the lead's Recycle reason); kept as it is when empty.")]
        public string? Reason { get; set; }
    }
}
