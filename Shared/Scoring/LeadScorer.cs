using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Scoring
{
    /// <summary>Scores a lead against the active model: fit from its columns, engagement from its ledger, decayed to now.</summary>
    internal static class LeadScorer
    {
        private const char Minus = '\u2212';

        public static LeadScore Score(ScoringModel model, Entity lead, EngagementLedger ledger, DateTime now, Action<string> trace)
        {
            var lines = new List<KeyValuePair<decimal, string>>();
            var fit = 0;
            foreach (var rule in model.FitRules)
            {
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
                    fit += points;
                    lines.Add(new KeyValuePair<decimal, string>(points, Signed(points) + " " + rule.Name));
                }
            }

            ledger.DecayTo(now, model.HalfLifeDays);
            var engagement = 0m;
            foreach (var entry in ledger.Entries)
            {
                var rule = model.Rule(entry.RuleId);
                if (rule == null || rule.Category != ScoreCategory.Engagement)
                {
                    continue;
                }

                engagement += entry.Points;
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

                lines.Add(new KeyValuePair<decimal, string>(entry.Points, text));
            }

            engagement = Math.Round(engagement, 2, MidpointRounding.AwayFromZero);
            var score = fit + (int)Math.Round(engagement, 0, MidpointRounding.AwayFromZero);
            var reasons = string.Join("\n", lines.OrderByDescending(line => line.Key).ThenBy(line => line.Value, StringComparer.Ordinal).Select(line => line.Value));
            return new LeadScore(fit, engagement, score, model.BandOf(score), reasons, ledger);
        }

        private static string Signed(int points) =>
            points >= 0 ? "+" + points.ToString(CultureInfo.InvariantCulture) : Minus + (-points).ToString(CultureInfo.InvariantCulture);

        private static string Age(DateTime happenedOn, DateTime now)
        {
            var days = (int)Math.Floor((now - happenedOn).TotalDays);
            return days <= 0 ? "today" : days == 1 ? "1 day ago" : days.ToString(CultureInfo.InvariantCulture) + " days ago";
        }
    }
}
