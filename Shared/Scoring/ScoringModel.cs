using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;

namespace LeadAlign.Scoring
{
    /// <summary>The active scoring model and its active rules.</summary>
    internal sealed class ScoringModel
    {
        public ScoringModel(Guid id, string name, int mqlThreshold, int warmThreshold, int hotThreshold, decimal halfLifeDays, IReadOnlyList<IReadOnlyList<string>> requiredColumns, IReadOnlyList<ScoringRule> rules)
        {
            Id = id;
            Name = name;
            MqlThreshold = mqlThreshold;
            WarmThreshold = warmThreshold;
            HotThreshold = hotThreshold;
            HalfLifeDays = halfLifeDays > 0 ? halfLifeDays : 30m;
            RequiredColumns = requiredColumns;
            Rules = rules;
        }

        public Guid Id { get; }

        public string Name { get; }

        public int MqlThreshold { get; }

        public int WarmThreshold { get; }

        public int HotThreshold { get; }

        public decimal HalfLifeDays { get; }

        /// <summary>Each entry is satisfied by any one of its columns (emailaddress1|telephone1).</summary>
        public IReadOnlyList<IReadOnlyList<string>> RequiredColumns { get; }

        public IReadOnlyList<ScoringRule> Rules { get; }

        /// <summary>Whether recycling a lead to Nurture starts its engagement again from zero.</summary>
        public bool NurtureResetsEngagement { get; set; }

        public IEnumerable<ScoringRule> FitRules => Rules.Where(rule => rule.Category == ScoreCategory.Fit);

        public IEnumerable<ScoringRule> EngagementRules => Rules.Where(rule => rule.Category == ScoreCategory.Engagement);

        public ScoringRule? Rule(Guid id) => Rules.FirstOrDefault(rule => rule.Id == id);

        public ScoreBand BandOf(int score) => score >= HotThreshold ? ScoreBand.Hot : score >= WarmThreshold ? ScoreBand.Warm : ScoreBand.Cold;

        /// <summary>The required-columns text of a model: comma-separated entries, alternatives joined with |.</summary>
        public static IReadOnlyList<IReadOnlyList<string>> ParseRequiredColumns(string? text) =>
            (text ?? string.Empty).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(entry => (IReadOnlyList<string>)entry.Split(new[] { '|' }, StringSplitOptions.RemoveEmptyEntries).Select(column => column.Trim().ToLowerInvariant()).Where(column => column.Length > 0).ToList())
                .Where(entry => entry.Count > 0)
                .ToList();
    }
}
