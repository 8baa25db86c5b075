// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0: see DataCollection.cs.
using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A plug-in: the platform creates one instance per registered step and calls it from many threads.</summary>
    public interface IPlugin
    {
        void Execute(IServiceProvider serviceProvider);
    }

    public interface IExecutionContext
    {
        int Mode { get; }

        int IsolationMode { get; }

        int Depth { get; }

        string MessageName { get; }

        string PrimaryEntityName { get; }

        Guid? RequestId { get; }

        string SecondaryEntityName { get; }

        ParameterCollection InputParameters { get; }

        ParameterCollection OutputParameters { get; }

        ParameterCollection SharedVariables { get; }

        Guid UserId { get; }

        Guid InitiatingUserId { get; }

        Guid BusinessUnitId { get; }

        Guid OrganizationId { get; }

        string OrganizationName { get; }

        Guid PrimaryEntityId { get; }

        EntityImageCollection PreEntityImages { get; }

        EntityImageCollection PostEntityImages { get; }

        EntityReference OwningExtension { get; }

        Guid CorrelationId { get; }

        bool IsExecutingOffline { get; }

        bool IsOfflinePlayback { get; }

        bool IsInTransaction { get; }

        Guid OperationId { get; }

        DateTime OperationCreatedOn { get; }
    }

    public interface IPluginExecutionContext : IExecutionContext
    {
        int Stage { get; }

        IPluginExecutionContext ParentContext { get; }
    }

    public interface ITracingService
    {
        void Trace(string format, params object[] args);
    }

    public interface IOrganizationService
    {
        Guid Create(Entity entity);

        Entity Retrieve(string entityName, Guid id, ColumnSet columnSet);

        void Update(Entity entity);

        void Delete(string entityName, Guid id);

        OrganizationResponse Execute(OrganizationRequest request);

        void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);

        void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);

        EntityCollection RetrieveMultiple(QueryBase query);
    }

    public interface IOrganizationServiceFactory
    {
        /// <summary>A service that runs as <paramref name="userId"/>; null means the SYSTEM user.</summary>
        IOrganizationService CreateOrganizationService(Guid? userId);
    }

    public interface IServiceEndpointNotificationService
    {
        string Execute(EntityReference serviceEndpoint, IExecutionContext context);
    }
}
