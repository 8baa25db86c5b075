using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Scoring.Calibration;

namespace LeadAlign.Scoring.Fitting
{
    /// <summary>
    /// Compares a proposal with the model it would replace on leads the fit did not see. Each held-out lead is scored under the
    /// old points and the proposed ones (<see cref="FitScores.Score"/>); then, per version: the AUC against reaching SQL
    /// (<see cref="Auc"/>), MQLs per week at the version's MQL threshold (weeks = the span of the leads' <see cref="FitCase.On"/>
    /// in days / 7, at least 1), the SAL rate (accepted share of the leads at or above that threshold) and the SQL rate in the
    /// top band (score at or above the version's hot threshold). When the held-out period's whole <c>population</c> is given
    /// (every lead of it, also those never handed off or still open), MQLs per week count it, and the SAL rate is the accepted
    /// share of its handed-off leads at or above the threshold (whether sales would have accepted a lead never handed off is
    /// unknown); AUC and the top-band rate stay on the leads with an outcome.
    /// </summary>
    internal static class ScoreBackTest
    {
        public static BackTestResult Run(IReadOnlyList<FitRule> rules, ProposedScoring proposal, FitScale oldScale, IReadOnlyList<FitCase> heldOut, IReadOnlyList<FitCase>? population = null)
        {
            if (rules == null) throw new ArgumentNullException(nameof(rules));
            if (proposal == null) throw new ArgumentNullException(nameof(proposal));
            if (oldScale == null) throw new ArgumentNullException(nameof(oldScale));
            if (heldOut == null) throw new ArgumentNullException(nameof(heldOut));
            if (proposal.Refusal != null) throw new ArgumentException("A refused proposal has no points to back-test: " + proposal.Refusal, nameof(proposal));

            var oldScores = heldOut.Select(lead => FitScores.Score(rules, lead, rule => rule.Points)).ToList();
            var newScores = heldOut.Select(lead => FitScores.Score(rules, lead, rule => proposal.PointsOf(rule.Key) ?? rule.Points)).ToList();
            var counted = population != null && population.Count > 0 ? population : heldOut;
            var countedOld = counted == heldOut ? oldScores : counted.Select(lead => FitScores.Score(rules, lead, rule => rule.Points)).ToList();
            var countedNew = counted == heldOut ? newScores : counted.Select(lead => FitScores.Score(rules, lead, rule => proposal.PointsOf(rule.Key) ?? rule.Points)).ToList();
            var handedOff = counted.Where(lead => lead.HandedOff).ToList();
            var handedOffOld = counted.Select((lead, i) => lead.HandedOff ? countedOld[i] : (int?)null).Where(score => score.HasValue).Select(score => score!.Value).ToList();
            var handedOffNew = counted.Select((lead, i) => lead.HandedOff ? countedNew[i] : (int?)null).Where(score => score.HasValue).Select(score => score!.Value).ToList();
            var weeks = 1.0;
            if (counted.Count > 0)
            {
                var span = counted.Max(lead => lead.On) - counted.Min(lead => lead.On);
                weeks = Math.Max(1.0, span.TotalDays / 7);
            }

            return new BackTestResult(heldOut.Count, weeks,
                Auc.Compute(heldOut.Select((lead, i) => new ScoredOutcome(oldScores[i], lead.Reached))),
                Auc.Compute(heldOut.Select((lead, i) => new ScoredOutcome(newScores[i], lead.Reached))),
                countedOld.Count(score => score >= oldScale.MqlThreshold) / weeks,
                countedNew.Count(score => score >= proposal.Scale.MqlThreshold) / weeks,
                RateAtOrAbove(handedOff, handedOffOld, oldScale.MqlThreshold, lead => lead.Accepted),
                RateAtOrAbove(handedOff, handedOffNew, proposal.Scale.MqlThreshold, lead => lead.Accepted),
                RateAtOrAbove(heldOut, oldScores, oldScale.HotThreshold, lead => lead.Reached),
                RateAtOrAbove(heldOut, newScores, proposal.Scale.HotThreshold, lead => lead.Reached),
                oldScores.Count(score => score >= oldScale.HotThreshold),
                newScores.Count(score => score >= proposal.Scale.HotThreshold));
        }

        /// <summary>The share of the leads scoring <paramref name="threshold"/> or more for which <paramref name="outcome"/> holds; null when there are none.</summary>
        private static double? RateAtOrAbove(IReadOnlyList<FitCase> leads, IReadOnlyList<int> scores, int threshold, Func<FitCase, bool> outcome)
        {
            int above = 0, yes = 0;
            for (var i = 0; i < leads.Count; i++)
            {
                if (scores[i] < threshold) continue;
                above++;
                if (outcome(leads[i])) yes++;
            }
            return above == 0 ? (double?)null : yes / (double)above;
        }
    }
}
