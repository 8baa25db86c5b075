// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    public sealed class QualifyLeadResponse : OrganizationResponse
    {
        public QualifyLeadResponse()
        {
            ResponseName = "QualifyLead";
        }

        /// <summary>The account, contact and opportunity the message created.</summary>
        public EntityReferenceCollection CreatedEntities => Results.Contains("CreatedEntities") ? (EntityReferenceCollection)Results["CreatedEntities"] : default;
    }
}
