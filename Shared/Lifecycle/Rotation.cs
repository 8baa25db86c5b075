using System.Collections.Generic;

namespace LeadAlign.Lifecycle
{
    /// <summary>
    /// The round-robin as a handoff reads it, under the routing lock: how many handoffs the agreement has routed (the position
    /// of the latest) and the reps this lead may go to, each with the position of their last handoff and their open leads.
    /// </summary>
    internal sealed class Rotation
    {
        public Rotation(int handoffCount, IReadOnlyList<RoutingCandidate> candidates)
        {
            HandoffCount = handoffCount;
            Candidates = candidates;
        }

        /// <summary>The agreement's handoff count: the rotation position of the latest handoff (0: none yet).</summary>
        public int HandoffCount { get; }

        public IReadOnlyList<RoutingCandidate> Candidates { get; }
    }
}
