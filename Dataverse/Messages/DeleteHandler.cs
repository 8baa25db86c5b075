using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>Delete: the row (and an activity's parties), honouring ConcurrencyBehavior. Its steps have pre-images, and no post-image.</summary>
    internal sealed class DeleteHandler : MessageHandler
    {
        public DeleteHandler()
            : base("Delete")
        {
        }

        public override bool HasPreImage => true;

        public override bool HasPostImage => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var target = Parameter<EntityReference>(request, "Target");
            if (context.Access.Checks(context.Caller.UserId) && context.Reader.Get(target.LogicalName, target.Id) is { } row)
            {
                context.Access.Require(context.Caller.UserId, AccessRight.Delete, target.LogicalName, row);
            }

            var concurrency = request.Parameters.TryGetValue("ConcurrencyBehavior", out var behavior) && behavior is ConcurrencyBehavior given ? given : ConcurrencyBehavior.Default;
            context.Records.Delete(target.LogicalName, target.Id, concurrency, target.RowVersion);
            return new DeleteResponse();
        }
    }
}
