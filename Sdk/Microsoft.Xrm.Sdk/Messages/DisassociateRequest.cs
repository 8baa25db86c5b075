// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Typed messages are views over Parameters and Results.
namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The Disassociate message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class DisassociateRequest : OrganizationRequest
    {
        public DisassociateRequest()
        {
            RequestName = "Disassociate";
            Target = null;
            Relationship = null;
            RelatedEntities = null;
        }

        public EntityReference Target
        {
            get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default;
            set => Parameters["Target"] = value;
        }

        public Relationship Relationship
        {
            get => Parameters.Contains("Relationship") ? (Relationship)Parameters["Relationship"] : default;
            set => Parameters["Relationship"] = value;
        }

        public EntityReferenceCollection RelatedEntities
        {
            get => Parameters.Contains("RelatedEntities") ? (EntityReferenceCollection)Parameters["RelatedEntities"] : default;
            set => Parameters["RelatedEntities"] = value;
        }
    }
}
