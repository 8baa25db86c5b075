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
    /// sandbox on Windows knows them; .NET on other systems maps them), or UTC. The agreement gives its working days as a
    /// choice of weekdays and the start and end of a working day as whole numbers of minutes after midnight.
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
                throw new ArgumentException($"a working day must end after it starts, and this one starts at {Clock(start)} and ends at {Clock(end)}.");
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

        /// <summary>Working days when the agreement names none: Monday to Friday.</summary>
        private static readonly DayOfWeek[] DefaultWorkDays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };

        /// <summary>When a working day starts when the agreement does not say: 09:00 (540 minutes after midnight).</summary>
        public const int DefaultStartMinutes = 9 * 60;

        /// <summary>When a working day ends when the agreement does not say: 17:00 (1,020 minutes after midnight).</summary>
        public const int DefaultEndMinutes = 17 * 60;

        /// <summary>
        /// The calendar of an agreement's columns: its time zone (a Windows id, or UTC when empty), its working days (Monday to
        /// Friday when none), when each working day starts and ends in minutes after midnight (09:00 and 17:00 when empty; the end
        /// may be 1,440, midnight) and its holidays (the dates of its la_agreementholiday rows, days of the agreement's time zone;
        /// none when null). An ArgumentException says what is wrong, in the words of the agreement's form.
        /// </summary>
        public static BusinessCalendar Parse(string? zone, IEnumerable<DayOfWeek>? workDays, int? startMinutes, int? endMinutes, IEnumerable<DateTime>? holidays)
        {
            var timeZone = ZoneOf(zone);
            var days = workDays?.ToList() ?? new List<DayOfWeek>();
            var start = Minutes(startMinutes ?? DefaultStartMinutes, "Working day starts");
            var end = Minutes(endMinutes ?? DefaultEndMinutes, "Working day ends");
            return new BusinessCalendar(timeZone, days.Count == 0 ? DefaultWorkDays : days, start, end, holidays ?? Enumerable.Empty<DateTime>());
        }

        /// <summary>The time zone of a Windows id, UTC when it is empty or "UTC"; an ArgumentException says when the server does not know it.</summary>
        public static TimeZoneInfo ZoneOf(string? zone) =>
            string.IsNullOrWhiteSpace(zone) || zone!.Trim() == "UTC" ? TimeZoneInfo.Utc : FindZone(zone.Trim());

        /// <summary>A time of day given as minutes after midnight, 0 to 1,440 (midnight at the end of the day).</summary>
        private static TimeSpan Minutes(int minutes, string column)
        {
            if (minutes < 0 || minutes > 24 * 60)
            {
                throw new ArgumentException($"{column} is {minutes.ToString(CultureInfo.InvariantCulture)} minutes after midnight: give a time from 0 to 24 hours.");
            }

            return TimeSpan.FromMinutes(minutes);
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

        /// <summary>A time of day as hh:mm, 24:00 for the end of the day.</summary>
        private static string Clock(TimeSpan time) =>
            ((int)time.TotalHours).ToString("00", CultureInfo.InvariantCulture) + ":" + time.Minutes.ToString("00", CultureInfo.InvariantCulture);

        private static TimeZoneInfo FindZone(string id)
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException)
            {
                throw new ArgumentException($"'{id}' is not a time zone this server knows: choose another time zone from the list, or leave it empty for UTC.");
            }
        }
    }
}
