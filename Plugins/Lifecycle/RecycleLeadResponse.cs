using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>The response of la_RecycleLead.</summary>
    public sealed class RecycleLeadResponse
    {
        [CustomApiResponseProperty("Stage", CustomApiParameterType.Picklist, Description = "The lead's stage after the recycle: Nurture.")]
        public OptionSetValue? Stage { get; set; }
    }
}
