// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>
    /// The AddToQueue message: puts the Target row into the queue DestinationQueueId names (moving it there when it is in another
    /// queue already). The constructor sets no parameter.
    /// </summary>
    public sealed class AddToQueueRequest : OrganizationRequest
    {
        public AddToQueueRequest()
        {
            RequestName = "AddToQueue";
        }

        public EntityReference Target
        {
            get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default;
            set => Parameters["Target"] = value;
        }

        public Guid SourceQueueId
        {
            get => Parameters.Contains("SourceQueueId") ? (Guid)Parameters["SourceQueueId"] : default;
            set => Parameters["SourceQueueId"] = value;
        }

        public Guid DestinationQueueId
        {
            get => Parameters.Contains("DestinationQueueId") ? (Guid)Parameters["DestinationQueueId"] : default;
            set => Parameters["DestinationQueueId"] = value;
        }

        public Entity QueueItemProperties
        {
            get => Parameters.Contains("QueueItemProperties") ? (Entity)Parameters["QueueItemProperties"] : default;
            set => Parameters["QueueItemProperties"] = value;
        }
    }
}
