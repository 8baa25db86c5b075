using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// Marketing's commitments measured: MQL handoffs per business week (Monday 00:00 in the agreement's time zone, the week named
    /// by its Monday's date) and SQLs per calendar month in that zone, counted over the period's moves; and the share of the
    /// period's new pipeline (opportunities created) whose lead marketing handed off (reached MQL). A week or month is partial when
    /// it is not wholly inside the period or not yet over; a partial one, or one without a commitment, is neither met nor missed.
    /// </summary>
    internal static class CommitmentSection
    {
        public static void Write(JsonWriter json, ReportSettings settings, IReadOnlyCollection<Entity> periodMoves, IReadOnlyCollection<Entity> periodOpportunities, ISet<Guid> handedOffLeads)
        {
            var zone = settings.Zone;
            var mqls = Local(periodMoves, LeadStage.Mql, zone);
            var sqls = Local(periodMoves, LeadStage.Sql, zone);

            json.Name("weeklyMql").BeginArray();
            var localStart = TimeZoneInfo.ConvertTimeFromUtc(settings.Start, zone);
            var localEnd = TimeZoneInfo.ConvertTimeFromUtc(settings.End, zone);
            for (var week = Monday(localStart); week < localEnd; week = week.AddDays(7))
            {
                var next = week.AddDays(7);
                var count = mqls.Count(on => on >= week && on < next);
                Period(json, "weekStart", week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "mql", count, settings.MqlsPerWeek, Partial(settings, week, next));
            }

            json.EndArray();

            json.Name("sqlsPerMonth").BeginArray();
            for (var month = new DateTime(localStart.Year, localStart.Month, 1); month < localEnd; month = month.AddMonths(1))
            {
                var next = month.AddMonths(1);
                var count = sqls.Count(on => on >= month && on < next);
                Period(json, "month", month.ToString("yyyy-MM", CultureInfo.InvariantCulture), "sql", count, settings.SqlsPerMonth, Partial(settings, month, next));
            }

            json.EndArray();

            var fromMarketing = periodOpportunities.Where(opportunity => opportunity.GetAttributeValue<EntityReference>(OpportunityTable.OriginatingLeadId) is { } lead && handedOffLeads.Contains(lead.Id)).ToList();
            var percent = ReportMath.Percent(fromMarketing.Count, periodOpportunities.Count);
            json.Name("pipelineShare").BeginObject()
                .Property("opportunities", periodOpportunities.Count)
                .Property("fromMarketing", fromMarketing.Count)
                .Name("percent").OneDecimal(percent)
                .Property("commitmentPercent", settings.PipelineSharePercent)
                .Property("met", percent.HasValue && settings.PipelineSharePercent.HasValue ? percent.Value >= settings.PipelineSharePercent.Value : (bool?)null)
                .Property("value", periodOpportunities.Sum(EstimatedValue))
                .Property("valueFromMarketing", fromMarketing.Sum(EstimatedValue))
                .EndObject();
        }

        /// <summary>The Monday 00:00 that starts the business week of a local time.</summary>
        public static DateTime Monday(DateTime local) => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7));

        private static void Period(JsonWriter json, string keyName, string key, string countName, int count, int? commitment, bool partial) =>
            json.BeginObject()
                .Property(keyName, key)
                .Property(countName, count)
                .Property("commitment", commitment)
                .Property("partial", partial)
                .Property("met", partial || commitment == null ? (bool?)null : count >= commitment.Value)
                .EndObject();

        /// <summary>Partial: the local span [from, to) is not wholly inside the period, or has not ended yet.</summary>
        private static bool Partial(ReportSettings settings, DateTime from, DateTime to)
        {
            var startUtc = ToUtc(from, settings.Zone);
            var endUtc = ToUtc(to, settings.Zone);
            return startUtc < settings.Start || endUtc > settings.End || endUtc > settings.Now;
        }

        private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

            // A midnight that a daylight-saving change skips starts at the first valid instant after it.
            while (zone.IsInvalidTime(unspecified))
            {
                unspecified = unspecified.AddMinutes(30);
            }

            return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
        }

        private static List<DateTime> Local(IEnumerable<Entity> moves, LeadStage stage, TimeZoneInfo zone) =>
            moves.Where(move => StageMove.IsMove(move) && move.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value == (int)stage)
                .Select(move => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(move.GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn), DateTimeKind.Utc), zone))
                .ToList();

        private static decimal EstimatedValue(Entity opportunity) => opportunity.GetAttributeValue<Money>(OpportunityTable.EstimatedValue)?.Value ?? 0m;
    }
}
