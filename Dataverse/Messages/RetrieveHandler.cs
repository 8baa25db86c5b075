using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>Retrieve: the requested columns of the row plus its id, with RowVersion.</summary>
    internal sealed class RetrieveHandler : MessageHandler
    {
        public RetrieveHandler()
            : base("Retrieve")
        {
        }

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var reference = Parameter<EntityReference>(request, "Target");
            if (context.Access.Checks(context.Caller.UserId) && context.Reader.Get(reference.LogicalName, reference.Id) is { } row)
            {
                context.Access.Require(context.Caller.UserId, AccessRight.Read, reference.LogicalName, row);
            }
            var response = new RetrieveResponse();
            response.Results["Entity"] = context.Access.Columns.Readable(context.Caller.UserId, context.Reader.Retrieve(reference.LogicalName, reference.Id, Parameter<ColumnSet>(request, "ColumnSet")));
            return response;
        }
    }
}
