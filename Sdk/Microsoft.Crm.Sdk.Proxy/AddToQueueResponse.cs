// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>The AddToQueue message's response: the queue item that holds the row in the destination queue.</summary>
    public sealed class AddToQueueResponse : OrganizationResponse
    {
        public AddToQueueResponse()
        {
            ResponseName = "AddToQueue";
        }

        public Guid QueueItemId => Results.Contains("QueueItemId") ? (Guid)Results["QueueItemId"] : default;
    }
}
