using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Scoring.Calibration
{
    /// <summary>
    /// Area under the ROC curve in its Mann-Whitney form: the share of (reached, not reached) pairs in which the lead that
    /// reached the outcome scored higher, a tie counting half. 1 separates perfectly, 0.5 is chance.
    /// </summary>
    internal static class Auc
    {
        /// <summary>The AUC of <paramref name="cases"/>; null when no lead reached the outcome or every lead did.</summary>
        public static double? Compute(IEnumerable<ScoredOutcome> cases)
        {
            if (cases == null) throw new ArgumentNullException(nameof(cases));
            double wins = 0;
            long negativesBelow = 0;
            long positives = 0;
            long negatives = 0;
            // Ascending by score; each group of equal scores wins against every negative below it and ties with its own negatives.
            foreach (var group in cases.GroupBy(item => item.Score).OrderBy(group => group.Key))
            {
                long groupPositives = group.Count(item => item.Reached);
                long groupNegatives = group.Count(item => !item.Reached);
                wins += groupPositives * (double)negativesBelow + 0.5 * groupPositives * groupNegatives;
                negativesBelow += groupNegatives;
                positives += groupPositives;
                negatives += groupNegatives;
            }
            if (positives == 0 || negatives == 0) return null;
            return wins / ((double)positives * negatives);
        }
    }
}
