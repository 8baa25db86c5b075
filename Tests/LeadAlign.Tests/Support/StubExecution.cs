using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Tests.Support
{
    /// <summary>
    /// A hand-filled plug-in execution context for tests of the plug-in base class itself.
    /// Scenario tests of LeadAlign's behaviour use the in-memory Dataverse, which fills contexts as the platform does.
    /// </summary>
    internal sealed class StubPluginExecutionContext : IPluginExecutionContext
    {
        public int Mode { get; set; }

        public int IsolationMode { get; set; } = 2;

        public int Depth { get; set; } = 1;

        public string MessageName { get; set; } = "Update";

        public string PrimaryEntityName { get; set; } = "lead";

        public Guid? RequestId { get; set; }

        public string SecondaryEntityName { get; set; } = "none";

        public ParameterCollection InputParameters { get; } = new ParameterCollection();

        public ParameterCollection OutputParameters { get; } = new ParameterCollection();

        public ParameterCollection SharedVariables { get; } = new ParameterCollection();

        public Guid UserId { get; set; } = new Guid("00000000-0000-0000-0000-0000000000a1");

        public Guid InitiatingUserId { get; set; } = new Guid("00000000-0000-0000-0000-0000000000a2");

        public Guid BusinessUnitId { get; set; }

        public Guid OrganizationId { get; set; }

        public string OrganizationName { get; set; } = "contoso";

        public Guid PrimaryEntityId { get; set; } = new Guid("00000000-0000-0000-0000-00000000001e");

        public EntityImageCollection PreEntityImages { get; } = new EntityImageCollection();

        public EntityImageCollection PostEntityImages { get; } = new EntityImageCollection();

        public EntityReference OwningExtension { get; set; } = new EntityReference("sdkmessageprocessingstep", Guid.NewGuid());

        public Guid CorrelationId { get; set; } = new Guid("c0ffee00-1234-5678-9abc-def012345678");

        public bool IsExecutingOffline { get; set; }

        public bool IsOfflinePlayback { get; set; }

        public bool IsInTransaction { get; set; } = true;

        public Guid OperationId { get; set; }

        public DateTime OperationCreatedOn { get; set; } = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

        public int Stage { get; set; } = 20;

        public IPluginExecutionContext ParentContext { get; set; } = null!;
    }

    /// <summary>Collects trace lines as the platform's tracing service would, formatting like string.Format.</summary>
    internal sealed class RecordingTracingService : ITracingService
    {
        public List<string> Lines { get; } = new List<string>();

        public void Trace(string format, params object[] args)
        {
            Lines.Add(args == null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args));
        }
    }

    /// <summary>Counts the services a factory hands out, per user (null = SYSTEM).</summary>
    internal sealed class CountingServiceFactory : IOrganizationServiceFactory
    {
        public ConcurrentQueue<Guid?> CreatedFor { get; } = new ConcurrentQueue<Guid?>();

        public Func<OrganizationRequest, OrganizationResponse> OnExecute { get; set; } = request => new OrganizationResponse();

        public IOrganizationService CreateOrganizationService(Guid? userId)
        {
            CreatedFor.Enqueue(userId);
            return new DelegatingService(this);
        }

        private sealed class DelegatingService : IOrganizationService
        {
            private readonly CountingServiceFactory _factory;

            public DelegatingService(CountingServiceFactory factory)
            {
                _factory = factory;
            }

            public OrganizationResponse Execute(OrganizationRequest request) => _factory.OnExecute(request);

            public Guid Create(Entity entity) => throw new NotSupportedException();

            public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw new NotSupportedException();

            public void Update(Entity entity) => throw new NotSupportedException();

            public void Delete(string entityName, Guid id) => throw new NotSupportedException();

            public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();

            public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();

            public EntityCollection RetrieveMultiple(QueryBase query) => throw new NotSupportedException();
        }
    }

    /// <summary>An IServiceProvider holding the given services, counting how often each type is asked for.</summary>
    internal sealed class StubServiceProvider : IServiceProvider
    {
        private readonly Dictionary<Type, object> _services = new Dictionary<Type, object>();

        public ConcurrentDictionary<Type, int> Requests { get; } = new ConcurrentDictionary<Type, int>();

        public StubServiceProvider With<T>(T service)
            where T : class
        {
            _services[typeof(T)] = service;
            return this;
        }

        public object? GetService(Type serviceType)
        {
            Requests.AddOrUpdate(serviceType, 1, (_, count) => count + 1);
            return _services.TryGetValue(serviceType, out var service) ? service : null;
        }
    }
}
