using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Lifecycle
{
    /// <summary>
    /// Round-robin over the eligible reps: the one whose last handoff is furthest back in the rotation gets the lead, ties going
    /// to the lowest user id, and the new position is one past the highest. The rotation lives in Dataverse (each rep's
    /// la_routingsequence), so it survives restarts, and a rep who just received a lead is never first again on a tie.
    /// </summary>
    internal static class LeadRouter
    {
        public static RoutingCandidate? Choose(IEnumerable<RoutingCandidate> candidates, int maxOpenLeads) =>
            candidates.Where(candidate => candidate.OpenLeads < maxOpenLeads)
                .OrderBy(candidate => candidate.Sequence)
                .ThenBy(candidate => candidate.UserId)
                .FirstOrDefault();

        public static int NextSequence(IEnumerable<RoutingCandidate> candidates) => candidates.Select(candidate => candidate.Sequence).DefaultIfEmpty(0).Max() + 1;
    }
}
