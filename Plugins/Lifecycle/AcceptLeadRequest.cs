using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>The request of la_AcceptLead: the lead it is called on, and no parameters.</summary>
    public sealed class AcceptLeadRequest
    {
        /// <summary>The lead to accept.</summary>
        [CustomApiTarget]
        public EntityReference? Target { get; set; }
    }
}
