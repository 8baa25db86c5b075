using System;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// PickFromQueue: the queue item is worked on by WorkerId from now on (workerid, workeridmodifiedon), and is removed from its
    /// queue (deleted) when RemoveQueueItem is true, so picking it again finds no item (ObjectDoesNotExist). The platform runs a
    /// pick as an Update of the queue item, which Update steps of queueitem see; the caller needs Read on the item's queue (a
    /// user who cannot read the queue cannot pick from it), and the Update runs under the message's own check, as SYSTEM with the
    /// caller as the initiating user. Not modelled: the PickFromQueue message privilege, and the queue's own settings.
    /// </summary>
    internal sealed class PickFromQueueHandler : MessageHandler
    {
        public PickFromQueueHandler()
            : base("PickFromQueue")
        {
        }

        public override bool RunsInPipeline => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var itemId = Parameter<Guid>(request, "QueueItemId");
            var workerId = Parameter<Guid>(request, "WorkerId");
            var item = context.Store.Get("queueitem", itemId) ?? throw DataverseFault.RecordNotFound("queueitem", itemId);
            var queueRef = item.GetAttributeValue<EntityReference>("queueid");
            if (queueRef != null && context.Store.Get("queue", queueRef.Id) is { } queue)
            {
                context.Access.Require(context.Caller.UserId, AccessRight.Read, "queue", queue);
            }

            _ = context.Store.Get("systemuser", workerId) ?? throw DataverseFault.RecordNotFound("systemuser", workerId);
            context.RunOperationForCaller(new UpdateRequest
            {
                Target = new Entity("queueitem", itemId) { ["workerid"] = new EntityReference("systemuser", workerId), ["workeridmodifiedon"] = context.Clock.UtcNow },
            });
            if (request.Parameters.TryGetValue("RemoveQueueItem", out var remove) && remove is true)
            {
                context.RunOperationForCaller(new DeleteRequest { Target = new EntityReference("queueitem", itemId) });
            }

            return new PickFromQueueResponse();
        }
    }
}
