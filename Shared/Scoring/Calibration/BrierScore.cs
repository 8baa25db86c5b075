using System;
using System.Collections.Generic;

namespace LeadAlign.Scoring.Calibration
{
    /// <summary>
    /// The Brier score: the mean of (p − y)², where p is the score read as a probability (score / 100, clamped to 0..1) and y is
    /// 1 when the lead reached the outcome, 0 when not. 0 is perfect; always saying 0.5 scores 0.25.
    /// </summary>
    internal static class BrierScore
    {
        /// <summary>The score read as a probability: score / 100, clamped to 0..1.</summary>
        public static double Probability(int score) => Math.Min(1.0, Math.Max(0.0, score / 100.0));

        /// <summary>The Brier score of <paramref name="cases"/>; null when there are none.</summary>
        public static double? Compute(IEnumerable<ScoredOutcome> cases)
        {
            if (cases == null) throw new ArgumentNullException(nameof(cases));
            double sum = 0;
            var count = 0;
            foreach (var item in cases)
            {
                var error = Probability(item.Score) - (item.Reached ? 1.0 : 0.0);
                sum += error * error;
                count++;
            }
            return count == 0 ? (double?)null : sum / count;
        }
    }
}
