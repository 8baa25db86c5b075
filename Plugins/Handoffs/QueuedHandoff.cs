using System;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Handoffs
{
    /// <summary>
    /// An MQL <see cref="Lifecycle.LeadLifecyclePlugin"/> sent to the agreement's sales queue in PreOperation (queue routing mode):
    /// the queue, as a Guid (a type the platform serializes). <see cref="Lifecycle.LeadLifecyclePostPlugin"/> adds the lead to it.
    /// </summary>
    internal sealed class QueuedHandoff
    {
        private const string Key = "LeadAlign.QueuedHandoff.QueueId";

        public QueuedHandoff(Guid queueId)
        {
            QueueId = queueId;
        }

        public Guid QueueId { get; }

        public void WriteTo(ParameterCollection shared) => shared[Key] = QueueId;

        /// <summary>The queue this save sends the lead to, or null when it was not queued.</summary>
        public static QueuedHandoff? ReadFrom(ParameterCollection shared) =>
            shared.TryGetValue(Key, out var queue) && queue is Guid queueId ? new QueuedHandoff(queueId) : null;
    }
}
