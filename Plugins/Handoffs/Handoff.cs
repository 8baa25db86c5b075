using System;
using LeadAlign.Sla;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Handoffs
{
    /// <summary>
    /// A handoff <see cref="Lifecycle.LeadLifecyclePlugin"/> routed in PreOperation: the rep, the rep's new place in the rotation,
    /// and both SLA deadlines, computed once in the agreement's business hours. The PostOperation steps (the notification, the
    /// rotation, the clocks) read it from the shared variables, as types the platform serializes (Guid, int, DateTime).
    /// </summary>
    internal sealed class Handoff
    {
        private const string Key = "LeadAlign.Handoff.";

        public Handoff(Guid repId, int nextSequence, SlaDeadline acceptBy, SlaDeadline firstContactBy)
        {
            RepId = repId;
            NextSequence = nextSequence;
            AcceptBy = acceptBy;
            FirstContactBy = firstContactBy;
        }

        public Guid RepId { get; }

        /// <summary>The rep's place in the round-robin after this handoff.</summary>
        public int NextSequence { get; }

        public SlaDeadline AcceptBy { get; }

        public SlaDeadline FirstContactBy { get; }

        public void WriteTo(ParameterCollection shared)
        {
            shared[Key + nameof(RepId)] = RepId;
            shared[Key + nameof(NextSequence)] = NextSequence;
            shared[Key + nameof(AcceptBy)] = AcceptBy.Failure;
            shared[Key + nameof(AcceptBy) + "Warning"] = AcceptBy.Warning;
            shared[Key + nameof(FirstContactBy)] = FirstContactBy.Failure;
            shared[Key + nameof(FirstContactBy) + "Warning"] = FirstContactBy.Warning;
        }

        /// <summary>The handoff of this save, or null when the lead was not handed off.</summary>
        public static Handoff? ReadFrom(ParameterCollection shared) =>
            shared.TryGetValue(Key + nameof(RepId), out var rep) && rep is Guid repId
                ? new Handoff(
                    repId,
                    (int)shared[Key + nameof(NextSequence)],
                    new SlaDeadline((DateTime)shared[Key + nameof(AcceptBy)], (DateTime)shared[Key + nameof(AcceptBy) + "Warning"]),
                    new SlaDeadline((DateTime)shared[Key + nameof(FirstContactBy)], (DateTime)shared[Key + nameof(FirstContactBy) + "Warning"]))
                : null;
    }
}
