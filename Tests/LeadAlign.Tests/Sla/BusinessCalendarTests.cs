using System;
using LeadAlign.Sla;
using Xunit;

namespace LeadAlign.Tests.Sla
{
    /// <summary>Business-hours arithmetic: nights, weekends, holidays, time zones and daylight-saving changes.</summary>
    public sealed class BusinessCalendarTests
    {
        private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

        [Fact]
        public void A_handoff_within_the_day_ends_within_the_day()
        {
            var calendar = BusinessCalendar.Parse("UTC", "Mon,Tue,Wed,Thu,Fri", "09:00-17:00", null);

            Assert.Equal(Utc(1, 5, 14), calendar.Add(Utc(1, 5, 10), TimeSpan.FromHours(4)));
        }

        [Fact]
        public void A_handoff_on_friday_evening_runs_from_monday_morning()
        {
            var calendar = BusinessCalendar.Parse("UTC", "Mon,Tue,Wed,Thu,Fri", "09:00-17:00", null);

            Assert.Equal(Utc(1, 12, 13), calendar.Add(Utc(1, 9, 19), TimeSpan.FromHours(4)));
            Assert.Equal(Utc(1, 12, 11), calendar.Add(Utc(1, 9, 16), TimeSpan.FromHours(3)));
        }

        [Fact]
        public void Holidays_have_no_business_hours()
        {
            var calendar = BusinessCalendar.Parse("UTC", "Mon,Tue,Wed,Thu,Fri", "09:00-17:00", "2026-12-24;2026-12-25");

            Assert.Equal(new DateTime(2026, 12, 28, 12, 0, 0, DateTimeKind.Utc), calendar.Add(new DateTime(2026, 12, 23, 16, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(4)));
        }

        [Fact]
        public void Business_hours_count_in_the_agreements_time_zone()
        {
            var newYork = BusinessCalendar.Parse("Eastern Standard Time", "Mon-Fri".Replace("-", ",Tue,Wed,Thu,", StringComparison.Ordinal), "09:00-17:00", null);

            // Friday 20:00 UTC is 15:00 in New York (UTC-5 in January): 2 hours left on Friday, 2 more from Monday 09:00 EST.
            Assert.Equal(Utc(1, 12, 16), newYork.Add(Utc(1, 9, 20), TimeSpan.FromHours(4)));
        }

        [Fact]
        public void A_clock_across_the_spring_daylight_saving_change_follows_local_working_hours()
        {
            var berlin = BusinessCalendar.Parse("W. Europe Standard Time", "Mon,Tue,Wed,Thu,Fri", "09:00-17:00", null);

            // Friday 27 March 16:00 CET (15:00 UTC): 1 hour left; clocks go forward on Sunday 29 March;
            // Monday 30 March 09:00-12:00 CEST (UTC+2) completes 4 hours: 12:00 CEST is 10:00 UTC.
            Assert.Equal(Utc(3, 30, 10), berlin.Add(Utc(3, 27, 15), TimeSpan.FromHours(4)));
        }

        [Fact]
        public void A_clock_across_the_autumn_daylight_saving_change_follows_local_working_hours()
        {
            var berlin = BusinessCalendar.Parse("W. Europe Standard Time", "Mon,Tue,Wed,Thu,Fri", "09:00-17:00", null);

            // Friday 23 October 16:00 CEST (14:00 UTC): 1 hour; clocks go back on Sunday 25 October;
            // Monday 26 October 09:00-12:00 CET (UTC+1): 12:00 CET is 11:00 UTC.
            Assert.Equal(Utc(10, 26, 11), berlin.Add(Utc(10, 23, 14), TimeSpan.FromHours(4)));
        }

        [Fact]
        public void A_long_clock_spans_several_business_days()
        {
            var calendar = BusinessCalendar.Parse(null, null, null, null);

            Assert.Equal(Utc(1, 8, 10), calendar.Add(Utc(1, 5, 10), TimeSpan.FromHours(24)));
        }

        [Theory]
        [InlineData("Mars Standard Time", null, null, "not a time zone")]
        [InlineData(null, "Mon,Funday", null, "'Funday' is not a day of the week")]
        [InlineData(null, null, "9-5", "write them as 09:00-17:00")]
        [InlineData(null, null, "17:00-09:00", "must come after they start")]
        [InlineData(null, null, null, "'Christmas' is not a holiday date")]
        public void A_calendar_that_cannot_be_counted_in_is_refused_saying_what_to_write(string? zone, string? days, string? hours, string message)
        {
            var holidays = message.Contains("Christmas", StringComparison.Ordinal) ? "Christmas" : null;

            var refused = Assert.Throws<ArgumentException>(() => BusinessCalendar.Parse(zone, days, hours, holidays));

            Assert.Contains(message, refused.Message);
        }
    }
}
