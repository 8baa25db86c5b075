using System.Linq;
using LeadAlign.Reporting;
using LeadAlign.Schema;

namespace LeadAlign.Scoring.Calibration
{
    /// <summary>
    /// Writes <see cref="CalibrationFigures"/> as JSON, the same in la_GetScoringCalibration's Calibration and in the alignment
    /// report's "calibration" section: AUC with 3 decimals, Brier and PSI with 4, percents and means with 1.
    /// </summary>
    internal static class CalibrationJson
    {
        public const string PopulationRule =
            "Leads that became MQL in the period (la_mqlon), scored as at their move to MQL. SQL figures: leads that reached SQL against leads rejected, sent to Nurture or disqualified; leads still MQL or SAL are open and left out. Won figures: outcome Won against Lost; leads with no outcome are left out.";

        public const string ScoresRule =
            "Current score of the leads created in the period, against the leads created in the previous period of equal length.";

        public static readonly ScoreBand[] Bands = { ScoreBand.Hot, ScoreBand.Warm, ScoreBand.Cold };

        /// <summary>The calibration's properties, into an object the caller has opened.</summary>
        public static void WriteProperties(JsonWriter json, CalibrationFigures figures)
        {
            json.Name("period").BeginObject().Name("start").Instant(figures.Start).Name("end").Instant(figures.End).EndObject();
            json.Name("previousPeriod").BeginObject().Name("start").Instant(figures.PreviousStart).Name("end").Instant(figures.Start).EndObject();
            json.Name("model");
            if (figures.ModelId.HasValue)
            {
                json.BeginObject()
                    .Property("id", figures.ModelId.Value.ToString("D"))
                    .Property("name", figures.ModelName)
                    .Property("mqlThreshold", figures.MqlThreshold)
                    .Property("warmThreshold", figures.WarmThreshold)
                    .Property("hotThreshold", figures.HotThreshold)
                    .EndObject();
            }
            else
            {
                json.Null();
            }

            var population = figures.Population;
            json.Name("population").BeginObject()
                .Property("rule", PopulationRule)
                .Property("mqls", population.Count + figures.Unscored)
                .Property("unscored", figures.Unscored)
                .Property("scored", population.Count)
                .Property("sqlDecided", figures.SqlCases.Count)
                .Property("open", population.Count(lead => !lead.ReachedSql.HasValue))
                .Property("reachedSql", figures.SqlCases.Count(item => item.Reached))
                .Property("withOutcome", figures.WonCases.Count)
                .Property("won", figures.WonCases.Count(item => item.Reached))
                .EndObject();

            json.Name("sql").BeginObject()
                .Name("auc").Fixed(figures.SqlAuc, 3)
                .Name("brier").Fixed(figures.SqlBrier, 4)
                .Name("reliability").BeginArray();
            foreach (var bin in figures.SqlReliability)
            {
                json.BeginObject()
                    .Property("decile", bin.Decile)
                    .Property("leads", bin.Count)
                    .Property("lowestScore", bin.LowestScore)
                    .Property("highestScore", bin.HighestScore)
                    .Name("meanScore").Fixed(bin.MeanScore, 1)
                    .Name("predictedPercent").Fixed(System.Math.Min(100.0, System.Math.Max(0.0, bin.MeanScore)), 1)
                    .Name("observedPercent").Fixed(bin.ObservedRate * 100, 1)
                    .EndObject();
            }

            json.EndArray().EndObject();
            json.Name("won").BeginObject().Name("auc").Fixed(figures.WonAuc, 3).EndObject();

            json.Name("bands").BeginArray();
            if (figures.ModelId.HasValue)
            {
                foreach (var band in Bands)
                {
                    var leads = population.Where(lead => figures.BandOf(lead.Score) == band).ToList();
                    var decided = leads.Count(lead => lead.ReachedSql.HasValue);
                    var sql = leads.Count(lead => lead.ReachedSql == true);
                    var outcomes = leads.Count(lead => lead.Won.HasValue);
                    var won = leads.Count(lead => lead.Won == true);
                    json.BeginObject()
                        .Property("band", band.ToString())
                        .Property("minScore", band == ScoreBand.Hot ? figures.HotThreshold : band == ScoreBand.Warm ? figures.WarmThreshold : (int?)null)
                        .Property("leads", leads.Count)
                        .Property("open", leads.Count - decided)
                        .Property("sql", sql)
                        .Name("sqlPercent").OneDecimal(ReportMath.Percent(sql, decided))
                        .Property("withOutcome", outcomes)
                        .Property("won", won)
                        .Name("winPercent").OneDecimal(ReportMath.Percent(won, outcomes))
                        .EndObject();
                }
            }

            json.EndArray();

            json.Name("psi").BeginObject()
                .Property("rule", ScoresRule)
                .Name("value").Fixed(figures.Psi, 4)
                .Property("leads", figures.Scores.Count)
                .Property("previousLeads", figures.PreviousScores.Count)
                .EndObject();

            json.Name("capacity").BeginObject()
                .Property("reps", figures.Reps)
                .Property("repsFrom", figures.RepsFrom)
                .Property("acceptsPerRepPerWeek", figures.AcceptsPerRepPerWeek)
                .Property("weeks", figures.Weeks)
                .Property("leadsPerWeek", figures.Reps * figures.AcceptsPerRepPerWeek)
                .Property("scoredLeads", figures.Scores.Count)
                .Property("threshold", figures.Threshold)
                .Property("mqlThreshold", figures.ModelId.HasValue ? figures.MqlThreshold : (int?)null)
                .Name("mqlsPerWeekAtMqlThreshold").Fixed(figures.MqlsPerWeekAtModelThreshold, 1)
                .Name("mqlsPerWeekAtThreshold").Fixed(figures.MqlsPerWeekAtCapacityThreshold, 1)
                .EndObject();
        }
    }
}
