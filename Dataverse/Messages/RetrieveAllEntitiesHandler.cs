using System;
using System.Linq;
using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>RetrieveAllEntities: every table's metadata, by logical name.</summary>
    internal sealed class RetrieveAllEntitiesHandler : MessageHandler
    {
        public RetrieveAllEntitiesHandler()
            : base("RetrieveAllEntities")
        {
        }

        public override bool RunsInPipeline => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var filters = RetrieveEntityHandler.Filters(request);
            var response = new RetrieveAllEntitiesResponse();
            response.Results["EntityMetadata"] = context.Metadata.Tables
                .OrderBy(table => table.Name, StringComparer.Ordinal)
                .Select(table => RetrieveEntityHandler.EntityMetadataOf(table, filters, context))
                .ToArray();
            return response;
        }
    }
}
