using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>Associate: rows related through a one-to-many relationship's lookup or a many-to-many relationship's intersect table.</summary>
    internal sealed class AssociateHandler : MessageHandler
    {
        public AssociateHandler()
            : base("Associate")
        {
        }

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            context.Associations.Associate(Parameter<EntityReference>(request, "Target"), Parameter<Relationship>(request, "Relationship"), Parameter<EntityReferenceCollection>(request, "RelatedEntities"));
            return new AssociateResponse();
        }
    }
}
