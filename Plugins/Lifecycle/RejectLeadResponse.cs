using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>The response of la_RejectLead.</summary>
    public sealed class RejectLeadResponse
    {
        [CustomApiResponseProperty("Stage", CustomApiParameterType.Picklist, Description = "The lead's stage after the rejection: Rejected.")]
        public OptionSetValue? Stage { get; set; }
    }
}
