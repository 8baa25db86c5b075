using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>RetrieveAttribute: a column's metadata, with its options and their labels.</summary>
    internal sealed class RetrieveAttributeHandler : MessageHandler
    {
        public RetrieveAttributeHandler()
            : base("RetrieveAttribute")
        {
        }

        public override bool RunsInPipeline => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var owner = context.Metadata.RequireTable(Parameter<string>(request, "EntityLogicalName"));
            var column = context.Metadata.RequireColumn(owner.Name, Parameter<string>(request, "LogicalName"));
            var response = new RetrieveAttributeResponse();
            response.Results["AttributeMetadata"] = MetadataCatalog.ToAttributeMetadata(owner, column);
            return response;
        }
    }
}
