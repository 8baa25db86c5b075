using System;
using System.Linq;
using System.ServiceModel;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Faults;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Service
{
    /// <summary>
    /// Queues as the platform runs them (learn.microsoft.com/power-apps/developer/data-platform/reference/entities/queueitem;
    /// AddToQueueRequest and PickFromQueueRequest in Microsoft.Crm.Sdk.Messages): AddToQueue puts a row into a queue as a queue
    /// item, PickFromQueue gives the item a worker and optionally removes it.
    /// </summary>
    public sealed class QueueTests
    {
        private readonly InMemoryDataverse _org = new();

        private Guid Queue(string name) => _org.SystemService.Create(new Entity("queue") { ["name"] = name });

        [Fact]
        public void Adding_a_row_to_a_queue_creates_its_queue_item_and_adding_it_to_another_moves_it()
        {
            var lead = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });
            var first = Queue("Inbound");
            var second = Queue("Reps");

            var added = (AddToQueueResponse)_org.SystemService.Execute(new AddToQueueRequest { Target = new EntityReference("lead", lead), DestinationQueueId = first });
            var moved = (AddToQueueResponse)_org.SystemService.Execute(new AddToQueueRequest { Target = new EntityReference("lead", lead), DestinationQueueId = second });

            var item = Assert.Single(_org.All("queueitem"));
            Assert.Equal(added.QueueItemId, item.Id);
            Assert.Equal(added.QueueItemId, moved.QueueItemId);
            Assert.Equal(second, item.GetAttributeValue<EntityReference>("queueid").Id);
            Assert.Equal(lead, item.GetAttributeValue<EntityReference>("objectid").Id);
            Assert.Equal("Novak", item["title"]);
        }

        [Fact]
        public void Adding_to_a_queue_that_does_not_exist_is_refused_as_the_platform_refuses_a_missing_row()
        {
            var lead = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });
            var missing = Guid.NewGuid();

            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                _org.SystemService.Execute(new AddToQueueRequest { Target = new EntityReference("lead", lead), DestinationQueueId = missing }));

            Assert.Equal(DataverseFault.ObjectDoesNotExist, fault.Detail.ErrorCode);
            Assert.Empty(_org.All("queueitem"));
        }

        [Fact]
        public void Picking_an_item_gives_it_a_worker_and_picking_with_remove_takes_it_out_of_the_queue()
        {
            var rep = _org.AddUser("Rita Rep");
            var queue = Queue("Reps");
            var kept = ((AddToQueueResponse)_org.SystemService.Execute(new AddToQueueRequest { Target = new EntityReference("lead", _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Kept" })), DestinationQueueId = queue })).QueueItemId;
            var removed = ((AddToQueueResponse)_org.SystemService.Execute(new AddToQueueRequest { Target = new EntityReference("lead", _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Removed" })), DestinationQueueId = queue })).QueueItemId;
            _org.Advance(TimeSpan.FromMinutes(5));

            _org.As(rep).Execute(new PickFromQueueRequest { QueueItemId = kept, WorkerId = rep });
            _org.As(rep).Execute(new PickFromQueueRequest { QueueItemId = removed, WorkerId = rep, RemoveQueueItem = true });

            var item = Assert.Single(_org.All("queueitem"));
            Assert.Equal(kept, item.Id);
            Assert.Equal(rep, item.GetAttributeValue<EntityReference>("workerid").Id);
            Assert.Equal(_org.UtcNow, item.GetAttributeValue<DateTime>("workeridmodifiedon"));
            var again = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.As(rep).Execute(new PickFromQueueRequest { QueueItemId = removed, WorkerId = rep }));
            Assert.Equal(DataverseFault.ObjectDoesNotExist, again.Detail.ErrorCode);
        }
    }
}
