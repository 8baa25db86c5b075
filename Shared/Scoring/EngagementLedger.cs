using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LeadAlign.Scoring
{
    /// <summary>
    /// A lead's engagement, by rule, and the activities already counted (the lead's la_engagementledger column).
    /// Each rule's points decay with the model's half-life: after one half-life they count half. Points are decayed from the
    /// moment they were recorded to "now"; a clock that moved backwards decays nothing (no time is negative).
    /// Text form, one entry a line: <c>rule;{id};{points};{earned};{as of};{last event}</c> and <c>act;{activity id};{rule id}</c>.
    /// </summary>
    internal sealed class EngagementLedger
    {
        private readonly Dictionary<Guid, Entry> _rules = new Dictionary<Guid, Entry>();
        private readonly HashSet<string> _counted = new HashSet<string>(StringComparer.Ordinal);

        public IReadOnlyCollection<Entry> Entries => _rules.Values;

        public static EngagementLedger Parse(string? text)
        {
            var ledger = new EngagementLedger();
            foreach (var line in (text ?? string.Empty).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = line.Trim().Split(';');
                var invariant = CultureInfo.InvariantCulture;
                if (parts.Length == 6 && parts[0] == "rule" && Guid.TryParse(parts[1], out var ruleId)
                    && decimal.TryParse(parts[2], NumberStyles.Number, invariant, out var points)
                    && decimal.TryParse(parts[3], NumberStyles.Number, invariant, out var earned)
                    && DateTime.TryParse(parts[4], invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var asOf)
                    && DateTime.TryParse(parts[5], invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var lastEvent))
                {
                    ledger._rules[ruleId] = new Entry(ruleId, points, earned, asOf, lastEvent);
                }
                else if (parts.Length == 3 && parts[0] == "act")
                {
                    ledger._counted.Add(parts[1] + ";" + parts[2]);
                }
            }

            return ledger;
        }

        public static decimal DecayFactor(DateTime from, DateTime to, decimal halfLifeDays)
        {
            var days = (to - from).TotalDays;
            return days <= 0 ? 1m : (decimal)Math.Pow(0.5, days / (double)halfLifeDays);
        }

        /// <summary>Every rule's points, decayed to <paramref name="now"/>.</summary>
        public void DecayTo(DateTime now, decimal halfLifeDays)
        {
            foreach (var entry in _rules.Values)
            {
                if (now > entry.AsOf)
                {
                    entry.Points = Math.Round(entry.Points * DecayFactor(entry.AsOf, now, halfLifeDays), 4, MidpointRounding.AwayFromZero);
                    entry.AsOf = now;
                }
            }
        }

        /// <summary>Engagement starts again from zero; the activities already counted stay counted, so none counts twice.</summary>
        public void ResetPoints() => _rules.Clear();

        public bool HasCounted(Guid activityId, Guid ruleId) => _counted.Contains(activityId.ToString("D") + ";" + ruleId.ToString("D"));

        /// <summary>
        /// Counts the points of one rule for one activity that happened at <paramref name="happenedOn"/>, once: decayed from then
        /// to now, added to the rule's decayed total, and capped. Returns false when this activity was already counted for the rule.
        /// </summary>
        public bool Count(Guid activityId, ScoringRule rule, DateTime happenedOn, DateTime now, decimal halfLifeDays)
        {
            if (HasCounted(activityId, rule.Id))
            {
                return false;
            }

            DecayTo(now, halfLifeDays);
            if (!_rules.TryGetValue(rule.Id, out var entry))
            {
                entry = new Entry(rule.Id, 0m, 0m, now, happenedOn);
                _rules[rule.Id] = entry;
            }

            entry.Points = rule.ApplyCap(entry.Points + (rule.Points * DecayFactor(happenedOn, now, halfLifeDays)));
            entry.Earned = rule.ApplyCap(entry.Earned + rule.Points);
            entry.LastEvent = happenedOn > entry.LastEvent ? happenedOn : entry.LastEvent;
            _counted.Add(activityId.ToString("D") + ";" + rule.Id.ToString("D"));
            return true;
        }

        public override string ToString()
        {
            var invariant = CultureInfo.InvariantCulture;
            var text = new StringBuilder();
            foreach (var entry in _rules.Values.OrderBy(entry => entry.RuleId))
            {
                text.Append("rule;").Append(entry.RuleId.ToString("D")).Append(';')
                    .Append(entry.Points.ToString("0.####", invariant)).Append(';')
                    .Append(entry.Earned.ToString("0.####", invariant)).Append(';')
                    .Append(entry.AsOf.ToString("o", invariant)).Append(';')
                    .Append(entry.LastEvent.ToString("o", invariant)).Append('\n');
            }

            foreach (var counted in _counted.OrderBy(key => key, StringComparer.Ordinal))
            {
                text.Append("act;").Append(counted).Append('\n');
            }

            return text.ToString();
        }

        /// <summary>One rule's engagement: its decayed points as of a moment, what it earned before decay, and its latest event.</summary>
        internal sealed class Entry
        {
            public Entry(Guid ruleId, decimal points, decimal earned, DateTime asOf, DateTime lastEvent)
            {
                RuleId = ruleId;
                Points = points;
                Earned = earned;
                AsOf = asOf;
                LastEvent = lastEvent;
            }

            public Guid RuleId { get; }

            public decimal Points { get; set; }

            public decimal Earned { get; set; }

            public DateTime AsOf { get; set; }

            public DateTime LastEvent { get; set; }
        }
    }
}
