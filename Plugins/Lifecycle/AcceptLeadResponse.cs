using System;
using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>The response of la_AcceptLead.</summary>
    public sealed class AcceptLeadResponse
    {
        [CustomApiResponseProperty("AcceptedOn", CustomApiParameterType.DateTime, Description = "When the lead was accepted.")]
        public DateTime AcceptedOn { get; set; }

        [CustomApiResponseProperty("Stage", CustomApiParameterType.Picklist, Description = "The lead's stage after acceptance: SAL.")]
        public OptionSetValue? Stage { get; set; }
    }
}
