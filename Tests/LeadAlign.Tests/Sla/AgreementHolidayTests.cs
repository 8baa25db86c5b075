using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Plugins.Lifecycle;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Sla
{
    /// <summary>
    /// The agreement's holidays as rows (la_agreementholiday: a name, a date, the agreement), kept by an admin with the shipped
    /// roles in an organization that enforces them: the SLA clocks skip a holiday as they skip a weekend, a change of a holiday
    /// reaches the next handoff (the agreement cache is dropped), and a warm cache reads no holiday. The organization's clock starts
    /// on Monday 5 January 2026 at 09:00 UTC; the agreement gives 4 business hours to accept, Monday to Friday 09:00-17:00 UTC.
    /// </summary>
    public sealed class AgreementHolidayTests
    {
        private static readonly DateTime Monday = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        private readonly LifecycleFixture _fixture = ShippedRoles.Organization();

        private InMemoryDataverse Org => _fixture.Org;

        private static DateTime Day(int offset, int hour) => Monday.AddDays(offset).AddHours(hour);

        private Guid AddHoliday(string name, DateTime date, Guid? asUser = null)
        {
            var id = Org.As(asUser ?? _fixture.Admin).Create(Holiday(name, date));
            Org.DrainAsync();
            return id;
        }

        private static Entity Holiday(string name, DateTime? date) => new(AgreementHolidayTable.EntityName)
        {
            [AgreementHolidayTable.Name] = name,
            [AgreementHolidayTable.Date] = date,
            [AgreementHolidayTable.AgreementId] = new EntityReference(AgreementTable.EntityName, LifecycleFixture.AgreementId),
        };

        private DateTime AcceptBy(Guid lead) =>
            Org.Get("slakpiinstance", _fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId).Id)!.GetAttributeValue<DateTime>("failuretime");

        [Fact]
        public void An_admin_adds_a_holiday_and_a_lead_handed_off_the_evening_before_is_due_after_it()
        {
            Org.Advance(TimeSpan.FromHours(9));
            var before = _fixture.HandedOffLead("Novak");

            AddHoliday("Epiphany", Day(1, 0));
            var after = _fixture.HandedOffLead("Kowalski");

            // Monday 18:00: the lead handed off before the holiday was added is due Tuesday 13:00; with Tuesday a holiday, Wednesday 13:00.
            Assert.Equal(Day(1, 13), AcceptBy(before));
            Assert.Equal(Day(2, 13), AcceptBy(after));
            Assert.True(Org.FailedAsyncJobs.Count == 0, string.Join("\n", Org.FailedAsyncJobs));
        }

        [Fact]
        public void Deleting_the_holiday_brings_the_deadline_back_for_the_next_handoff()
        {
            var holiday = AddHoliday("Company day", Day(0, 0));
            var onHoliday = _fixture.HandedOffLead("Novak");

            Org.As(_fixture.Admin).Delete(AgreementHolidayTable.EntityName, holiday);
            Org.DrainAsync();
            var afterDelete = _fixture.HandedOffLead("Kowalski");

            Assert.Equal(Day(1, 13), AcceptBy(onHoliday));
            Assert.Equal(Day(0, 13), AcceptBy(afterDelete));
            Assert.Empty(Org.All(AgreementHolidayTable.EntityName));
        }

        [Fact]
        public void Moving_a_holiday_to_another_date_reaches_the_next_handoff()
        {
            var holiday = AddHoliday("Company day", Day(0, 0));
            var first = _fixture.HandedOffLead("Novak");

            Org.As(_fixture.Admin).Update(new Entity(AgreementHolidayTable.EntityName, holiday) { [AgreementHolidayTable.Date] = Day(1, 0) });
            Org.DrainAsync();
            var second = _fixture.HandedOffLead("Kowalski");

            Assert.Equal(Day(1, 13), AcceptBy(first));
            Assert.Equal(Day(0, 13), AcceptBy(second));
        }

        [Fact]
        public void A_deactivated_holiday_no_longer_counts()
        {
            var holiday = AddHoliday("Company day", Day(0, 0));
            var active = _fixture.HandedOffLead("Novak");

            Org.As(_fixture.Admin).Update(new Entity(AgreementHolidayTable.EntityName, holiday) { [AgreementHolidayTable.StateCode] = new OptionSetValue(1), [AgreementHolidayTable.StatusCode] = new OptionSetValue(2) });
            Org.DrainAsync();
            var inactive = _fixture.HandedOffLead("Kowalski");

            Assert.Equal(Day(1, 13), AcceptBy(active));
            Assert.Equal(Day(0, 13), AcceptBy(inactive));
        }

        [Fact]
        public void Two_holidays_on_one_date_are_one_day_off()
        {
            Org.Advance(TimeSpan.FromHours(9));
            AddHoliday("Epiphany", Day(1, 0));
            AddHoliday("Three Kings' Day", Day(1, 0));

            var lead = _fixture.HandedOffLead();

            Assert.Equal(Day(2, 13), AcceptBy(lead));
            Assert.Equal(2, Org.All(AgreementHolidayTable.EntityName).Count);
        }

        [Fact]
        public void A_sales_rep_reads_the_holidays_but_cannot_create_one()
        {
            AddHoliday("Epiphany", Day(1, 0));
            var rep = _fixture.Reps[0];

            var refused = TestOrganization.Fault(() => Org.As(rep).Create(Holiday("Rep's day off", Day(2, 0))));
            var read = Org.As(rep).RetrieveMultiple(new QueryExpression(AgreementHolidayTable.EntityName) { ColumnSet = new ColumnSet(AgreementHolidayTable.Name) });

            Assert.Contains("is missing prvCreatela_agreementholiday privilege", refused.Message);
            Assert.Equal("Epiphany", Assert.Single(read.Entities).GetAttributeValue<string>(AgreementHolidayTable.Name));
            Assert.Single(Org.All(AgreementHolidayTable.EntityName));
        }

        [Fact]
        public void A_holiday_without_a_date_is_refused_saying_so_and_nothing_is_created()
        {
            var refused = TestOrganization.Fault(() => Org.As(_fixture.Admin).Create(Holiday("Christmas Day", null)));

            Assert.Equal(ValidateAgreementHolidayPlugin.NoDate, refused.Message);
            Assert.Equal("Give the holiday a date.", refused.Message);
            Assert.Empty(Org.All(AgreementHolidayTable.EntityName));
        }

        [Fact]
        public void Emptying_a_holidays_date_or_agreement_is_refused_and_the_holiday_keeps_them()
        {
            var holiday = AddHoliday("Epiphany", Day(1, 0));

            var noDate = TestOrganization.Fault(() => Org.As(_fixture.Admin).Update(new Entity(AgreementHolidayTable.EntityName, holiday) { [AgreementHolidayTable.Date] = null }));
            var noAgreement = TestOrganization.Fault(() => Org.As(_fixture.Admin).Update(new Entity(AgreementHolidayTable.EntityName, holiday) { [AgreementHolidayTable.AgreementId] = null }));

            Assert.Equal(ValidateAgreementHolidayPlugin.NoDate, noDate.Message);
            Assert.Equal(ValidateAgreementHolidayPlugin.NoAgreement, noAgreement.Message);
            var stored = Org.Get(AgreementHolidayTable.EntityName, holiday)!;
            Assert.Equal(Day(1, 0), stored.GetAttributeValue<DateTime>(AgreementHolidayTable.Date));
            Assert.Equal(LifecycleFixture.AgreementId, stored.GetAttributeValue<EntityReference>(AgreementHolidayTable.AgreementId).Id);
        }

        [Fact]
        public void A_holiday_of_an_agreement_that_does_not_exist_is_refused_by_the_platform()
        {
            var missing = Guid.NewGuid();
            var holiday = Holiday("Epiphany", Day(1, 0));
            holiday[AgreementHolidayTable.AgreementId] = new EntityReference(AgreementTable.EntityName, missing);

            var refused = TestOrganization.Fault(() => Org.As(_fixture.Admin).Create(holiday));

            Assert.Equal(DataverseFault.ObjectDoesNotExist, refused.ErrorCode);
            Assert.Contains(missing.ToString(), refused.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(Org.All(AgreementHolidayTable.EntityName));
        }

        /// <summary>
        /// A warm agreement cache answers from memory: a holiday row written behind the plug-ins' back (no step runs, so the cache
        /// is not told) is not seen until the entry goes stale after 10 minutes, when the cold load reads it with the agreement.
        /// The warm handoff makes exactly the calls the first one made after its own cold load.
        /// </summary>
        [Fact]
        public void A_warm_agreement_cache_reads_no_holiday_and_the_next_cold_load_does()
        {
            Org.Advance(TimeSpan.FromHours(9));
            _fixture.HandedOffLead("Warm-up");
            Org.Log.Clear();
            var warm = _fixture.HandedOffLead("Novak");
            var warmCalls = Org.Log.Records.Sum(record => record.Calls("RetrieveMultiple"));
            Org.Seed(Holiday("Epiphany", Day(1, 0)));

            Org.Log.Clear();
            var stillWarm = _fixture.HandedOffLead("Kowalski");
            var stillWarmCalls = Org.Log.Records.Sum(record => record.Calls("RetrieveMultiple"));
            Org.Advance(TimeSpan.FromMinutes(11));
            var cold = _fixture.HandedOffLead("Dvořák");

            Assert.Equal(Day(1, 13), AcceptBy(warm));
            Assert.Equal(Day(1, 13), AcceptBy(stillWarm));
            Assert.Equal(warmCalls, stillWarmCalls);
            Assert.Equal(Day(2, 13), AcceptBy(cold));
        }

        /// <summary>
        /// The rejection-feedback activity, run by the shipped workflow as the rep, reads the agreement itself (the workflow
        /// activities carry their own copy of the cache code and load without it): a holiday pushes marketing's 3 business days
        /// to answer by a day, as it does the clocks.
        /// </summary>
        [Fact]
        public void The_feedback_workflow_counts_marketings_answer_days_without_the_holiday()
        {
            var owner = Org.AddUser("Carla Campaigns");
            var campaign = Org.SystemService.Create(new Entity("campaign") { ["name"] = "Spring webinar", ["ownerid"] = new EntityReference("systemuser", owner) });
            AddHoliday("Company day", Day(2, 0));
            var lead = LifecycleFixture.QualifiedLead();
            lead["campaignid"] = new EntityReference("campaign", campaign);
            var id = Org.As(_fixture.Marketer).Create(lead);
            var rep = _fixture.OwnerOf(id);
            _fixture.SetStage(rep, id, LifecycleFixture.Sal);
            _fixture.SetStage(rep, id, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NoBudget) });

            Org.DrainAsync();

            // Rejected on Monday 09:00; 3 business days (24 business hours) skipping Wednesday end on Thursday 17:00 (Wednesday
            // 17:00 without the holiday).
            var feedback = Assert.Single(Org.All(LeadFeedbackTable.EntityName));
            Assert.Equal(Day(3, 17), feedback[LeadFeedbackTable.DueOn]);
        }
    }
}
