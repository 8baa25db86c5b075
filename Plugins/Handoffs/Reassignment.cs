using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Handoffs
{
    /// <summary>
    /// A lead reassigned by hand while open, seen by <see cref="Lifecycle.LeadLifecyclePlugin"/> in PreOperation: the old and the
    /// new owner, as EntityReferences (a type the platform serializes), for the history row and the accept clock's restart.
    /// </summary>
    internal sealed class Reassignment
    {
        private const string Key = "LeadAlign.Reassignment.";

        public Reassignment(EntityReference from, EntityReference to)
        {
            From = from;
            To = to;
        }

        public EntityReference From { get; }

        public EntityReference To { get; }

        public void WriteTo(ParameterCollection shared)
        {
            shared[Key + nameof(From)] = From;
            shared[Key + nameof(To)] = To;
        }

        /// <summary>The reassignment of this save, or null when the owner did not change by hand.</summary>
        public static Reassignment? ReadFrom(ParameterCollection shared) =>
            shared.TryGetValue(Key + nameof(To), out var to) && to is EntityReference newOwner
                ? new Reassignment((EntityReference)shared[Key + nameof(From)], newOwner)
                : null;
    }
}
