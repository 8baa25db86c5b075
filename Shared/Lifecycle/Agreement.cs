using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Runtime;
using LeadAlign.Sla;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Lifecycle
{
    /// <summary>The active sales and marketing agreement, as the lifecycle code reads it.</summary>
    internal sealed class Agreement
    {
        public Agreement(Guid id, string name)
        {
            Id = id;
            Name = name;
        }

        public Guid Id { get; }

        public string Name { get; }

        public IReadOnlyList<IReadOnlyList<string>> SqlRequiredColumns { get; set; } = new List<IReadOnlyList<string>>();

        public Guid? SalesTeamId { get; set; }

        public Guid? MarketingTeamId { get; set; }

        public RoutingFilter RoutingFilter { get; set; } = RoutingFilter.None;

        public int MaxOpenLeadsPerRep { get; set; } = int.MaxValue;

        public int AcceptHours { get; set; } = 4;

        public int FirstContactHours { get; set; } = 24;

        public int WarningPercent { get; set; } = 75;

        public Guid? MarketingQueueId { get; set; }

        /// <summary>Round robin (to a rep of the sales team) or Sales queue (into <see cref="SalesQueueId"/>, for a rep to pick).</summary>
        public RoutingMode RoutingMode { get; set; } = RoutingMode.RoundRobin;

        /// <summary>The reps' lead queue MQLs wait in when <see cref="RoutingMode"/> is Sales queue.</summary>
        public Guid? SalesQueueId { get; set; }

        /// <summary>Whether every handoff also sends an e-mail (to the rep, or to the sales queue in queue mode).</summary>
        public bool EmailHandoff { get; set; }

        /// <summary>Whether MQLs go to the sales queue instead of round robin (the mode is Sales queue and the queue is set).</summary>
        public bool RoutesToQueue => RoutingMode == RoutingMode.SalesQueue && SalesQueueId != null;

        public int FeedbackResponseDays { get; set; } = 3;

        /// <summary>The least minutes between two notifications of one rep alert about one lead.</summary>
        public int AlertThrottleMinutes { get; set; } = 60;

        /// <summary>The business minutes to accept a lead handed off through a high-intent rule; null when there is no hot lane.</summary>
        public int? HotLaneAcceptMinutes { get; set; }

        /// <summary>Business days sales has to decide on an accepted lead (SQL, Rejected or Nurture); null when the agreement makes no such commitment.</summary>
        public int? DecisionDays { get; set; }

        /// <summary>The business hours the SLA clocks count in (UTC, Monday to Friday 09:00-17:00 when not configured).</summary>
        public BusinessCalendar Calendar { get; set; } = BusinessCalendar.Parse(null, null, null, null, null);

        /// <summary>Why the agreement's calendar could not be read, when it could not (the default calendar is used then).</summary>
        public string? CalendarProblem { get; set; }

        /// <summary>The warning the admin sees on the agreement when clocks cannot start (lead not enabled for SLAs); null when none.</summary>
        public string? SlaWarning { get; set; }

        /// <summary>
        /// The agreement of its row and the dates of its holidays (its la_agreementholiday rows); <paramref name="zones"/> gives
        /// the platform's time zones, asked only when the row has one.
        /// </summary>
        public static Agreement FromRow(Entity row, IEnumerable<DateTime> holidays, Func<IReadOnlyDictionary<int, string>> zones)
        {
            var agreement = Parse(row);
            try
            {
                agreement.Calendar = CalendarOf(row, holidays, zones);
            }
            catch (ArgumentException invalid)
            {
                agreement.CalendarProblem = invalid.Message;
            }

            return agreement;
        }

        /// <summary>
        /// The agreement's business calendar with <paramref name="holidays"/> (the dates of its holiday rows), its time zone code
        /// turned into the zone's Windows id through <paramref name="zones"/> (the platform's time zones, asked only when the row
        /// has a code; no code is UTC). An ArgumentException says what is wrong.
        /// </summary>
        public static BusinessCalendar CalendarOf(Entity row, IEnumerable<DateTime> holidays, Func<IReadOnlyDictionary<int, string>> zones) => BusinessCalendar.Parse(
            TimeZoneDefinitions.WindowsIdOf(row.GetAttributeValue<int?>(AgreementTable.TimeZoneCode), zones),
            row.GetAttributeValue<OptionSetValueCollection>(AgreementTable.WorkingDays)?.Select(day => DayOf(day.Value)).ToList(),
            row.GetAttributeValue<int?>(AgreementTable.WorkStart),
            row.GetAttributeValue<int?>(AgreementTable.WorkEnd),
            holidays);

        /// <summary>The day of the week of a Working days option (the Weekday choice, Monday first).</summary>
        public static DayOfWeek DayOf(int weekday)
        {
            switch ((Weekday)weekday)
            {
                case Weekday.Monday: return DayOfWeek.Monday;
                case Weekday.Tuesday: return DayOfWeek.Tuesday;
                case Weekday.Wednesday: return DayOfWeek.Wednesday;
                case Weekday.Thursday: return DayOfWeek.Thursday;
                case Weekday.Friday: return DayOfWeek.Friday;
                case Weekday.Saturday: return DayOfWeek.Saturday;
                case Weekday.Sunday: return DayOfWeek.Sunday;
                default: throw new ArgumentException($"{weekday.ToString(CultureInfo.InvariantCulture)} is not a day of the week: choose the working days from the list.");
            }
        }

        private static Agreement Parse(Entity row) => new Agreement(row.Id, row.GetAttributeValue<string>(AgreementTable.Name) ?? string.Empty)
        {
            WarningPercent = row.GetAttributeValue<int?>(AgreementTable.WarningPercent) ?? 75,
            MarketingQueueId = row.GetAttributeValue<EntityReference>(AgreementTable.MarketingQueueId)?.Id,
            FeedbackResponseDays = row.GetAttributeValue<int?>(AgreementTable.FeedbackResponseDays) ?? 3,
            AlertThrottleMinutes = row.GetAttributeValue<int?>(AgreementTable.AlertThrottleMinutes) ?? 60,
            HotLaneAcceptMinutes = row.GetAttributeValue<int?>(AgreementTable.HotLaneAcceptMinutes),
            DecisionDays = row.GetAttributeValue<int?>(AgreementTable.DecisionDays),
            SqlRequiredColumns = ScoringModel.ParseRequiredColumns(row.GetAttributeValue<string>(AgreementTable.SqlRequiredColumns)),
            SalesTeamId = row.GetAttributeValue<EntityReference>(AgreementTable.SalesTeamId)?.Id,
            MarketingTeamId = row.GetAttributeValue<EntityReference>(AgreementTable.MarketingTeamId)?.Id,
            RoutingFilter = (RoutingFilter)(row.GetAttributeValue<OptionSetValue>(AgreementTable.RoutingFilter)?.Value ?? (int)RoutingFilter.None),
            MaxOpenLeadsPerRep = row.GetAttributeValue<int?>(AgreementTable.MaxOpenLeadsPerRep) ?? int.MaxValue,
            AcceptHours = row.GetAttributeValue<int?>(AgreementTable.AcceptHours) ?? 4,
            FirstContactHours = row.GetAttributeValue<int?>(AgreementTable.FirstContactHours) ?? 24,
            SlaWarning = row.GetAttributeValue<string>(AgreementTable.SlaWarning),
            RoutingMode = (RoutingMode)(row.GetAttributeValue<OptionSetValue>(AgreementTable.RoutingMode)?.Value ?? (int)RoutingMode.RoundRobin),
            SalesQueueId = row.GetAttributeValue<EntityReference>(AgreementTable.SalesQueueId)?.Id,
            EmailHandoff = row.GetAttributeValue<bool?>(AgreementTable.EmailHandoff) ?? false,
        };

        /// <summary>The required entries no column of which has a value on the lead, each shown as "a or b".</summary>
        public static IReadOnlyList<string> Missing(IEnumerable<IReadOnlyList<string>> required, Entity lead) =>
            required.Where(entry => !entry.Any(column => HasValue(lead, column))).Select(entry => string.Join(" or ", entry)).ToList();

        private static bool HasValue(Entity lead, string column) =>
            lead.Attributes.TryGetValue(column, out var value) && value != null && !(value is string text && text.Trim().Length == 0);
    }
}
