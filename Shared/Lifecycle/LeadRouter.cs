using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Lifecycle
{
    /// <summary>
    /// Round-robin over the eligible reps: the one whose last handoff is furthest back in the rotation gets the lead (ties, which
    /// only reps who never had one share, go to the lowest user id), unless the rep holds the agreement's cap of open leads.
    /// Each handoff takes the next rotation position, one past the agreement's handoff count, and the rep keeps it as
    /// la_routingsequence. The rotation lives in Dataverse, so it survives restarts, and positions are unique, so ordering the
    /// handoffs by position replays the routing.
    /// </summary>
    internal static class LeadRouter
    {
        public static RoutingCandidate? Choose(IEnumerable<RoutingCandidate> candidates, int maxOpenLeads) =>
            candidates.Where(candidate => maxOpenLeads == int.MaxValue || (candidate.OpenLeads ?? int.MaxValue) < maxOpenLeads)
                .OrderBy(candidate => candidate.Sequence)
                .ThenBy(candidate => candidate.UserId)
                .FirstOrDefault();

        /// <summary>
        /// The position the next handoff takes: one past the agreement's handoff count, and past every candidate's last position,
        /// so no rep already holds it (reps routed under an earlier agreement, or before the agreement counted handoffs).
        /// </summary>
        public static int NextPosition(Rotation rotation) =>
            Math.Max(rotation.HandoffCount, rotation.Candidates.Select(candidate => candidate.Sequence).DefaultIfEmpty(0).Max()) + 1;
    }
}
