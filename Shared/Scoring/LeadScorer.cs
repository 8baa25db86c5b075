using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Scoring
{
    /// <summary>A lead's score as computed now: the values of the lead's scoring columns.</summary>
    internal sealed class LeadScore
    {
        public LeadScore(int fit, decimal engagement, int score, ScoreBand band, string reasons, EngagementLedger ledger)
        {
            Fit = fit;
            Engagement = engagement;
            Score = score;
            Band = band;
            Reasons = reasons;
            Ledger = ledger;
        }

        public int Fit { get; }

        public decimal Engagement { get; }

        public int Score { get; }

        public ScoreBand Band { get; }

        /// <summary>One line per rule that gave or took points, largest first: "+20 Job title contains Director".</summary>
        public string Reasons { get; }

        public EngagementLedger Ledger { get; }

        /// <summary>Writes the score into the lead's scoring columns.</summary>
        public void WriteTo(Entity lead, Guid modelId, DateTime now)
        {
            lead[LeadTable.FitScore] = Fit;
            lead[LeadTable.EngagementScore] = Engagement;
            lead[LeadTable.Score] = Score;
            lead[LeadTable.ScoreBand] = new OptionSetValue((int)Band);
            lead[LeadTable.ScoreReasons] = Reasons;
            lead[LeadTable.ScoredOn] = now;
            lead[LeadTable.ScoringModelId] = new EntityReference(ScoringModelTable.EntityName, modelId);
            lead[LeadTable.EngagementLedger] = Ledger.ToString();
        }

        /// <summary>Whether the stored lead already holds this score (the time it was computed aside).</summary>
        public bool SameAs(Entity stored) =>
            stored.GetAttributeValue<int?>(LeadTable.FitScore) == Fit
            && stored.GetAttributeValue<decimal?>(LeadTable.EngagementScore) == Engagement
            && stored.GetAttributeValue<int?>(LeadTable.Score) == Score
            && stored.GetAttributeValue<OptionSetValue>(LeadTable.ScoreBand)?.Value == (int)Band
            && stored.GetAttributeValue<string>(LeadTable.ScoreReasons) == Reasons;
    }

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

    /// <summary>Which engagement rules an activity earns, by its table, direction and interaction type.</summary>
    internal static class EngagementMatcher
    {
        public static readonly IReadOnlyDictionary<string, ActivityKind> KindByTable = new Dictionary<string, ActivityKind>(StringComparer.Ordinal)
        {
            ["email"] = ActivityKind.Email,
            ["phonecall"] = ActivityKind.PhoneCall,
            ["appointment"] = ActivityKind.Appointment,
            ["task"] = ActivityKind.Task,
            [MarketingInteractionTable.EntityName] = ActivityKind.MarketingInteraction,
        };

        public static IReadOnlyList<ScoringRule> RulesFor(ScoringModel model, Entity activity)
        {
            if (!KindByTable.TryGetValue(activity.LogicalName, out var kind))
            {
                return Array.Empty<ScoringRule>();
            }

            var outgoing = activity.GetAttributeValue<bool?>(ActivityColumns.DirectionCode);
            var interaction = activity.GetAttributeValue<OptionSetValue>(MarketingInteractionTable.InteractionType)?.Value;
            return model.EngagementRules
                .Where(rule => rule.ActivityKind == kind)
                .Where(rule => rule.Direction == null || rule.Direction == ActivityDirection.Any || (kind != ActivityKind.Email && kind != ActivityKind.PhoneCall)
                    || (outgoing != null && (rule.Direction == ActivityDirection.Outgoing) == outgoing.Value))
                .Where(rule => kind != ActivityKind.MarketingInteraction || rule.InteractionType == null || (int?)rule.InteractionType == interaction)
                .ToList();
        }

        /// <summary>The text an activity keeps of what it applied: "ruleid:points;..."; the parser reads the rule ids back.</summary>
        public static string AppliedText(IEnumerable<ScoringRule> rules) =>
            string.Join(";", rules.OrderBy(rule => rule.Id).Select(rule => rule.Id.ToString("D") + ":" + rule.Points.ToString(CultureInfo.InvariantCulture)));

        public static IReadOnlyList<Guid> AppliedRuleIds(string? applied) =>
            (applied ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(item => Guid.TryParse(item.Split(':')[0], out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty)
                .ToList();
    }
}
