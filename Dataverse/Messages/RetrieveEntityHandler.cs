using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>RetrieveEntity: a table's metadata (with its columns when EntityFilters asks), IsSLAEnabled as this organization has it.</summary>
    internal sealed class RetrieveEntityHandler : MessageHandler
    {
        public RetrieveEntityHandler()
            : base("RetrieveEntity")
        {
        }

        public override bool RunsInPipeline => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var table = context.Metadata.RequireTable(Parameter<string>(request, "LogicalName"));
            var response = new RetrieveEntityResponse();
            response.Results["EntityMetadata"] = EntityMetadataOf(table, Filters(request), context);
            return response;
        }

        /// <summary>The EntityFilters a request asks for (Default when it names none).</summary>
        internal static EntityFilters Filters(OrganizationRequest request) =>
            request.Parameters.TryGetValue("EntityFilters", out var value) && value is EntityFilters given ? given : EntityFilters.Default;

        /// <summary>A table's metadata as this organization has it: IsSLAEnabled as the organization's options may override it.</summary>
        internal static EntityMetadata EntityMetadataOf(TableDefinition table, EntityFilters filters, MessageContext context)
        {
            var metadata = context.Metadata.ToEntityMetadata(table, filters);
            metadata.IsSLAEnabled = context.Sla.IsEnabled(table.Name);
            return metadata;
        }
    }
}
