using System;
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

        /// <summary>The rules that gave the points, in units (<see cref="Scoring.RuleHits"/>).</summary>
        public RuleHits RuleHits { get; set; } = new RuleHits();

        /// <summary>
        /// Writes the score into the lead's scoring columns (<paramref name="lead"/>: the Target or update), and the rule hits
        /// while the lead has not become an MQL (<paramref name="stored"/>: what the lead holds, la_mqlon read), so they keep the
        /// hits it was handed off with.
        /// </summary>
        public void WriteTo(Entity lead, Entity stored, Guid modelId, DateTime now)
        {
            if (stored.GetAttributeValue<DateTime?>(LeadTable.MqlOn) == null && lead.GetAttributeValue<DateTime?>(LeadTable.MqlOn) == null)
            {
                lead[LeadTable.RuleHits] = RuleHits.ToString(ScoreColumns.RuleHitsMaxLength);
            }

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
            && stored.GetAttributeValue<string>(LeadTable.ScoreReasons) == Reasons
            && (stored.GetAttributeValue<DateTime?>(LeadTable.MqlOn) != null || stored.GetAttributeValue<string>(LeadTable.RuleHits) == RuleHits.ToString(ScoreColumns.RuleHitsMaxLength));
    }
}
