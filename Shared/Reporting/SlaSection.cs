using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// Sales' side of the agreement: the cohort's SLA clocks (KPI instances named Accept by and First contact by) succeeded,
    /// breached and still open, overall and per rep (the clock's owner), with compliance = succeeded of succeeded and breached;
    /// canceled clocks (the lead left sales' hands) count nowhere. And the period's rejection feedback by campaign and reason.
    /// </summary>
    internal static class SlaSection
    {
        public const string NoRep = "(no rep)";
        public const string NoReason = "(no reason)";

        private static readonly KeyValuePair<string, string>[] Kpis =
        {
            new KeyValuePair<string, string>(SlaKpiInstanceTable.AcceptByName, "Accept"),
            new KeyValuePair<string, string>(SlaKpiInstanceTable.FirstContactByName, "First contact"),
        };

        public static void Write(JsonWriter json, IReadOnlyCollection<Entity> clocks)
        {
            var counted = clocks
                .Select(clock => new
                {
                    Kpi = Kpis.FirstOrDefault(kpi => string.Equals(kpi.Key, clock.GetAttributeValue<string>(SlaKpiInstanceTable.Name), StringComparison.Ordinal)).Value,
                    Rep = clock.GetAttributeValue<AliasedValue>(AlignmentReportQueries.OwnerAlias + "." + SystemUserTable.FullName)?.Value as string ?? NoRep,
                    Status = (SlaKpiStatus?)clock.GetAttributeValue<OptionSetValue>(SlaKpiInstanceTable.Status)?.Value,
                })
                .Where(clock => clock.Kpi != null && clock.Status != SlaKpiStatus.Canceled)
                .ToList();

            json.Name("sla").BeginObject().Name("overall").BeginArray();
            foreach (var kpi in Kpis)
            {
                Counts(json, null, kpi.Value, counted.Where(clock => clock.Kpi == kpi.Value).Select(clock => clock.Status));
            }

            json.EndArray().Name("byRep").BeginArray();
            foreach (var group in counted.GroupBy(clock => new { clock.Rep, clock.Kpi }).OrderBy(group => group.Key.Rep, StringComparer.Ordinal).ThenBy(group => group.Key.Kpi, StringComparer.Ordinal))
            {
                Counts(json, group.Key.Rep, group.Key.Kpi!, group.Select(clock => clock.Status));
            }

            json.EndArray().EndObject();
        }

        public static void WriteRejections(JsonWriter json, IReadOnlyCollection<Entity> feedback, IReadOnlyList<KeyValuePair<int, string>> reasons)
        {
            var labels = reasons.ToDictionary(option => option.Key, option => option.Value);
            var rows = feedback
                .Select(row => new
                {
                    Campaign = row.GetAttributeValue<AliasedValue>(AlignmentReportQueries.CampaignAlias + "." + CampaignTable.Name)?.Value as string ?? FunnelSection.NoCampaign,
                    Reason = row.GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Reason) is { } reason
                        ? (labels.TryGetValue(reason.Value, out var label) ? label : reason.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
                        : NoReason,
                })
                .GroupBy(row => new { row.Campaign, row.Reason })
                .Select(group => new { group.Key.Campaign, group.Key.Reason, Count = group.Count() })
                .OrderBy(row => row.Campaign, StringComparer.Ordinal).ThenByDescending(row => row.Count).ThenBy(row => row.Reason, StringComparer.Ordinal);

            json.Name("rejectionsByCampaign").BeginArray();
            foreach (var row in rows)
            {
                json.BeginObject().Property("campaign", row.Campaign).Property("reason", row.Reason).Property("count", row.Count).EndObject();
            }

            json.EndArray();
        }

        private static void Counts(JsonWriter json, string? rep, string kpi, IEnumerable<SlaKpiStatus?> statuses)
        {
            var list = statuses.ToList();
            var succeeded = list.Count(status => status == SlaKpiStatus.Succeeded);
            var breached = list.Count(status => status == SlaKpiStatus.Noncompliant);
            json.BeginObject();
            if (rep != null)
            {
                json.Property("rep", rep);
            }

            json.Property("kpi", kpi)
                .Property("succeeded", succeeded)
                .Property("breached", breached)
                .Property("open", list.Count - succeeded - breached)
                .Name("compliancePercent").OneDecimal(ReportMath.Percent(succeeded, succeeded + breached))
                .EndObject();
        }
    }
}
