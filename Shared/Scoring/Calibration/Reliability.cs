using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Scoring.Calibration
{
    /// <summary>
    /// The reliability table: leads in ascending score order cut into 10 bins of equal count by rank, never splitting leads of
    /// equal score. Decile k closes after the first group of equal scores that brings the running count c to c × 10 ≥ k × n;
    /// when a tie carries the count past several boundaries, the deciles it passed are absent (so there are at most 10 bins,
    /// fewer with ties or fewer than 10 leads). Each bin gives its n, mean score and observed rate.
    /// </summary>
    internal static class Reliability
    {
        public const int Deciles = 10;

        /// <summary>The bins of <paramref name="cases"/>, lowest scores first; empty when there are no cases.</summary>
        public static IReadOnlyList<ReliabilityBin> Compute(IEnumerable<ScoredOutcome> cases)
        {
            if (cases == null) throw new ArgumentNullException(nameof(cases));
            var groups = cases.GroupBy(item => item.Score).OrderBy(group => group.Key).Select(group => group.ToList()).ToList();
            long total = groups.Sum(group => (long)group.Count);
            var bins = new List<ReliabilityBin>();
            var current = new List<ScoredOutcome>();
            long running = 0;
            long decile = 1;
            foreach (var group in groups)
            {
                current.AddRange(group);
                running += group.Count;
                if (running * Deciles < decile * total) continue;
                bins.Add(Bin((int)decile, current));
                current = new List<ScoredOutcome>();
                decile = running * Deciles / total + 1;
            }
            return bins;
        }

        private static ReliabilityBin Bin(int decile, List<ScoredOutcome> members) =>
            new ReliabilityBin(
                decile,
                members.Count,
                members.Min(item => item.Score),
                members.Max(item => item.Score),
                members.Average(item => (double)item.Score),
                members.Count(item => item.Reached) / (double)members.Count);
    }
}
