using System;
using System.Collections.Generic;

namespace LeadAlign.Scoring.Fitting
{
    /// <summary>
    /// The points and thresholds the fit proposes, or, when <see cref="Refusal"/> is set, why nothing is proposed: then
    /// <see cref="Rules"/> is empty, <see cref="Scale"/> is the model's own scale and <see cref="PointsPerLogit"/> is 0.
    /// </summary>
    internal sealed class ProposedScoring
    {
        public ProposedScoring(string? refusal, IReadOnlyList<RuleProposal> rules, FitScale scale, double pointsPerLogit, int trainingCases, int reached, int notReached)
        {
            Refusal = refusal;
            Rules = rules ?? throw new ArgumentNullException(nameof(rules));
            Scale = scale ?? throw new ArgumentNullException(nameof(scale));
            PointsPerLogit = pointsPerLogit;
            TrainingCases = trainingCases;
            Reached = reached;
            NotReached = notReached;
        }

        /// <summary>Why nothing is proposed, in words a marketer can act on; null when there is a proposal.</summary>
        public string? Refusal { get; }

        /// <summary>One proposal per rule of the model, in the model's order.</summary>
        public IReadOnlyList<RuleProposal> Rules { get; }

        /// <summary>The proposed MQL, warm and hot thresholds.</summary>
        public FitScale Scale { get; }

        /// <summary>The points one unit of logit is worth: a fitted coefficient b becomes round(PointsPerLogit × b) points.</summary>
        public double PointsPerLogit { get; }

        public int TrainingCases { get; }

        public int Reached { get; }

        public int NotReached { get; }

        /// <summary>The proposed points of rule <paramref name="key"/>; null when the proposal has no such rule.</summary>
        public int? PointsOf(Guid key)
        {
            foreach (var rule in Rules)
            {
                if (rule.Key == key) return rule.NewPoints;
            }
            return null;
        }
    }
}
