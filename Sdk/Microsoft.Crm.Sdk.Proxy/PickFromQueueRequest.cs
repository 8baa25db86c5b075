// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>
    /// The PickFromQueue message: the queue item QueueItemId names is worked on by WorkerId from now on, and is removed from its
    /// queue when RemoveQueueItem is true. The constructor sets no parameter.
    /// </summary>
    public sealed class PickFromQueueRequest : OrganizationRequest
    {
        public PickFromQueueRequest()
        {
            RequestName = "PickFromQueue";
        }

        public Guid QueueItemId
        {
            get => Parameters.Contains("QueueItemId") ? (Guid)Parameters["QueueItemId"] : default;
            set => Parameters["QueueItemId"] = value;
        }

        public Guid WorkerId
        {
            get => Parameters.Contains("WorkerId") ? (Guid)Parameters["WorkerId"] : default;
            set => Parameters["WorkerId"] = value;
        }

        public bool RemoveQueueItem
        {
            get => Parameters.Contains("RemoveQueueItem") && (bool)Parameters["RemoveQueueItem"];
            set => Parameters["RemoveQueueItem"] = value;
        }
    }
}
