using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Scoring.Calibration
{
    /// <summary>
    /// The scoring calibration of one period, computed once from what <see cref="ScoringCalibration.Assemble"/> read, with the
    /// calibration math (<see cref="Auc"/>, <see cref="BrierScore"/>, <see cref="Reliability"/>, <see cref="PopulationStability"/>,
    /// <see cref="CapacityThreshold"/>). The period counts as its length in days / 7 rounded to whole weeks, at least one.
    /// </summary>
    internal sealed class CalibrationFigures
    {
        public const string RepsFromSalesTeam = "salesTeam";
        public const string RepsFromHandoffOwners = "handoffOwners";

        public CalibrationFigures(
            DateTime start,
            DateTime end,
            DateTime previousStart,
            Entity? model,
            IReadOnlyList<CalibrationLead> population,
            int unscored,
            IReadOnlyList<int> scores,
            IReadOnlyList<int> previousScores,
            int reps,
            string repsFrom,
            int acceptsPerRepPerWeek)
        {
            Start = start;
            End = end;
            PreviousStart = previousStart;
            Population = population ?? throw new ArgumentNullException(nameof(population));
            Unscored = unscored;
            Scores = scores ?? throw new ArgumentNullException(nameof(scores));
            PreviousScores = previousScores ?? throw new ArgumentNullException(nameof(previousScores));
            Reps = reps;
            RepsFrom = repsFrom;
            AcceptsPerRepPerWeek = acceptsPerRepPerWeek;
            if (model != null)
            {
                ModelId = model.Id;
                ModelName = model.GetAttributeValue<string>(ScoringModelTable.Name);
                MqlThreshold = model.GetAttributeValue<int?>(ScoringModelTable.MqlThreshold) ?? 0;
                WarmThreshold = model.GetAttributeValue<int?>(ScoringModelTable.WarmThreshold) ?? 0;
                HotThreshold = model.GetAttributeValue<int?>(ScoringModelTable.HotThreshold) ?? 0;
            }

            SqlCases = population.Where(lead => lead.ReachedSql.HasValue).Select(lead => new ScoredOutcome(lead.Score, lead.ReachedSql!.Value)).ToList();
            WonCases = population.Where(lead => lead.Won.HasValue).Select(lead => new ScoredOutcome(lead.Score, lead.Won!.Value)).ToList();
            SqlAuc = Auc.Compute(SqlCases);
            WonAuc = Auc.Compute(WonCases);
            SqlBrier = BrierScore.Compute(SqlCases);
            SqlReliability = Reliability.Compute(SqlCases);
            Psi = PopulationStability.Compute(previousScores, scores);
            Weeks = Math.Max(1, (int)Math.Round((end - start).TotalDays / 7, MidpointRounding.AwayFromZero));
            Threshold = CapacityThreshold.Compute(scores, Weeks, Math.Max(0, reps), Math.Max(0, acceptsPerRepPerWeek));
        }

        public DateTime Start { get; }

        public DateTime End { get; }

        /// <summary>The start of the previous period of equal length (it ends at <see cref="Start"/>).</summary>
        public DateTime PreviousStart { get; }

        /// <summary>The active scoring model; null when there is none (then no bands and no MQLs a week at its threshold).</summary>
        public Guid? ModelId { get; }

        public string? ModelName { get; }

        public int MqlThreshold { get; }

        public int WarmThreshold { get; }

        public int HotThreshold { get; }

        public IReadOnlyList<CalibrationLead> Population { get; }

        /// <summary>The period's MQLs with no score at MQL and none now: left out.</summary>
        public int Unscored { get; }

        /// <summary>The current scores of the leads created in the period.</summary>
        public IReadOnlyList<int> Scores { get; }

        /// <summary>The current scores of the leads created in the previous period.</summary>
        public IReadOnlyList<int> PreviousScores { get; }

        public int Reps { get; }

        /// <summary><see cref="RepsFromSalesTeam"/> or <see cref="RepsFromHandoffOwners"/>.</summary>
        public string RepsFrom { get; }

        public int AcceptsPerRepPerWeek { get; }

        public int Weeks { get; }

        /// <summary>The population leads whose SQL outcome is known.</summary>
        public IReadOnlyList<ScoredOutcome> SqlCases { get; }

        /// <summary>The population leads with an outcome Won or Lost.</summary>
        public IReadOnlyList<ScoredOutcome> WonCases { get; }

        public double? SqlAuc { get; }

        public double? WonAuc { get; }

        public double? SqlBrier { get; }

        public IReadOnlyList<ReliabilityBin> SqlReliability { get; }

        public double? Psi { get; }

        /// <summary>The capacity threshold over <see cref="Scores"/>; null when no lead was scored in the period.</summary>
        public int? Threshold { get; }

        public double? MqlsPerWeekAtModelThreshold => ModelId.HasValue ? CapacityThreshold.ExpectedMqlsPerWeek(Scores, MqlThreshold, Weeks) : (double?)null;

        public double? MqlsPerWeekAtCapacityThreshold => Threshold.HasValue ? CapacityThreshold.ExpectedMqlsPerWeek(Scores, Threshold.Value, Weeks) : (double?)null;

        /// <summary>The band of a score by the model's thresholds, as scoring assigns it.</summary>
        public ScoreBand BandOf(int score) => score >= HotThreshold ? ScoreBand.Hot : score >= WarmThreshold ? ScoreBand.Warm : ScoreBand.Cold;
    }
}
