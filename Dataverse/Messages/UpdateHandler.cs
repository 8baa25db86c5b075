using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// Update: the columns the Target carries, honouring ConcurrencyBehavior. Its steps have pre-images, and their filtering
    /// attributes (and workflows' update triggers) apply to the columns the Target changes.
    /// </summary>
    internal sealed class UpdateHandler : MessageHandler
    {
        public UpdateHandler()
            : base("Update")
        {
        }

        /// <summary>Column security: a secured column in the Target as the caller sent it needs the caller's permission to update it.</summary>
        public override void CheckCaller(OrganizationRequest request, Guid userId, Security.AccessChecker access) =>
            access.Columns.RequireWrite(userId, Parameter<Entity>(request, "Target"), create: false);

        public override bool HasPreImage => true;

        public override IReadOnlyCollection<string>? ChangedColumns(OrganizationRequest request) =>
            request.Parameters.TryGetValue("Target", out var target) && target is Entity entity ? entity.Attributes.Keys.ToList() : Array.Empty<string>();

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var concurrency = request.Parameters.TryGetValue("ConcurrencyBehavior", out var behavior) && behavior is ConcurrencyBehavior given ? given : ConcurrencyBehavior.Default;
            var target = Parameter<Entity>(request, "Target");
            if (context.Access.Checks(context.Caller.UserId) && context.Reader.Get(target.LogicalName, target.Id) is { } row)
            {
                context.Access.Require(context.Caller.UserId, AccessRight.Write, target.LogicalName, row);
                if (target.GetAttributeValue<EntityReference>("ownerid") is { } owner && owner.Id != row.GetAttributeValue<EntityReference>("ownerid")?.Id)
                {
                    context.Access.Require(context.Caller.UserId, AccessRight.Assign, target.LogicalName, row);
                }

                context.Access.RequireAppend(context.Caller.UserId, target, row);
            }

            context.Records.Update(target, context.Caller.UserId, concurrency);
            return new UpdateResponse();
        }
    }
}
