using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Scoring
{
    /// <summary>
    /// Scores a lead against the active model: fit from its columns, engagement from its ledger, decayed to now. Whatever the
    /// model (any number of rules, any points), what it computes fits the lead's columns (<see cref="ScoreColumns"/>): fit,
    /// engagement and score are clamped to their ranges, the reasons to their length, the ledger to its length.
    /// </summary>
    internal static class LeadScorer
    {
        private const char Minus = '\u2212';

        public static LeadScore Score(ScoringModel model, Entity lead, EngagementLedger ledger, DateTime now, Action<string> trace)
        {
            var reasons = new List<Reason>();
            var hits = new RuleHits();
            long fitTotal = 0;
            foreach (var rule in model.FitRules)
            {
                if (rule.Unusable != null)
                {
                    trace($"Scoring rule '{rule.Name}' ({rule.Id}) skipped: {rule.Unusable}.");
                    continue;
                }

                bool matches;
                try
                {
                    matches = FitEvaluator.Matches(rule, lead);
                }
                catch (StaleRuleException stale)
                {
                    trace($"Scoring rule '{rule.Name}' ({rule.Id}) skipped: {stale.Message}.");
                    continue;
                }

                if (matches)
                {
                    var points = (int)rule.ApplyCap(rule.Points);
                    fitTotal += points;
                    hits.Add(rule.Id, 1m);
                    reasons.Add(new Reason(points, Signed(points) + " " + rule.Name));
                }
            }

            ledger.DecayTo(now, model.HalfLifeDays);
            var dropped = ledger.KeepWithin(ScoreColumns.LedgerMaxLength);
            if (dropped > 0)
            {
                trace($"The engagement ledger keeps the {ledger.Entries.Count} rules with the most points: {dropped} rules with the fewest were dropped to fit its {ScoreColumns.LedgerMaxLength} characters.");
            }

            var engagementTotal = 0m;
            foreach (var entry in ledger.Entries)
            {
                var rule = model.Rule(entry.RuleId);
                if (rule == null || rule.Category != ScoreCategory.Engagement)
                {
                    continue;
                }

                engagementTotal += entry.Points;
                if (rule.Points != 0)
                {
                    hits.Add(rule.Id, entry.Points / rule.Points);
                }

                var shown = (int)Math.Round(entry.Points, 0, MidpointRounding.AwayFromZero);
                if (shown == 0)
                {
                    continue;
                }

                var text = Signed(shown) + " " + rule.Name + " " + Age(entry.LastEvent, now);
                if (shown != (int)entry.Earned)
                {
                    text += " (" + ((int)entry.Earned).ToString(CultureInfo.InvariantCulture).Replace('-', Minus) + ", decayed)";
                }

                reasons.Add(new Reason(entry.Points, text));
            }

            var fit = ScoreColumns.Clamp(fitTotal, ScoreColumns.FitMin, ScoreColumns.FitMax);
            var engagement = ScoreColumns.Clamp(Math.Round(engagementTotal, 2, MidpointRounding.AwayFromZero), ScoreColumns.EngagementMin, ScoreColumns.EngagementMax);
            var score = ScoreColumns.Clamp(fit + (long)Math.Round(engagement, 0, MidpointRounding.AwayFromZero), ScoreColumns.ScoreMin, ScoreColumns.ScoreMax);
            if (fit != fitTotal || engagement != Math.Round(engagementTotal, 2, MidpointRounding.AwayFromZero))
            {
                trace("The points exceed what the score columns hold: fit " + fitTotal.ToString(CultureInfo.InvariantCulture) + " and engagement " + engagementTotal.ToString("0.##", CultureInfo.InvariantCulture)
                    + " are kept as " + fit.ToString(CultureInfo.InvariantCulture) + " and " + engagement.ToString(CultureInfo.InvariantCulture) + ".");
            }

            return new LeadScore(fit, engagement, score, model.BandOf(score), Reasons(reasons, ScoreColumns.ReasonsMaxLength), ledger) { RuleHits = hits };
        }

        /// <summary>
        /// The reasons as the lead shows them: one line per rule, largest first. When they do not fit in
        /// <paramref name="maxLength"/> characters, the largest contributions (by size, gained or lost) are kept, in the same
        /// order, and a last line says how many more there are and what they add up to: "and 12 more (+34)".
        /// </summary>
        public static string Reasons(IReadOnlyList<Reason> reasons, int maxLength)
        {
            var ordered = reasons.OrderByDescending(reason => reason.Points).ThenBy(reason => reason.Text, StringComparer.Ordinal).ToList();
            var all = string.Join("\n", ordered.Select(reason => reason.Text));
            if (all.Length <= maxLength)
            {
                return all;
            }

            var kept = new HashSet<Reason>();
            var length = 0;
            var remaining = reasons.Count;
            var remainingPoints = reasons.Sum(reason => reason.Points);
            foreach (var reason in reasons.OrderByDescending(reason => Math.Abs(reason.Points)).ThenBy(reason => reason.Text, StringComparer.Ordinal))
            {
                var more = More(remaining - 1, remainingPoints - reason.Points);
                if (length + reason.Text.Length + 1 + more.Length > maxLength)
                {
                    break;
                }

                kept.Add(reason);
                length += reason.Text.Length + 1;
                remaining--;
                remainingPoints -= reason.Points;
            }

            return string.Join("\n", ordered.Where(kept.Contains).Select(reason => reason.Text).Concat(new[] { More(remaining, remainingPoints) }));
        }

        private static string More(int count, decimal points)
        {
            var rounded = (long)Math.Round(points, 0, MidpointRounding.AwayFromZero);
            var signed = rounded >= 0 ? "+" + rounded.ToString(CultureInfo.InvariantCulture) : Minus + (-rounded).ToString(CultureInfo.InvariantCulture);
            return "and " + count.ToString(CultureInfo.InvariantCulture) + " more (" + signed + ")";
        }

        private static string Signed(int points) =>
            points >= 0 ? "+" + points.ToString(CultureInfo.InvariantCulture) : Minus + (-points).ToString(CultureInfo.InvariantCulture);

        private static string Age(DateTime happenedOn, DateTime now)
        {
            var days = (int)Math.Floor((now - happenedOn).TotalDays);
            return days <= 0 ? "today" : days == 1 ? "1 day ago" : days.ToString(CultureInfo.InvariantCulture) + " days ago";
        }

        /// <summary>One line of the reasons and the points it stands for.</summary>
        internal sealed class Reason
        {
            public Reason(decimal points, string text)
            {
                Points = points;
                Text = text;
            }

            public decimal Points { get; }

            public string Text { get; }
        }
    }
}
