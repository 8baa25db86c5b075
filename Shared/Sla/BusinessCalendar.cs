using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LeadAlign.Sla
{
    /// <summary>
    /// The business hours of the agreement: working days and hours in a time zone, and holidays. Business time is counted in
    /// the agreement's local time, so nights, weekends and holidays are skipped, and a day's window is converted to UTC on
    /// its own date: a clock that spans a daylight-saving change is still right. Time zones are Windows ids (as the
    /// sandbox on Windows knows them; .NET on other systems maps them), or UTC.
    /// </summary>
    internal sealed class BusinessCalendar
    {
        /// <summary>The last day counted in: a day later would not convert between time zones.</summary>
        private static readonly DateTime LastDay = DateTime.MaxValue.Date.AddDays(-2);

        private readonly HashSet<DayOfWeek> _workDays;
        private readonly HashSet<DateTime> _holidays;

        public BusinessCalendar(TimeZoneInfo zone, IEnumerable<DayOfWeek> workDays, TimeSpan start, TimeSpan end, IEnumerable<DateTime> holidays)
        {
            if (end <= start)
            {
                throw new ArgumentException($"The working hours end ({end:hh\\:mm}) must come after they start ({start:hh\\:mm}).");
            }

            Zone = zone;
            _workDays = new HashSet<DayOfWeek>(workDays);
            if (_workDays.Count == 0)
            {
                throw new ArgumentException("The calendar has no working day.");
            }

            Start = start;
            End = end;
            _holidays = new HashSet<DateTime>(holidays.Select(day => day.Date));
        }

        public TimeZoneInfo Zone { get; }

        public TimeSpan Start { get; }

        public TimeSpan End { get; }

        public static BusinessCalendar Parse(string? zone, string? workDays, string? workHours, string? holidays)
        {
            var timeZone = string.IsNullOrWhiteSpace(zone) || zone!.Trim() == "UTC" ? TimeZoneInfo.Utc : FindZone(zone.Trim());
            var days = (string.IsNullOrWhiteSpace(workDays) ? "Mon,Tue,Wed,Thu,Fri" : workDays!)
                .Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(ParseDay)
                .ToList();
            var hours = (string.IsNullOrWhiteSpace(workHours) ? "09:00-17:00" : workHours!).Split('-');
            if (hours.Length != 2
                || !TimeSpan.TryParseExact(hours[0].Trim(), "hh\\:mm", CultureInfo.InvariantCulture, out var start)
                || !TimeSpan.TryParseExact(hours[1].Trim(), "hh\\:mm", CultureInfo.InvariantCulture, out var end))
            {
                throw new ArgumentException($"'{workHours}' is not working hours: write them as 09:00-17:00.");
            }

            var dates = (holidays ?? string.Empty).Split(new[] { ';', ',', '\n', ' ' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(day => DateTime.TryParseExact(day.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw new ArgumentException($"'{day}' is not a holiday date: write it as yyyy-MM-dd."));
            return new BusinessCalendar(timeZone, days, start, end, dates);
        }

        /// <summary>
        /// The moment <paramref name="duration"/> of business time after <paramref name="startUtc"/>, in UTC. Every calendar
        /// <see cref="Parse"/> accepts has business time (at least one working day, working hours of a minute or more, and
        /// finitely many holidays), so the count always ends: days without business time are passed over without converting
        /// anything, and a short working day is counted as often as it takes (working hours 09:00-09:01 count 100 hours in
        /// 6,000 working days). A deadline past the end of the calendar (the year 9999) is that end.
        /// </summary>
        public DateTime Add(DateTime startUtc, TimeSpan duration)
        {
            var remaining = duration;
            var cursor = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
            var day = TimeZoneInfo.ConvertTimeFromUtc(cursor, Zone).Date;
            for (; day < LastDay; day = day.AddDays(1))
            {
                if (!_workDays.Contains(day.DayOfWeek) || _holidays.Contains(day))
                {
                    continue;
                }

                var windowStart = ToUtc(day + Start);
                var windowEnd = ToUtc(day + End);
                if (cursor < windowStart)
                {
                    cursor = windowStart;
                }

                if (cursor >= windowEnd)
                {
                    continue;
                }

                var available = windowEnd - cursor;
                if (remaining <= available)
                {
                    return cursor + remaining;
                }

                remaining -= available;
                cursor = windowEnd;
            }

            return DateTime.SpecifyKind(LastDay, DateTimeKind.Utc);
        }

        private DateTime ToUtc(DateTime local)
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            while (Zone.IsInvalidTime(unspecified))
            {
                unspecified = unspecified.AddMinutes(30);
            }

            return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
        }

        private static TimeZoneInfo FindZone(string id)
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException)
            {
                throw new ArgumentException($"'{id}' is not a time zone this server knows: give its Windows id, for example W. Europe Standard Time.");
            }
        }

        private static DayOfWeek ParseDay(string day)
        {
            switch (day.Trim().ToLowerInvariant().Substring(0, Math.Min(3, day.Trim().Length)))
            {
                case "mon": return DayOfWeek.Monday;
                case "tue": return DayOfWeek.Tuesday;
                case "wed": return DayOfWeek.Wednesday;
                case "thu": return DayOfWeek.Thursday;
                case "fri": return DayOfWeek.Friday;
                case "sat": return DayOfWeek.Saturday;
                case "sun": return DayOfWeek.Sunday;
                default: throw new ArgumentException($"'{day}' is not a day of the week: write Mon, Tue, Wed, Thu, Fri, Sat or Sun.");
            }
        }
    }
}
