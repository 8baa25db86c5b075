using System;
using LeadAlign.Sla;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Handoffs
{
    /// <summary>
    /// A handoff <see cref="Lifecycle.LeadLifecyclePlugin"/> routed in PreOperation: the rep, the handoff's rotation position
    /// (unique per handoff: it identifies the handoff to the history row, the rep's place in the rotation and the clocks' ids),
    /// and both SLA deadlines, computed once in the agreement's business hours. The later steps (the history row, the
    /// notification, the rotation, the clocks) read it from the shared variables, as types the platform serializes (Guid, int,
    /// DateTime).
    /// </summary>
    internal sealed class Handoff
    {
        private const string Key = "LeadAlign.Handoff.";

        public Handoff(Guid repId, int position, SlaDeadline acceptBy, SlaDeadline firstContactBy)
        {
            RepId = repId;
            Position = position;
            AcceptBy = acceptBy;
            FirstContactBy = firstContactBy;
        }

        public Guid RepId { get; }

        /// <summary>The handoff's place in the round-robin: the agreement's handoff count it took, and the rep's place after it.</summary>
        public int Position { get; }

        public SlaDeadline AcceptBy { get; }

        public SlaDeadline FirstContactBy { get; }

        public void WriteTo(ParameterCollection shared)
        {
            shared[Key + nameof(RepId)] = RepId;
            shared[Key + nameof(Position)] = Position;
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
                    (int)shared[Key + nameof(Position)],
                    new SlaDeadline((DateTime)shared[Key + nameof(AcceptBy)], (DateTime)shared[Key + nameof(AcceptBy) + "Warning"]),
                    new SlaDeadline((DateTime)shared[Key + nameof(FirstContactBy)], (DateTime)shared[Key + nameof(FirstContactBy) + "Warning"]))
                : null;
    }
}
