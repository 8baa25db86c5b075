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

        /// <summary>Column security: a secured column in the Target as the caller sent it needs the caller's permission to create it.</summary>
        public override void CheckCaller(OrganizationRequest request, Guid userId, Security.AccessChecker access) =>
            access.Columns.RequireWrite(userId, Parameter<Entity>(request, "Target"), create: true);

        public override Guid CreatedRowId(OrganizationResponse response) =>
            response.Results.TryGetValue("id", out var id) && id is Guid created ? created : Guid.Empty;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var target = Parameter<Entity>(request, "Target");
            context.Access.Require(context.Caller.UserId, AccessRight.Create, target.LogicalName, null);
            context.Access.RequireOwner(context.Caller.UserId, target.LogicalName, target.GetAttributeValue<EntityReference>("ownerid"));
            context.Access.RequireAppend(context.Caller.UserId, target, null);
            var id = context.Records.Create(target, context.Caller.UserId);
            var response = new CreateResponse();
            response.Results["id"] = id;
            return response;
        }
    }
}
