using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Scoring.Calibration
{
    /// <summary>
    /// The MQL threshold sales can absorb: with the scores of a period's leads over <c>weeks</c> weeks, a threshold t makes
    /// (leads scoring t or more) / weeks MQLs a week; sales accepts reps × leads per rep per week. The capacity threshold is the
    /// lowest whole t whose MQLs a week fit, compared exactly as (leads scoring t or more) ≤ reps × per rep × weeks.
    /// </summary>
    internal static class CapacityThreshold
    {
        /// <summary>
        /// The lowest whole threshold whose expected MQLs a week fit sales' capacity: the lowest score when every lead fits,
        /// one above the highest score when capacity is zero. Null when there are no scores.
        /// </summary>
        public static int? Compute(IEnumerable<int> scores, int weeks, int reps, int leadsPerRepPerWeek)
        {
            if (scores == null) throw new ArgumentNullException(nameof(scores));
            if (weeks <= 0) throw new ArgumentOutOfRangeException(nameof(weeks), weeks, "The period must be at least one week.");
            if (reps < 0) throw new ArgumentOutOfRangeException(nameof(reps), reps, "The number of reps cannot be negative.");
            if (leadsPerRepPerWeek < 0) throw new ArgumentOutOfRangeException(nameof(leadsPerRepPerWeek), leadsPerRepPerWeek, "Leads per rep per week cannot be negative.");
            var descending = scores.OrderByDescending(score => score).ToList();
            if (descending.Count == 0) return null;
            var capacity = (long)reps * leadsPerRepPerWeek * weeks;
            if (descending.Count <= capacity) return descending[descending.Count - 1];
            // More leads than capacity: the threshold sits just above the score of the (capacity + 1)-th best lead, so that
            // lead and every lead tied with it fall below it; any lower whole threshold would let it in.
            return checked(descending[(int)capacity] + 1);
        }

        /// <summary>The MQLs a week a threshold makes: leads scoring <paramref name="threshold"/> or more, divided by the weeks.</summary>
        public static double ExpectedMqlsPerWeek(IEnumerable<int> scores, int threshold, int weeks)
        {
            if (scores == null) throw new ArgumentNullException(nameof(scores));
            if (weeks <= 0) throw new ArgumentOutOfRangeException(nameof(weeks), weeks, "The period must be at least one week.");
            return scores.Count(score => score >= threshold) / (double)weeks;
        }
    }
}
