using System;

namespace LeadAlign.Scoring.Fitting
{
    /// <summary>A rule of the model as the fit sees it; <see cref="Key"/> matches the keys of <see cref="FitCase.Hits"/>.</summary>
    internal sealed class FitRule
    {
        public FitRule(Guid key, string name, bool engagement, int points, int? cap)
        {
            Key = key;
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Engagement = engagement;
            Points = points;
            Cap = cap;
        }

        public Guid Key { get; }

        public string Name { get; }

        public bool Engagement { get; }

        /// <summary>The rule's points in the model now.</summary>
        public int Points { get; }

        /// <summary>The most points the rule adds in total (its sign kept), as <see cref="ScoringRule.ApplyCap"/>; null for no cap.</summary>
        public int? Cap { get; }

        /// <summary>
        /// What the rule adds to a lead's score at <paramref name="points"/> points a unit: units × points, capped as the scorer caps
        /// it (the total keeps its sign and is at most <see cref="Cap"/> in size).
        /// </summary>
        public double Contribution(double units, int points)
        {
            var total = units * points;
            return Cap == null ? total : Math.Sign(total) * Math.Min(Math.Abs(total), Cap.Value);
        }
    }
}
