using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// The cohort's figures: the waterfall (Inquiry, MQL, SAL, SQL, Opportunity, Won) with conversion from the row before and
    /// the median and 90th-percentile hours from first reaching the stage before; revenue won; the same counts by campaign, by
    /// lead source and by score band.
    /// </summary>
    internal static class FunnelSection
    {
        public const string NoCampaign = "(no campaign)";
        public const string NoSource = "(none)";

        public static void Write(JsonWriter json, IReadOnlyCollection<LeadJourney> cohort, IReadOnlyList<KeyValuePair<int, string>> sources)
        {
            json.Property("leads", cohort.Count);
            json.Name("waterfall").BeginArray();
            var previous = (int?)null;
            foreach (var row in Waterfall(cohort))
            {
                var hours = cohort.Select(row.Hours).Where(value => value.HasValue).Select(value => value!.Value).ToList();
                json.BeginObject()
                    .Property("stage", row.Stage)
                    .Property("count", row.Count)
                    .Name("conversionPercent").OneDecimal(previous.HasValue ? ReportMath.Percent(row.Count, previous.Value) : null)
                    .Name("medianHours").OneDecimal(ReportMath.Percentile(hours, 0.5m))
                    .Name("p90Hours").OneDecimal(ReportMath.Percentile(hours, 0.9m))
                    .EndObject();
                previous = row.Count;
            }

            json.EndArray();
            json.Property("revenueWon", cohort.Sum(journey => journey.Revenue));

            json.Name("byCampaign");
            Groups(json, cohort.GroupBy(journey => journey.CampaignId).Select(group => new KeyValuePair<string, List<LeadJourney>>(group.First().CampaignName ?? NoCampaign, group.ToList())));
            var labels = sources.ToDictionary(option => option.Key, option => option.Value);
            json.Name("bySource");
            Groups(json, cohort.GroupBy(journey => journey.Source).Select(group => new KeyValuePair<string, List<LeadJourney>>(
                group.Key.HasValue ? (labels.TryGetValue(group.Key.Value, out var label) ? label : group.Key.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) : NoSource,
                group.ToList())));
        }

        /// <summary>SQL and win rate per score band, bands in the choice's order.</summary>
        public static void WriteScoreBands(JsonWriter json, IReadOnlyCollection<LeadJourney> cohort, IReadOnlyList<KeyValuePair<int, string>> bands)
        {
            json.Name("scoreBands").BeginArray();
            foreach (var band in bands)
            {
                var leads = cohort.Where(journey => journey.Band == band.Key).ToList();
                var sql = leads.Count(journey => journey.Reached(LeadStage.Sql));
                var won = leads.Count(journey => journey.Won);
                json.BeginObject()
                    .Property("band", band.Value)
                    .Property("leads", leads.Count)
                    .Property("sql", sql)
                    .Name("sqlPercent").OneDecimal(ReportMath.Percent(sql, leads.Count))
                    .Property("won", won)
                    .Name("winPercent").OneDecimal(ReportMath.Percent(won, leads.Count))
                    .EndObject();
            }

            json.EndArray();
        }

        private static void Groups(JsonWriter json, IEnumerable<KeyValuePair<string, List<LeadJourney>>> groups)
        {
            json.BeginArray();
            foreach (var group in groups.OrderByDescending(group => group.Value.Count).ThenBy(group => group.Key, StringComparer.Ordinal))
            {
                var leads = group.Value;
                var mql = leads.Count(journey => journey.Reached(LeadStage.Mql));
                var sql = leads.Count(journey => journey.Reached(LeadStage.Sql));
                var opportunities = leads.Count(journey => journey.HasOpportunity);
                var won = leads.Count(journey => journey.Won);
                json.BeginObject()
                    .Property("name", group.Key)
                    .Property("leads", leads.Count)
                    .Property("mql", mql)
                    .Property("sal", leads.Count(journey => journey.Reached(LeadStage.Sal)))
                    .Property("sql", sql)
                    .Property("opportunities", opportunities)
                    .Property("won", won)
                    .Property("lost", leads.Count(journey => journey.LostOnly))
                    .Property("revenue", leads.Sum(journey => journey.Revenue))
                    .Name("mqlPercent").OneDecimal(ReportMath.Percent(mql, leads.Count))
                    .Name("sqlPercent").OneDecimal(ReportMath.Percent(sql, leads.Count))
                    .Name("winPercent").OneDecimal(ReportMath.Percent(won, opportunities))
                    .EndObject();
            }

            json.EndArray();
        }

        private static IEnumerable<WaterfallRow> Waterfall(IReadOnlyCollection<LeadJourney> cohort)
        {
            yield return new WaterfallRow("Inquiry", cohort.Count, _ => null);
            yield return new WaterfallRow("MQL", cohort.Count(j => j.Reached(LeadStage.Mql)), j => LeadJourney.Hours(j.CreatedOn, j.FirstOn(LeadStage.Mql)));
            yield return new WaterfallRow("SAL", cohort.Count(j => j.Reached(LeadStage.Sal)), j => LeadJourney.Hours(j.FirstOn(LeadStage.Mql), j.FirstOn(LeadStage.Sal)));
            yield return new WaterfallRow("SQL", cohort.Count(j => j.Reached(LeadStage.Sql)), j => LeadJourney.Hours(j.FirstOn(LeadStage.Sal), j.FirstOn(LeadStage.Sql)));
            yield return new WaterfallRow("Opportunity", cohort.Count(j => j.HasOpportunity), j => LeadJourney.Hours(j.FirstOn(LeadStage.Sql), j.FirstOpportunityOn));
            yield return new WaterfallRow("Won", cohort.Count(j => j.Won), j => LeadJourney.Hours(j.FirstOpportunityOn, j.WonOn));
        }
    }
}
