using System;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Scoring
{
    /// <summary>One rule of the active scoring model, as the scoring code reads it.</summary>
    internal sealed class ScoringRule
    {
        public ScoringRule(Guid id, string name, ScoreCategory category, int points, int? cap)
        {
            Id = id;
            Name = name;
            Category = category;
            Points = points;
            Cap = cap;
        }

        public Guid Id { get; }

        /// <summary>The reason shown on the lead.</summary>
        public string Name { get; }

        public ScoreCategory Category { get; }

        public int Points { get; }

        public int? Cap { get; }

        public string? Column { get; set; }

        public FitOperator? Operator { get; set; }

        /// <summary>The value in invariant form, as rule validation wrote it (choice labels replaced by values).</summary>
        public string? NormalizedValue { get; set; }

        /// <summary>The lead column's type name (AttributeTypeCode), as rule validation found it.</summary>
        public string? ColumnType { get; set; }

        public ActivityKind? ActivityKind { get; set; }

        public ActivityDirection? Direction { get; set; }

        public InteractionType? InteractionType { get; set; }

        /// <summary>An engagement rule showing buying intent (a demo request, a pricing visit): a handoff through it takes the hot lane.</summary>
        public bool HighIntent { get; set; }

        /// <summary>
        /// Why the rule cannot be evaluated, found when the model was loaded (its lead column no longer exists); null when it can.
        /// Such a rule is skipped and traced, never scored as if the column were empty.
        /// </summary>
        public string? Unusable { get; set; }

        /// <summary>Caps a rule's total points: the total keeps its sign and is at most Cap in size.</summary>
        public decimal ApplyCap(decimal total) => Cap == null ? total : Math.Sign(total) * Math.Min(Math.Abs(total), Cap.Value);

        public static ScoringRule FromRow(Entity row, string prefix)
        {
            T? Get<T>(string column) => row.Attributes.TryGetValue(prefix + column, out var value) ? (T?)Unalias(value) : default;
            var rule = new ScoringRule(
                Get<Guid>(ScoringRuleTable.Id),
                Get<string>(ScoringRuleTable.Name) ?? "(unnamed rule)",
                (ScoreCategory)(Get<OptionSetValue>(ScoringRuleTable.Category)?.Value ?? (int)ScoreCategory.Fit),
                Get<int?>(ScoringRuleTable.Points) ?? 0,
                Get<int?>(ScoringRuleTable.Cap))
            {
                Column = Get<string>(ScoringRuleTable.Column),
                Operator = (FitOperator?)Get<OptionSetValue>(ScoringRuleTable.Operator)?.Value,
                NormalizedValue = Get<string>(ScoringRuleTable.NormalizedValue),
                ColumnType = Get<string>(ScoringRuleTable.ColumnType),
                ActivityKind = (ActivityKind?)Get<OptionSetValue>(ScoringRuleTable.ActivityKind)?.Value,
                Direction = (ActivityDirection?)Get<OptionSetValue>(ScoringRuleTable.Direction)?.Value,
                InteractionType = (InteractionType?)Get<OptionSetValue>(ScoringRuleTable.InteractionType)?.Value,
                HighIntent = Get<bool?>(ScoringRuleTable.HighIntent) ?? false,
            };
            return rule;
        }

        private static object? Unalias(object? value) => value is AliasedValue aliased ? aliased.Value : value;
    }
}
