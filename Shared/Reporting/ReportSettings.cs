using System;
using System.Collections.Generic;
using LeadAlign.Schema;
using LeadAlign.Sla;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// What a report is computed for: the agreement (its time zone and marketing's commitments), the period and the time it runs.
    /// The agreement's time zone code is turned into the zone's Windows id through the platform's time zones (asked only when it
    /// has a code; none is UTC); an ArgumentException says when no time zone has the code.
    /// </summary>
    internal sealed class ReportSettings
    {
        public ReportSettings(Entity agreement, Func<IReadOnlyDictionary<int, string>> zones, DateTime start, DateTime end, DateTime now)
        {
            Agreement = agreement ?? throw new ArgumentNullException(nameof(agreement));
            Start = start;
            End = end;
            Now = now;
            TimeZoneId = TimeZoneDefinitions.WindowsIdOf(agreement.GetAttributeValue<int?>(AgreementTable.TimeZoneCode), zones) ?? "UTC";
            Zone = BusinessCalendar.ZoneOf(TimeZoneId);
            MqlsPerWeek = agreement.GetAttributeValue<int?>(AgreementTable.MqlsPerWeek);
            PipelineSharePercent = agreement.GetAttributeValue<int?>(AgreementTable.PipelineSharePercent);
            SqlsPerMonth = agreement.GetAttributeValue<int?>(AgreementTable.SqlsPerMonth);
        }

        public Entity Agreement { get; }

        public DateTime Start { get; }

        public DateTime End { get; }

        public DateTime Now { get; }

        public string TimeZoneId { get; }

        public TimeZoneInfo Zone { get; }

        public int? MqlsPerWeek { get; }

        public int? PipelineSharePercent { get; }

        public int? SqlsPerMonth { get; }

        /// <summary>The columns of the agreement the report reads.</summary>
        public static readonly string[] AgreementColumns =
        {
            AgreementTable.Name, AgreementTable.TimeZoneCode, AgreementTable.MqlsPerWeek, AgreementTable.PipelineSharePercent, AgreementTable.SqlsPerMonth,
            AgreementTable.SalesTeamId, AgreementTable.AcceptsPerRepPerWeek,
        };
    }
}
