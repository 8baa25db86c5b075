using System;
using System.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// AddToQueue: puts the Target row into the destination queue, as a queueitem (a Create of queueitem, which Create steps
    /// see, titled with the row's primary name). A row already in a queue (an active item of it) is moved: its item's queueid
    /// changes (an Update). The caller needs Read on the destination queue; the Create checks AppendTo on the queue and the row.
    /// Not modelled: SourceQueueId (the item found is moved whichever queue it is in), QueueItemProperties, and routing rules.
    /// </summary>
    internal sealed class AddToQueueHandler : MessageHandler
    {
        public AddToQueueHandler()
            : base("AddToQueue")
        {
        }

        public override bool RunsInPipeline => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var target = Parameter<EntityReference>(request, "Target");
            var queueId = Parameter<Guid>(request, "DestinationQueueId");
            var queue = context.Store.Get("queue", queueId) ?? throw DataverseFault.RecordNotFound("queue", queueId);
            var row = context.Store.Get(target.LogicalName, target.Id) ?? throw DataverseFault.RecordNotFound(target.LogicalName, target.Id);
            context.Access.Require(context.Caller.UserId, AccessRight.Read, "queue", queue);
            context.Access.Require(context.Caller.UserId, AccessRight.Read, target.LogicalName, row);

            var existing = context.Store.Rows("queueitem").FirstOrDefault(item =>
                item.GetAttributeValue<EntityReference>("objectid")?.Id == target.Id && item.GetAttributeValue<OptionSetValue>("statecode")?.Value == 0);
            Guid itemId;
            if (existing != null)
            {
                itemId = existing.Id;
                context.RunOperation(new UpdateRequest { Target = new Entity("queueitem", itemId) { ["queueid"] = new EntityReference("queue", queueId) } });
            }
            else
            {
                var primaryName = context.Metadata.RequireTable(target.LogicalName).PrimaryName;
                itemId = (Guid)context.RunOperation(new CreateRequest
                {
                    Target = new Entity("queueitem")
                    {
                        ["queueid"] = new EntityReference("queue", queueId),
                        ["objectid"] = new EntityReference(target.LogicalName, target.Id),
                        ["title"] = primaryName == null ? null : row.GetAttributeValue<string>(primaryName),
                    },
                }).Results["id"];
            }

            var response = new AddToQueueResponse();
            response.Results["QueueItemId"] = itemId;
            return response;
        }
    }
}
