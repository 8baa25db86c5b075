using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Scoring
{
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
            string.Join(";", rules.OrderBy(rule => rule.Id).Select(Item));

        /// <summary>
        /// The rules an activity can record as applied within <paramref name="maxLength"/> characters: those it applied before
        /// first, then the newly earned ones, most points first, as long as the text fits (about fifty rules in 2,000 characters).
        /// A newly earned rule that does not fit is not counted, so nothing is counted that the activity cannot remember.
        /// </summary>
        public static IReadOnlyList<ScoringRule> Recordable(IEnumerable<ScoringRule> before, IEnumerable<ScoringRule> earned, int maxLength)
        {
            var recorded = new List<ScoringRule>();
            var length = -1;
            foreach (var rule in before.Concat(earned.OrderByDescending(rule => Math.Abs(rule.Points)).ThenBy(rule => rule.Id)))
            {
                var added = Item(rule).Length + 1;
                if (length + added <= maxLength)
                {
                    recorded.Add(rule);
                    length += added;
                }
            }

            return recorded;
        }

        private static string Item(ScoringRule rule) => rule.Id.ToString("D") + ":" + rule.Points.ToString(CultureInfo.InvariantCulture);

        public static IReadOnlyList<Guid> AppliedRuleIds(string? applied) =>
            (applied ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(item => Guid.TryParse(item.Split(':')[0], out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty)
                .ToList();
    }
}
