using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Service
{
    /// <summary>
    /// The <see cref="IOrganizationService"/> of the in-memory Dataverse. Every method is the request the SDK would send,
    /// executed through the event pipeline as the service's user; calls made from plug-in code are nested operations.
    /// </summary>
    internal sealed class OrganizationService : IOrganizationService
    {
        private readonly MessageDispatcher _messages;
        private readonly Caller _caller;

        public OrganizationService(MessageDispatcher messages, Caller caller)
        {
            _messages = messages;
            _caller = caller;
        }

        public Guid Create(Entity entity) => ((CreateResponse)Execute(new CreateRequest { Target = entity })).id;

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
            ((RetrieveResponse)Execute(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet })).Entity;

        public void Update(Entity entity) => Execute(new UpdateRequest { Target = entity });

        public void Delete(string entityName, Guid id) => Execute(new DeleteRequest { Target = new EntityReference(entityName, id) });

        public OrganizationResponse Execute(OrganizationRequest request) => _messages.Execute(request ?? throw new ArgumentNullException(nameof(request)), _caller);

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Execute(new AssociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Execute(new DisassociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

        public EntityCollection RetrieveMultiple(QueryBase query) =>
            ((RetrieveMultipleResponse)Execute(new RetrieveMultipleRequest { Query = query })).EntityCollection;
    }
}
