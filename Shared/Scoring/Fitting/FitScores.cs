using System;
using System.Collections.Generic;

namespace LeadAlign.Scoring.Fitting
{
    /// <summary>A lead's score under a set of points, as the fit and the back-test compute it, and the quantile-matched threshold.</summary>
    internal static class FitScores
    {
        /// <summary>
        /// The score of <paramref name="lead"/>: the sum over <paramref name="rules"/> of units × points, each rule's total capped
        /// by its cap, rounded to a whole score (halves away from zero, as the scorer rounds).
        /// </summary>
        public static int Score(IReadOnlyList<FitRule> rules, FitCase lead, Func<FitRule, int> points)
        {
            return ToWhole(Total(rules, lead, points));
        }

        /// <summary>The unrounded score of <paramref name="lead"/>; see <see cref="Score"/>.</summary>
        public static double Total(IReadOnlyList<FitRule> rules, FitCase lead, Func<FitRule, int> points)
        {
            if (rules == null) throw new ArgumentNullException(nameof(rules));
            if (lead == null) throw new ArgumentNullException(nameof(lead));
            if (points == null) throw new ArgumentNullException(nameof(points));
            var total = 0.0;
            foreach (var rule in rules)
            {
                var units = lead.UnitsOf(rule.Key);
                if (units != 0) total += rule.Contribution(units, points(rule));
            }
            return total;
        }

        /// <summary>
        /// The threshold on <paramref name="newScores"/> that lets through no larger a share than <paramref name="oldThreshold"/>
        /// lets through of <paramref name="oldScores"/> (the same leads): the lowest whole t with
        /// count(new ≥ t) ≤ count(old ≥ old threshold). That is one above the (k + 1)-th best new score when k old scores clear the
        /// old threshold, or the lowest new score when all of them do. Null when there are no scores.
        /// </summary>
        public static int? MatchedThreshold(IReadOnlyList<int> oldScores, int oldThreshold, IReadOnlyList<int> newScores)
        {
            if (oldScores == null) throw new ArgumentNullException(nameof(oldScores));
            if (newScores == null) throw new ArgumentNullException(nameof(newScores));
            if (oldScores.Count != newScores.Count) throw new ArgumentException("Old and new scores must be of the same leads.", nameof(newScores));
            if (newScores.Count == 0) return null;
            var cleared = 0;
            foreach (var score in oldScores)
            {
                if (score >= oldThreshold) cleared++;
            }
            var descending = new List<int>(newScores);
            descending.Sort((left, right) => right.CompareTo(left));
            if (cleared >= descending.Count) return descending[descending.Count - 1];
            return checked(descending[cleared] + 1);
        }

        /// <summary>Rounds to a whole number, halves away from zero, held within the range of an int.</summary>
        public static int ToWhole(double value)
        {
            if (double.IsNaN(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "A score cannot be NaN.");
            var rounded = Math.Round(value, MidpointRounding.AwayFromZero);
            return rounded >= int.MaxValue ? int.MaxValue : rounded <= int.MinValue ? int.MinValue : (int)rounded;
        }
    }
}
