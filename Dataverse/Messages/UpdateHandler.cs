using System;
using System.Collections.Generic;
using System.Linq;
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

        public override bool HasPreImage => true;

        public override IReadOnlyCollection<string>? ChangedColumns(OrganizationRequest request) =>
            request.Parameters.TryGetValue("Target", out var target) && target is Entity entity ? entity.Attributes.Keys.ToList() : Array.Empty<string>();

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var concurrency = request.Parameters.TryGetValue("ConcurrencyBehavior", out var behavior) && behavior is ConcurrencyBehavior given ? given : ConcurrencyBehavior.Default;
            context.Records.Update(Parameter<Entity>(request, "Target"), context.Caller.UserId, concurrency);
            return new UpdateResponse();
        }
    }
}
