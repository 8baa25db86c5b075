using System;
using System.Collections.Generic;
using System.Globalization;

namespace LeadAlign.Scoring.Fitting
{
    /// <summary>
    /// Proposes a model's points from the outcomes of its leads.
    /// <para>
    /// Features: the units of every rule fired for at least <see cref="MinimumHits"/> training leads (and not alike for all of
    /// them); the other rules keep their points, with a note saying why. The outcome is <see cref="FitCase.Reached"/>. The fit is
    /// <see cref="LogisticRegression"/> with penalty λ on the coefficients, not on the intercept.
    /// </para>
    /// <para>
    /// Points per logit s keeps the model's scale: s = sd(old scores) / sd(linear predictor without intercept) over the training
    /// leads (population standard deviations; 10 when either is 0). A fitted coefficient b becomes round(s × b) points, with the
    /// 95% interval round(s × (b ∓ 1.96 SE)); rounding is half away from zero. A rule not fitted keeps its points, interval
    /// [old, old].
    /// </para>
    /// <para>
    /// Thresholds by quantile matching: each proposed threshold (MQL, warm, hot) is the lowest whole t for which the share of
    /// training leads with a proposed score of t or more is not above the share with an old score at or above the old threshold
    /// (<see cref="FitScores.MatchedThreshold"/>), so marketing sends about as many MQLs as before. The matching keeps the old
    /// thresholds' order (a lower old threshold never gets a higher proposed one), but two thresholds can meet when few distinct
    /// proposed scores lie between them.
    /// </para>
    /// </summary>
    internal static class PointsProposal
    {
        /// <summary>
        /// The outcomes of each kind a proposal needs: Dynamics 365 Sales' predictive lead scoring asks the same, at least 40
        /// qualified and 40 disqualified leads to train a model (Microsoft Learn, "Lead management FAQs",
        /// learn.microsoft.com/dynamics365/sales/faq-lead: "a minimum of 40 qualified and 40 disqualified leads").
        /// </summary>
        public const int MinimumReached = 40, MinimumNotReached = 40;

        /// <summary>A rule fired for fewer training leads keeps its points: it needs more data.</summary>
        public const int MinimumHits = 10;

        /// <summary>The range of la_mqlthreshold, la_warmthreshold and la_hotthreshold.</summary>
        public const int MinimumThreshold = 0, MaximumThreshold = 100000;

        private const double Z95 = 1.96;
        private const double FallbackPointsPerLogit = 10;

        /// <summary>
        /// Fits the points of <paramref name="rules"/> to <paramref name="training"/>. Returns the proposal, or one whose
        /// <see cref="ProposedScoring.Refusal"/> says why nothing is proposed (too few outcomes of a kind, or a fit that did not settle).
        /// The thresholds are matched on <paramref name="population"/> when given: every lead of the training period, also those
        /// that never became MQLs or are still open, since the threshold decides which of them become MQLs (the training leads
        /// with an outcome are mostly MQLs already, so matching on them alone would let every lead through).
        /// </summary>
        public static ProposedScoring Propose(IReadOnlyList<FitRule> rules, IReadOnlyList<FitCase> training, FitScale scale, double lambda = 1.0, IReadOnlyList<FitCase>? population = null)
        {
            if (rules == null) throw new ArgumentNullException(nameof(rules));
            if (training == null) throw new ArgumentNullException(nameof(training));
            if (scale == null) throw new ArgumentNullException(nameof(scale));
            if (!(lambda >= 0) || double.IsInfinity(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "The penalty must be a finite number, 0 or more.");

            var n = training.Count;
            var reached = 0;
            foreach (var lead in training)
            {
                if (lead.Reached) reached++;
            }
            var notReached = n - reached;
            if (reached < MinimumReached || notReached < MinimumNotReached)
            {
                var refusal = string.Format(CultureInfo.InvariantCulture, "{0} {1} reached SQL and {2} did not; a proposal needs at least {3} of each",
                    reached, reached == 1 ? "lead" : "leads", notReached, Math.Max(MinimumReached, MinimumNotReached));
                return Refused(refusal, scale, n, reached, notReached);
            }

            // Which rules are fitted, and the evidence for each.
            var fitted = new List<FitRule>();
            var notes = new Dictionary<Guid, string>();
            var hits = new Dictionary<Guid, int>();
            var reachedWithHit = new Dictionary<Guid, int>();
            foreach (var rule in rules)
            {
                int fired = 0, firedReached = 0;
                var alike = true;
                foreach (var lead in training)
                {
                    var units = lead.UnitsOf(rule.Key);
                    if (units != 0)
                    {
                        fired++;
                        if (lead.Reached) firedReached++;
                    }
                    if (units != training[0].UnitsOf(rule.Key)) alike = false;
                }
                hits[rule.Key] = fired;
                reachedWithHit[rule.Key] = firedReached;
                if (fired == 0) notes[rule.Key] = "Never fired in the training period";
                else if (fired < MinimumHits) notes[rule.Key] = string.Format(CultureInfo.InvariantCulture, "Fired for {0} {1}; {2} are needed to fit its points", fired, fired == 1 ? "lead" : "leads", MinimumHits);
                else if (alike) notes[rule.Key] = "Fired alike for every training lead, so its effect cannot be told from the others'";
                else fitted.Add(rule);
            }

            var x = new List<double[]>(n);
            var y = new List<bool>(n);
            foreach (var lead in training)
            {
                var row = new double[fitted.Count];
                for (var j = 0; j < fitted.Count; j++) row[j] = lead.UnitsOf(fitted[j].Key);
                x.Add(row);
                y.Add(lead.Reached);
            }
            var fit = LogisticRegression.Fit(x, y, lambda);
            if (!fit.Converged)
            {
                return Refused("The fit did not settle (a rule may separate the leads that reached SQL from the others completely); propose again with a penalty above 0",
                    scale, n, reached, notReached);
            }

            // Points per logit, from the spread of the old scores and of the fitted linear predictor.
            var oldTotals = new double[n];
            var predictors = new double[n];
            for (var i = 0; i < n; i++)
            {
                oldTotals[i] = FitScores.Total(rules, training[i], rule => rule.Points);
                for (var j = 0; j < fitted.Count; j++) predictors[i] += fit.Coefficients[j + 1] * x[i][j];
            }
            var oldSpread = PopulationSd(oldTotals);
            var predictorSpread = PopulationSd(predictors);
            var pointsPerLogit = oldSpread > 0 && predictorSpread > 0 ? oldSpread / predictorSpread : FallbackPointsPerLogit;

            var coefficientOf = new Dictionary<Guid, int>();
            for (var j = 0; j < fitted.Count; j++) coefficientOf[fitted[j].Key] = j + 1;
            var proposals = new List<RuleProposal>(rules.Count);
            var newPoints = new Dictionary<Guid, int>();
            var overallRate = reached / (double)n;
            foreach (var rule in rules)
            {
                int points, low, high;
                if (coefficientOf.TryGetValue(rule.Key, out var index))
                {
                    var b = fit.Coefficients[index];
                    var se = fit.StandardErrors[index];
                    points = FitScores.ToWhole(pointsPerLogit * b);
                    low = FitScores.ToWhole(pointsPerLogit * (b - Z95 * se));
                    high = FitScores.ToWhole(pointsPerLogit * (b + Z95 * se));
                }
                else
                {
                    points = low = high = rule.Points;
                }
                newPoints[rule.Key] = points;
                var fired = hits[rule.Key];
                double? lift = fired == 0 ? (double?)null : reachedWithHit[rule.Key] / (double)fired / overallRate;
                proposals.Add(new RuleProposal(rule.Key, rule.Name, rule.Points, points, low, high, fired, reachedWithHit[rule.Key], lift,
                    notes.TryGetValue(rule.Key, out var note) ? note : null));
            }

            var matched = population != null && population.Count > 0 ? population : training;
            var oldScores = new int[matched.Count];
            var newScores = new int[matched.Count];
            for (var i = 0; i < matched.Count; i++)
            {
                oldScores[i] = FitScores.Score(rules, matched[i], rule => rule.Points);
                newScores[i] = FitScores.Score(rules, matched[i], rule => newPoints[rule.Key]);
            }
            // A threshold is a whole number of 0 or more (the model's threshold columns hold 0 to 100,000): where the proposed points
            // give many leads negative scores the matched threshold can fall below 0, and 0 then lets those leads through as before.
            var proposedScale = new FitScale(
                Threshold(FitScores.MatchedThreshold(oldScores, scale.MqlThreshold, newScores)!.Value),
                Threshold(FitScores.MatchedThreshold(oldScores, scale.WarmThreshold, newScores)!.Value),
                Threshold(FitScores.MatchedThreshold(oldScores, scale.HotThreshold, newScores)!.Value));
            return new ProposedScoring(null, proposals, proposedScale, pointsPerLogit, n, reached, notReached);
        }

        private static int Threshold(int matched) => Math.Max(MinimumThreshold, Math.Min(MaximumThreshold, matched));

        private static ProposedScoring Refused(string refusal, FitScale scale, int cases, int reached, int notReached)
        {
            return new ProposedScoring(refusal, Array.Empty<RuleProposal>(), scale, 0, cases, reached, notReached);
        }

        private static double PopulationSd(double[] values)
        {
            var mean = 0.0;
            foreach (var value in values) mean += value;
            mean /= values.Length;
            var squares = 0.0;
            foreach (var value in values) squares += (value - mean) * (value - mean);
            return Math.Sqrt(squares / values.Length);
        }
    }
}
