using System;
using System.Collections.Generic;
using LeadAlign.Schema;
using LeadAlign.Sla;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Configuration
{
    /// <summary>
    /// No configuration that passes validation can make a save fail: what could never work (a required column lead does not
    /// have) is refused when it is saved, naming the column and the table, and every calendar it accepts gives deadlines.
    /// </summary>
    public sealed class ConfigurationValidationTests
    {
        private static readonly Guid DefaultModel = new("1ead5c0e-a000-4000-8000-000000000001");

        /// <summary>The <paramref name="nth"/> weekday (Monday to Friday) counted from <paramref name="first"/>, itself the first.</summary>
        private static DateTime NthWeekday(DateTime first, int nth)
        {
            var day = first;
            for (var count = 0; ; day = day.AddDays(1))
            {
                if (day.DayOfWeek != DayOfWeek.Saturday && day.DayOfWeek != DayOfWeek.Sunday && ++count == nth)
                {
                    return day;
                }
            }
        }

        [Fact]
        public void A_scoring_model_whose_required_columns_name_a_column_lead_does_not_have_is_refused_naming_it()
        {
            var org = LeadAlignOrganization.Start();
            var marketer = org.AddUser("Mia Marketing");

            var misspelt = TestOrganization.Fault(() => org.As(marketer).Update(new Entity(ScoringModelTable.EntityName, DefaultModel) { [ScoringModelTable.RequiredColumns] = "emailadress1|telephone1,companyname" }));
            var created = TestOrganization.Fault(() => org.As(marketer).Create(new Entity(ScoringModelTable.EntityName) { [ScoringModelTable.Name] = "Strict", [ScoringModelTable.MqlThreshold] = 80, [ScoringModelTable.RequiredColumns] = "jobtitle,budgetnote,companynam" }));
            org.As(marketer).Update(new Entity(ScoringModelTable.EntityName, DefaultModel) { [ScoringModelTable.RequiredColumns] = "emailaddress1,companyname" });

            Assert.Contains("Scoring model 'LeadAlign default': the table lead has no column 'emailadress1' (Required columns), so no lead could ever become an MQL.", misspelt.Message, StringComparison.Ordinal);
            Assert.Contains("Scoring model 'Strict': the table lead has no columns 'budgetnote', 'companynam' (Required columns)", created.Message, StringComparison.Ordinal);
            Assert.Equal("emailaddress1,companyname", org.Get(ScoringModelTable.EntityName, DefaultModel)!.GetAttributeValue<string>(ScoringModelTable.RequiredColumns));
        }

        [Fact]
        public void An_agreement_whose_sql_columns_name_a_column_lead_does_not_have_is_refused_naming_it()
        {
            var fixture = new LifecycleFixture();

            var refused = TestOrganization.Fault(() => fixture.Org.As(fixture.Admin).Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.SqlRequiredColumns] = "budgetamount|budgetstatus,decisionmakr,need" }));
            fixture.Org.As(fixture.Admin).Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.SqlRequiredColumns] = "budgetamount,decisionmaker" });

            Assert.Contains("the table lead has no column 'decisionmakr' (SQL required columns), so no lead could ever become an SQL.", refused.Message, StringComparison.Ordinal);
            Assert.Equal("budgetamount,decisionmaker", fixture.Org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!.GetAttributeValue<string>(AgreementTable.SqlRequiredColumns));
        }

        [Fact]
        public void An_agreement_with_one_working_minute_a_day_and_a_hundred_hours_to_accept_gives_handoffs_their_deadlines()
        {
            var fixture = new LifecycleFixture(agreement: new Dictionary<string, object?> { [AgreementTable.WorkStart] = 9 * 60, [AgreementTable.WorkEnd] = (9 * 60) + 1, [AgreementTable.AcceptHours] = 100 });
            var start = fixture.Org.UtcNow;

            var lead = fixture.HandedOffLead();

            // A minute a day: 100 hours are 6,000 working days, the first being the handoff's own (Monday 09:00 UTC).
            var accept = fixture.Org.Get("slakpiinstance", fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId).Id)!;
            Assert.Equal(NthWeekday(start.Date, 6000).AddHours(9).AddMinutes(1), accept["failuretime"]);
            Assert.Equal(NthWeekday(start.Date, 4500).AddHours(9).AddMinutes(1), accept["warningtime"]);
        }

        [Fact]
        public void A_calendar_of_one_minute_on_sundays_counts_the_longest_sla_the_agreement_allows()
        {
            var calendar = BusinessCalendar.Parse("W. Europe Standard Time", new[] { DayOfWeek.Sunday }, 9 * 60, (9 * 60) + 1, new[] { new DateTime(2026, 1, 11) });
            var monday = new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc);

            // 1,000 hours (the column's maximum) are 60,000 Sundays; the first, 11 January 2026, is a holiday. 09:01 in Berlin is 08:01 UTC in winter, 07:01 in summer.
            var deadline = calendar.Add(monday, TimeSpan.FromHours(1000));

            var lastSunday = new DateTime(2026, 1, 18).AddDays(7 * 59_999);
            Assert.Equal(lastSunday.Date, TimeZoneInfo.ConvertTimeFromUtc(deadline, TimeZoneInfo.FindSystemTimeZoneById("W. Europe Standard Time")).Date);
            Assert.Equal(new TimeSpan(9, 1, 0), TimeZoneInfo.ConvertTimeFromUtc(deadline, TimeZoneInfo.FindSystemTimeZoneById("W. Europe Standard Time")).TimeOfDay);
        }

        [Theory]
        [InlineData(9 * 60, 9 * 60, "The agreement's business hours are not valid: a working day must end after it starts, and this one starts at 09:00 and ends at 09:00.")]
        [InlineData(18 * 60, null, "The agreement's business hours are not valid: a working day must end after it starts, and this one starts at 18:00 and ends at 17:00.")]
        public void Only_a_calendar_without_business_time_is_refused(int? start, int? end, string message)
        {
            var fixture = new LifecycleFixture();
            var update = new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.WorkStart] = start };
            if (end != null)
            {
                update[AgreementTable.WorkEnd] = end;
            }

            var refused = TestOrganization.Fault(() => fixture.Org.As(fixture.Admin).Update(update));

            Assert.Equal(message, refused.Message);
        }

        [Fact]
        public void Working_days_are_chosen_from_the_weekdays_and_the_clocks_count_only_on_them()
        {
            // Working days is a choices column (multi-select) of the Weekday choice: saturday and sunday only.
            var fixture = new LifecycleFixture(agreement: new Dictionary<string, object?>
            {
                [AgreementTable.WorkingDays] = new OptionSetValueCollection(new[] { new OptionSetValue((int)Weekday.Saturday), new OptionSetValue((int)Weekday.Sunday) }),
            });
            var monday = fixture.Org.UtcNow;

            var lead = fixture.HandedOffLead();

            // The agreement gives 4 hours to accept; handed off on Monday 5 January 09:00 UTC, they run on Saturday 10 January 09:00-13:00.
            Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
            var accept = fixture.Org.Get("slakpiinstance", fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId).Id)!;
            Assert.Equal(monday.Date.AddDays(5).AddHours(13), accept["failuretime"]);
        }

        [Fact]
        public void A_working_day_outside_the_weekday_choice_is_refused_before_the_save()
        {
            var fixture = new LifecycleFixture();

            var refused = TestOrganization.Fault(() => fixture.Org.As(fixture.Admin).Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId)
            {
                [AgreementTable.WorkingDays] = new OptionSetValueCollection(new[] { new OptionSetValue((int)Weekday.Monday), new OptionSetValue(7) }),
            }));

            // The agreement's validation (PreValidation) reads the days before the platform checks the column's options.
            Assert.Equal("The agreement's business hours are not valid: 7 is not a day of the week: choose the working days from the list.", refused.Message);
        }
    }
}
