using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LeadAlign.Scoring
{
    /// <summary>
    /// A lead's engagement, by rule (the lead's la_engagementledger column): for each engagement rule, its points decayed to a
    /// moment, what it earned before decay (capped), and its latest activity. That is all decay needs, so the ledger's
    /// size depends on the rules that still hold points, never on how many activities were counted: which activity was counted
    /// for which rule is kept on the activity itself (la_engagementapplied), and <see cref="EngagementMatcher"/> reads it there.
    /// Points decay with the model's half-life: after one half-life they count half. A clock that moved backwards decays nothing.
    /// <para>
    /// Text form, version 2: a first line <c>v2</c>, then one line per rule <c>{rule id};{points};{earned};{as of};{last event}</c>
    /// (ids without dashes, invariant numbers, ISO dates in UTC), about 100 characters. A rule whose points decayed to nothing
    /// (four decimals) is dropped. The text written
    /// before version 2 (<c>rule;{id};{points};{earned};{as of};{last event}</c> lines and one <c>act;{activity};{rule}</c> line
    /// per counted activity) is still read: its rules are kept, its activity lines dropped, and the next write of the lead stores
    /// version 2, so a lead saved before the upgrade is migrated the next time it is scored.
    /// </para>
    /// </summary>
    internal sealed class EngagementLedger
    {
        private const string Version = "v2";
        private const string LastEventFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
        private readonly Dictionary<Guid, Entry> _rules = new Dictionary<Guid, Entry>();

        public IReadOnlyCollection<Entry> Entries => _rules.Values;

        public static EngagementLedger Parse(string? text)
        {
            var ledger = new EngagementLedger();
            var lines = (text ?? string.Empty).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()).ToList();
            var second = lines.Count > 0 && lines[0] == Version;
            foreach (var parts in lines.Skip(second ? 1 : 0).Select(line => line.Split(';')))
            {
                // Version 2: {rule id};{points};{earned};{as of};{last event}. Before: rule;{rule id};{points};{earned};{as of};{last event}
                // and act;{activity id};{rule id}, whose activities are the activities' own record now (la_engagementapplied).
                var first = second ? 0 : 1;
                if (parts.Length == first + 5 && (second || parts[0] == "rule") && Guid.TryParse(parts[first], out var ruleId)
                    && ParseNumber(parts[first + 1]) is decimal points && ParseNumber(parts[first + 2]) is decimal earned
                    && ParseDate(parts[first + 3]) is DateTime asOf && ParseDate(parts[first + 4]) is DateTime lastEvent)
                {
                    ledger._rules[ruleId] = new Entry(ruleId, points, earned, asOf, lastEvent);
                }
            }

            return ledger;
        }

        public static decimal DecayFactor(DateTime from, DateTime to, decimal halfLifeDays)
        {
            var days = (to - from).TotalDays;
            return days <= 0 ? 1m : (decimal)Math.Pow(0.5, days / (double)halfLifeDays);
        }

        /// <summary>Every rule's points, decayed to <paramref name="now"/>; a rule whose points decayed to nothing is dropped.</summary>
        public void DecayTo(DateTime now, decimal halfLifeDays)
        {
            foreach (var entry in _rules.Values.Where(entry => now > entry.AsOf).ToList())
            {
                entry.Points = Math.Round(entry.Points * DecayFactor(entry.AsOf, now, halfLifeDays), 4, MidpointRounding.AwayFromZero);
                entry.AsOf = now;
                if (entry.Points == 0m)
                {
                    _rules.Remove(entry.RuleId);
                }
            }
        }

        /// <summary>Engagement starts again from zero (recycling to Nurture); the activities keep what they applied, so none counts twice.</summary>
        public void ResetPoints() => _rules.Clear();

        /// <summary>
        /// Counts the points of one rule for one activity that happened at <paramref name="happenedOn"/>: decayed from then to
        /// now, added to the rule's decayed total, and capped. That an activity counts once per rule is the activity's own record
        /// (la_engagementapplied, written in the same transaction); the ledger only adds.
        /// </summary>
        public void Count(ScoringRule rule, DateTime happenedOn, DateTime now, decimal halfLifeDays)
        {
            DecayTo(now, halfLifeDays);
            if (!_rules.TryGetValue(rule.Id, out var entry))
            {
                entry = new Entry(rule.Id, 0m, 0m, now, happenedOn);
                _rules[rule.Id] = entry;
            }

            entry.Points = rule.ApplyCap(entry.Points + (rule.Points * DecayFactor(happenedOn, now, halfLifeDays)));
            entry.Earned = rule.ApplyCap(entry.Earned + rule.Points);
            entry.LastEvent = happenedOn > entry.LastEvent ? happenedOn : entry.LastEvent;
        }

        /// <summary>
        /// Keeps the text within <paramref name="maxLength"/> characters: when it would be longer (a model with about a thousand
        /// engagement rules or more, all earned by one lead), the rules holding the fewest points are dropped until it fits.
        /// Returns how many were dropped.
        /// </summary>
        public int KeepWithin(int maxLength)
        {
            var length = Version.Length + 1 + _rules.Values.Sum(entry => Line(entry).Length);
            var dropped = 0;
            foreach (var entry in _rules.Values.OrderBy(entry => Math.Abs(entry.Points)).ThenBy(entry => entry.RuleId).ToList())
            {
                if (length <= maxLength)
                {
                    break;
                }

                length -= Line(entry).Length;
                _rules.Remove(entry.RuleId);
                dropped++;
            }

            return dropped;
        }

        /// <summary>The version 2 text (empty when no rule holds points).</summary>
        public override string ToString()
        {
            if (_rules.Count == 0)
            {
                return string.Empty;
            }

            var text = new StringBuilder(Version).Append('\n');
            foreach (var entry in _rules.Values.OrderBy(entry => entry.RuleId))
            {
                text.Append(Line(entry));
            }

            return text.ToString();
        }

        private static decimal? ParseNumber(string text) =>
            decimal.TryParse(text, NumberStyles.Number, Invariant, out var number) ? number : (decimal?)null;

        private static DateTime? ParseDate(string text) =>
            DateTime.TryParse(text, Invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) ? date : (DateTime?)null;

        private static string Line(Entry entry) =>
            entry.RuleId.ToString("N") + ";" + entry.Points.ToString("0.####", Invariant) + ";" + entry.Earned.ToString("0.####", Invariant)
            + ";" + entry.AsOf.ToString("o", Invariant) + ";" + entry.LastEvent.ToString(LastEventFormat, Invariant) + "\n";

        /// <summary>One rule's engagement: its points decayed to a moment, what it earned before decay (capped), and its latest event.</summary>
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
