using System;
using LeadAlign.Sla;
using Xunit;

namespace LeadAlign.Tests.Sla
{
    /// <summary>Business-hours arithmetic: nights, weekends, holidays, time zones and daylight-saving changes.</summary>
    public sealed class BusinessCalendarTests
    {
        private const int NineToFive = 9 * 60;
        private const int FiveToSeven = 17 * 60;
        private static readonly DayOfWeek[] Weekdays = { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };

        private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

        [Fact]
        public void A_handoff_within_the_day_ends_within_the_day()
        {
            var calendar = BusinessCalendar.Parse("UTC", Weekdays, NineToFive, FiveToSeven, null);

            Assert.Equal(Utc(1, 5, 14), calendar.Add(Utc(1, 5, 10), TimeSpan.FromHours(4)));
        }

        [Fact]
        public void A_handoff_on_friday_evening_runs_from_monday_morning()
        {
            var calendar = BusinessCalendar.Parse("UTC", Weekdays, NineToFive, FiveToSeven, null);

            Assert.Equal(Utc(1, 12, 13), calendar.Add(Utc(1, 9, 19), TimeSpan.FromHours(4)));
            Assert.Equal(Utc(1, 12, 11), calendar.Add(Utc(1, 9, 16), TimeSpan.FromHours(3)));
        }

        [Fact]
        public void Holidays_have_no_business_hours()
        {
            var calendar = BusinessCalendar.Parse("UTC", Weekdays, NineToFive, FiveToSeven, new[] { new DateTime(2026, 12, 24), new DateTime(2026, 12, 25) });

            Assert.Equal(new DateTime(2026, 12, 28, 12, 0, 0, DateTimeKind.Utc), calendar.Add(new DateTime(2026, 12, 23, 16, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(4)));
        }

        [Fact]
        public void Business_hours_count_in_the_agreements_time_zone()
        {
            var newYork = BusinessCalendar.Parse("Eastern Standard Time", Weekdays, NineToFive, FiveToSeven, null);

            // Friday 20:00 UTC is 15:00 in New York (UTC-5 in January): 2 hours left on Friday, 2 more from Monday 09:00 EST.
            Assert.Equal(Utc(1, 12, 16), newYork.Add(Utc(1, 9, 20), TimeSpan.FromHours(4)));
        }

        [Fact]
        public void A_clock_across_the_spring_daylight_saving_change_follows_local_working_hours()
        {
            var berlin = BusinessCalendar.Parse("W. Europe Standard Time", Weekdays, NineToFive, FiveToSeven, null);

            // Friday 27 March 16:00 CET (15:00 UTC): 1 hour left; clocks go forward on Sunday 29 March;
            // Monday 30 March 09:00-12:00 CEST (UTC+2) completes 4 hours: 12:00 CEST is 10:00 UTC.
            Assert.Equal(Utc(3, 30, 10), berlin.Add(Utc(3, 27, 15), TimeSpan.FromHours(4)));
        }

        [Fact]
        public void A_clock_across_the_autumn_daylight_saving_change_follows_local_working_hours()
        {
            var berlin = BusinessCalendar.Parse("W. Europe Standard Time", Weekdays, NineToFive, FiveToSeven, null);

            // Friday 23 October 16:00 CEST (14:00 UTC): 1 hour; clocks go back on Sunday 25 October;
            // Monday 26 October 09:00-12:00 CET (UTC+1): 12:00 CET is 11:00 UTC.
            Assert.Equal(Utc(10, 26, 11), berlin.Add(Utc(10, 23, 14), TimeSpan.FromHours(4)));
        }

        [Fact]
        public void A_long_clock_spans_several_business_days()
        {
            var calendar = BusinessCalendar.Parse(null, null, null, null, null);

            Assert.Equal(Utc(1, 8, 10), calendar.Add(Utc(1, 5, 10), TimeSpan.FromHours(24)));
        }

        [Fact]
        public void A_working_day_may_end_at_midnight()
        {
            var calendar = BusinessCalendar.Parse(null, new[] { DayOfWeek.Monday }, 20 * 60, 24 * 60, null);

            // Monday 5 January 23:00 UTC: one hour left that day, the next working day is Monday 12 January from 20:00.
            Assert.Equal(Utc(1, 12, 21), calendar.Add(Utc(1, 5, 23), TimeSpan.FromHours(2)));
        }

        [Theory]
        [InlineData("Mars Standard Time", null, null, "not a time zone")]
        [InlineData(null, 9 * 60, 9 * 60, "a working day must end after it starts, and this one starts at 09:00 and ends at 09:00")]
        [InlineData(null, 17 * 60, null, "starts at 17:00 and ends at 17:00")]
        [InlineData(null, null, 25 * 60, "Working day ends is 1500 minutes after midnight: give a time from 0 to 24 hours")]
        [InlineData(null, -30, null, "Working day starts is -30 minutes after midnight")]
        public void A_calendar_that_cannot_be_counted_in_is_refused_saying_what_to_write(string? zone, int? start, int? end, string message)
        {
            var refused = Assert.Throws<ArgumentException>(() => BusinessCalendar.Parse(zone, null, start, end, null));

            Assert.Contains(message, refused.Message);
        }
    }
}
