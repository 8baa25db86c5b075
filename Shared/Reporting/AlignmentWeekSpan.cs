using System;
using System.Globalization;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// One business week of an agreement: Monday 00:00 up to the next Monday 00:00 in the agreement's time zone, held as UTC
    /// instants (a midnight a daylight-saving change skips starts at the first valid instant after it).
    /// </summary>
    internal sealed class AlignmentWeekSpan
    {
        private AlignmentWeekSpan(DateTime monday, TimeZoneInfo zone)
        {
            Monday = monday;
            Start = ToUtc(monday, zone);
            End = ToUtc(monday.AddDays(7), zone);
        }

        /// <summary>The Monday that starts the week, as a date in the agreement's time zone.</summary>
        public DateTime Monday { get; }

        /// <summary>The first instant of the week, UTC.</summary>
        public DateTime Start { get; }

        /// <summary>The instant after the week (exclusive), UTC.</summary>
        public DateTime End { get; }

        /// <summary>The Monday as yyyy-MM-dd: how messages and the row's name call the week.</summary>
        public string Label => Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>The week a calendar date falls in (the date read as written, whatever its kind: "2026-11-18" is in the week of Monday 2026-11-16).</summary>
        public static AlignmentWeekSpan Containing(DateTime date, TimeZoneInfo zone) => new AlignmentWeekSpan(CommitmentSection.Monday(date.Date), zone);

        /// <summary>The last week that is over at <paramref name="nowUtc"/>: the week before the one the agreement's clock is in.</summary>
        public static AlignmentWeekSpan LastFull(DateTime nowUtc, TimeZoneInfo zone) =>
            new AlignmentWeekSpan(CommitmentSection.Monday(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone)).AddDays(-7), zone);

        private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            while (zone.IsInvalidTime(unspecified))
            {
                unspecified = unspecified.AddMinutes(30);
            }

            return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
        }
    }
}
