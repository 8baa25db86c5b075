using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Scoring.Calibration
{
    /// <summary>
    /// The population stability index between the score distribution of a reference period (expected) and of the period
    /// looked at (actual): PSI = Σ (aᵢ − eᵢ) × ln(aᵢ / eᵢ) over fixed bins, aᵢ and eᵢ being each sample's share of leads in
    /// bin i. The formula is the one of credit scorecard monitoring (N. Siddiqi, "Credit Risk Scorecards", Wiley 2006, ch. 8;
    /// B. Yurdakul, "Statistical Properties of Population Stability Index", Western Michigan University 2018). An empty bin's
    /// share is taken as <see cref="Epsilon"/> (not renormalised) so the logarithm stays finite. Rule of thumb from the same
    /// sources: below 0.1 stable, 0.1 to 0.25 worth a look, above 0.25 the population has shifted.
    /// </summary>
    internal static class PopulationStability
    {
        /// <summary>The share an empty bin counts as.</summary>
        public const double Epsilon = 0.0001;

        /// <summary>
        /// The default cut points: ten bins of ten points, below 10, 10–19, 20–29 … 80–89, and 90 or more (the first bin also
        /// holds negative scores, the last scores above 100).
        /// </summary>
        public static IReadOnlyList<int> DefaultCutPoints { get; } = Array.AsReadOnly(new[] { 10, 20, 30, 40, 50, 60, 70, 80, 90 });

        /// <summary>The PSI over <see cref="DefaultCutPoints"/>; null when either sample is empty.</summary>
        public static double? Compute(IEnumerable<int> expected, IEnumerable<int> actual) => Compute(expected, actual, DefaultCutPoints);

        /// <summary>
        /// The PSI over the bins that <paramref name="cutPoints"/> (strictly ascending) make: a score falls in bin i, 0-based,
        /// when exactly i cut points are at or below it, so k cut points make k + 1 bins. Null when either sample is empty.
        /// </summary>
        public static double? Compute(IEnumerable<int> expected, IEnumerable<int> actual, IReadOnlyList<int> cutPoints)
        {
            if (expected == null) throw new ArgumentNullException(nameof(expected));
            if (actual == null) throw new ArgumentNullException(nameof(actual));
            if (cutPoints == null) throw new ArgumentNullException(nameof(cutPoints));
            for (var i = 1; i < cutPoints.Count; i++)
                if (cutPoints[i] <= cutPoints[i - 1]) throw new ArgumentException("Cut points must be strictly ascending.", nameof(cutPoints));
            var expectedShares = Shares(expected, cutPoints);
            var actualShares = Shares(actual, cutPoints);
            if (expectedShares == null || actualShares == null) return null;
            double psi = 0;
            for (var bin = 0; bin < expectedShares.Length; bin++)
            {
                var e = Math.Max(expectedShares[bin], Epsilon);
                var a = Math.Max(actualShares[bin], Epsilon);
                psi += (a - e) * Math.Log(a / e);
            }
            return psi;
        }

        /// <summary>Each bin's share of <paramref name="scores"/>; null when there are none.</summary>
        internal static double[]? Shares(IEnumerable<int> scores, IReadOnlyList<int> cutPoints)
        {
            var counts = new long[cutPoints.Count + 1];
            long total = 0;
            foreach (var score in scores)
            {
                counts[cutPoints.Count(cut => cut <= score)]++;
                total++;
            }
            if (total == 0) return null;
            return counts.Select(count => count / (double)total).ToArray();
        }
    }
}
