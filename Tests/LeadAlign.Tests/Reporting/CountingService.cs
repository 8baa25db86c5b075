using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Tests.Reporting
{
    /// <summary>A service that passes every call on and records the paging of each RetrieveMultiple of a QueryExpression.</summary>
    internal sealed class CountingService : IOrganizationService
    {
        private readonly IOrganizationService _inner;

        public CountingService(IOrganizationService inner)
        {
            _inner = inner;
        }

        public List<PagingInfo> Pages { get; } = new();

        public EntityCollection RetrieveMultiple(QueryBase query)
        {
            if (query is QueryExpression expression)
            {
                Pages.Add(new PagingInfo { Count = expression.PageInfo.Count, PageNumber = expression.PageInfo.PageNumber, PagingCookie = expression.PageInfo.PagingCookie });
            }

            return _inner.RetrieveMultiple(query);
        }

        public Guid Create(Entity entity) => _inner.Create(entity);

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => _inner.Retrieve(entityName, id, columnSet);

        public void Update(Entity entity) => _inner.Update(entity);

        public void Delete(string entityName, Guid id) => _inner.Delete(entityName, id);

        public OrganizationResponse Execute(OrganizationRequest request) => _inner.Execute(request);

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => _inner.Associate(entityName, entityId, relationship, relatedEntities);

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => _inner.Disassociate(entityName, entityId, relationship, relatedEntities);
    }
}
