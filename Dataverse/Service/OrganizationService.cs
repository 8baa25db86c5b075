using System;
using System.Globalization;
using LeadAlign.Dataverse.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse
{
    /// <summary>Who calls, and from where: a client (no parent) or code running inside an operation (a plug-in or activity).</summary>
    internal sealed record Caller(Guid UserId, Guid InitiatingUserId, IExecutionContext? Parent, ExecutionRecord? Record);

    /// <summary>
    /// The <see cref="IOrganizationService"/> of the in-memory Dataverse. Every method is the request the SDK would send,
    /// executed through the event pipeline as the service's user; calls made from plug-in code are nested operations.
    /// </summary>
    internal sealed class OrganizationService : IOrganizationService
    {
        private readonly InMemoryDataverse _dataverse;
        private readonly Caller _caller;

        public OrganizationService(InMemoryDataverse dataverse, Caller caller)
        {
            _dataverse = dataverse;
            _caller = caller;
        }

        public Guid Create(Entity entity) => ((CreateResponse)Execute(new CreateRequest { Target = entity })).id;

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
            ((RetrieveResponse)Execute(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet })).Entity;

        public void Update(Entity entity) => Execute(new UpdateRequest { Target = entity });

        public void Delete(string entityName, Guid id) => Execute(new DeleteRequest { Target = new EntityReference(entityName, id) });

        public OrganizationResponse Execute(OrganizationRequest request) => _dataverse.Execute(request ?? throw new ArgumentNullException(nameof(request)), _caller);

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Execute(new AssociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Execute(new DisassociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

        public EntityCollection RetrieveMultiple(QueryBase query) =>
            ((RetrieveMultipleResponse)Execute(new RetrieveMultipleRequest { Query = query })).EntityCollection;
    }

    /// <summary>The services the platform hands a plug-in through its IServiceProvider.</summary>
    internal sealed class PluginServices : IServiceProvider, IOrganizationServiceFactory, ITracingService, IServiceEndpointNotificationService
    {
        private readonly InMemoryDataverse _dataverse;
        private readonly IExecutionContext _context;
        private readonly ExecutionRecord _record;

        public PluginServices(InMemoryDataverse dataverse, IExecutionContext context, ExecutionRecord record)
        {
            _dataverse = dataverse;
            _context = context;
            _record = record;
        }

        public object? GetService(Type serviceType)
        {
            if (serviceType.IsInstanceOfType(_context) && (serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext)))
            {
                return _context;
            }

            if (serviceType == typeof(IOrganizationServiceFactory))
            {
                return this;
            }

            if (serviceType == typeof(ITracingService))
            {
                return this;
            }

            return serviceType == typeof(IServiceEndpointNotificationService) ? this : null;
        }

        /// <summary>null runs as SYSTEM; Guid.Empty as the step's user; any other id as that user.</summary>
        public IOrganizationService CreateOrganizationService(Guid? userId)
        {
            var user = userId == null ? _dataverse.SystemUserId : userId == Guid.Empty ? _context.UserId : userId.Value;
            return new OrganizationService(_dataverse, new Caller(user, _context.InitiatingUserId, _context, _record));
        }

        public void Trace(string format, params object[] args)
        {
            _record.AddTrace(args == null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args));
        }

        public string Execute(EntityReference serviceEndpoint, IExecutionContext context) =>
            throw new NotSupportedException("The in-memory Dataverse has no Azure service endpoints: IServiceEndpointNotificationService is not modelled.");
    }
}
