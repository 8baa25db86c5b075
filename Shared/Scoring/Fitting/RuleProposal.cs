using System;

namespace LeadAlign.Scoring.Fitting
{
    /// <summary>What the fit proposes for one rule, with the evidence behind it.</summary>
    internal sealed class RuleProposal
    {
        public RuleProposal(Guid key, string name, int oldPoints, int newPoints, int pointsLow, int pointsHigh, int hits, int reachedWithHit, double? lift, string? note)
        {
            Key = key;
            Name = name;
            OldPoints = oldPoints;
            NewPoints = newPoints;
            PointsLow = pointsLow;
            PointsHigh = pointsHigh;
            Hits = hits;
            ReachedWithHit = reachedWithHit;
            Lift = lift;
            Note = note;
        }

        public Guid Key { get; }

        public string Name { get; }

        public int OldPoints { get; }

        public int NewPoints { get; }

        /// <summary>The low end of the 95% interval, on the points scale (the old points when the rule was not fitted).</summary>
        public int PointsLow { get; }

        /// <summary>The high end of the 95% interval, on the points scale (the old points when the rule was not fitted).</summary>
        public int PointsHigh { get; }

        /// <summary>The training leads the rule fired for.</summary>
        public int Hits { get; }

        /// <summary>Of <see cref="Hits"/>, those that reached the outcome.</summary>
        public int ReachedWithHit { get; }

        /// <summary>The outcome rate among the leads it fired for divided by the overall rate; null when it never fired.</summary>
        public double? Lift { get; }

        public bool NeverFired => Hits == 0;

        /// <summary>Why the rule keeps its points; null when they were fitted.</summary>
        public string? Note { get; }

        /// <summary>The rule's points were fitted (not kept for want of data).</summary>
        public bool Fitted => Note == null;
    }
}
