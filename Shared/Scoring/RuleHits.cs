using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LeadAlign.Scoring
{
    /// <summary>
    /// The rules that gave a lead points, in units (the lead's la_rulehits column): a fit rule that matched counts 1; an
    /// engagement rule counts its decayed, capped points divided by the rule's points, so 2.5 is two and a half activities'
    /// worth. It is what <c>la_ProposeScoringModel</c> fits points to, so it names rules, never points: a proposal can re-weigh
    /// the same hits. Scoring writes it until the lead becomes an MQL; from then on it keeps the hits the lead was handed off with.
    /// <para>
    /// Text form, version 1: a first line <c>h1</c>, then one line per rule <c>{rule id};{units}</c> (ids without dashes,
    /// invariant numbers with up to four decimals), ordered by rule id, about 40 characters a rule. When the rules do not fit the
    /// column, the ones with the most units are kept.
    /// </para>
    /// </summary>
    internal sealed class RuleHits
    {
        private const string Version = "h1";
        private readonly SortedDictionary<Guid, decimal> _units = new SortedDictionary<Guid, decimal>();

        /// <summary>Units by rule id.</summary>
        public IReadOnlyDictionary<Guid, decimal> Units => _units;

        public static RuleHits Parse(string? text)
        {
            var hits = new RuleHits();
            var lines = (text ?? string.Empty).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()).ToList();
            if (lines.Count == 0 || lines[0] != Version)
            {
                return hits;
            }

            foreach (var parts in lines.Skip(1).Select(line => line.Split(';')))
            {
                if (parts.Length == 2 && Guid.TryParse(parts[0], out var rule)
                    && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var units) && units != 0m)
                {
                    hits._units[rule] = units;
                }
            }

            return hits;
        }

        /// <summary>Adds a rule's units (four decimals); a rule that adds nothing is left out.</summary>
        public void Add(Guid rule, decimal units)
        {
            var rounded = Math.Round(units, 4, MidpointRounding.AwayFromZero);
            if (rounded != 0m)
            {
                _units[rule] = rounded;
            }
        }

        /// <summary>The text form within <paramref name="maxLength"/> characters: the rules with the most units first when not all fit.</summary>
        public string ToString(int maxLength)
        {
            var lines = _units.Select(pair => new KeyValuePair<Guid, string>(pair.Key, pair.Key.ToString("N") + ";" + pair.Value.ToString("0.####", CultureInfo.InvariantCulture))).ToList();
            var length = Version.Length;
            var kept = new HashSet<Guid>();
            foreach (var pair in _units.OrderByDescending(pair => Math.Abs(pair.Value)).ThenBy(pair => pair.Key))
            {
                var line = lines.First(each => each.Key == pair.Key).Value;
                if (length + 1 + line.Length > maxLength)
                {
                    break;
                }

                kept.Add(pair.Key);
                length += 1 + line.Length;
            }

            var text = new StringBuilder(Version);
            foreach (var line in lines.Where(each => kept.Contains(each.Key)))
            {
                text.Append('\n').Append(line.Value);
            }

            return text.ToString();
        }

        public override string ToString() => ToString(int.MaxValue);
    }
}
