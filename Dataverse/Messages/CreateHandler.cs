using System;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Service;
using LeadAlign.Dataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>Create: the Target is checked and written with its system columns; the response carries the new row's id.</summary>
    internal sealed class CreateHandler : MessageHandler
    {
        public CreateHandler()
            : base("Create")
        {
        }

        public override Guid CreatedRowId(OrganizationResponse response) =>
            response.Results.TryGetValue("id", out var id) && id is Guid created ? created : Guid.Empty;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var target = Parameter<Entity>(request, "Target");
            context.Access.Require(context.Caller.UserId, AccessRight.Create, target.LogicalName, null);
            context.Access.RequireOwner(context.Caller.UserId, target.LogicalName, target.GetAttributeValue<EntityReference>("ownerid"));
            context.Access.RequireAppend(context.Caller.UserId, target, null);
            var id = context.Records.Create(RowCopy.Of(target), context.Caller.UserId);
            var response = new CreateResponse();
            response.Results["id"] = id;
            return response;
        }
    }
}
