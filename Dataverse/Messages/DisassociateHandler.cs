using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>Disassociate: the lookup cleared, or the intersect row removed.</summary>
    internal sealed class DisassociateHandler : MessageHandler
    {
        public DisassociateHandler()
            : base("Disassociate")
        {
        }

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            context.Associations.Disassociate(Parameter<EntityReference>(request, "Target"), Parameter<Relationship>(request, "Relationship"), Parameter<EntityReferenceCollection>(request, "RelatedEntities"));
            return new DisassociateResponse();
        }
    }
}
