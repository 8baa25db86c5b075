using System;
using System.Collections.Generic;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>
    /// The hot lane: given an agreement whose hot-lane accept time is 30 minutes, business hours Monday to Friday 09:00-17:00 UTC,
    /// and the "Form submitted" engagement rule marked high intent, a lead of 55 points that a form submission (15) makes an MQL on
    /// Friday at 16:50 must be accepted by Monday 09:20 (10 business minutes on Friday, 20 on Monday), and says it came through the
    /// hot lane; one that a content download (8, not high intent) makes an MQL keeps the agreement's 4 accept hours.
    /// </summary>
    public sealed class HotLaneTests
    {
        private static readonly Guid FormSubmitted = new("1ead5c0e-a001-4000-8000-000000000014");
        private static readonly DateTime FridayLate = new(2026, 1, 9, 16, 50, 0, DateTimeKind.Utc);
        private readonly LifecycleFixture _fixture = new(agreement: new Dictionary<string, object?> { [AgreementTable.HotLaneAcceptMinutes] = 30 });

        public HotLaneTests()
        {
            Org.SystemService.Update(new Entity(ScoringRuleTable.EntityName, FormSubmitted) { [ScoringRuleTable.HighIntent] = true });
            Org.DrainAsync();
            Org.UtcNow = FridayLate;
        }

        private InMemoryDataverse Org => _fixture.Org;

        /// <summary>55 points (C-suite 25, 1,000+ employees 25, phone 5): every MQL column, below the threshold of 60.</summary>
        private Guid InquiryOf55()
        {
            var lead = LifecycleFixture.QualifiedLead("Novak");
            lead.Attributes.Remove("revenue");
            return Org.As(_fixture.Marketer).Create(lead);
        }

        private void Interaction(Guid lead, InteractionType type) =>
            Org.As(_fixture.Marketer).Create(new Entity(MarketingInteractionTable.EntityName)
            {
                ["subject"] = type.ToString(),
                [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)type),
                ["regardingobjectid"] = new EntityReference(LeadTable.EntityName, lead),
            });

        private Entity AcceptClock(Guid lead) =>
            Org.Get(SlaKpiInstanceTable.EntityName, _fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId).Id)!;

        [Fact]
        public void A_lead_handed_off_through_a_high_intent_rule_gets_the_hot_lane_accept_time_in_business_minutes()
        {
            var lead = InquiryOf55();
            var before = _fixture.StageOf(lead);

            Interaction(lead, InteractionType.FormSubmission);

            Assert.Equal(LifecycleFixture.Inquiry, before);
            Assert.Equal(LifecycleFixture.Mql, _fixture.StageOf(lead));
            Assert.True(_fixture.Lead(lead).GetAttributeValue<bool>(LeadTable.HotLane));
            Assert.Equal(new DateTime(2026, 1, 12, 9, 20, 0, DateTimeKind.Utc), AcceptClock(lead).GetAttributeValue<DateTime>(SlaKpiInstanceTable.FailureTime));
            Assert.Equal(new DateTime(2026, 1, 12, 9, 12, 30, DateTimeKind.Utc), AcceptClock(lead).GetAttributeValue<DateTime>(SlaKpiInstanceTable.WarningTime));
        }

        [Fact]
        public void A_lead_queued_through_a_high_intent_rule_keeps_the_hot_lane_and_its_accept_time_runs_from_the_pick()
        {
            var queue = new QueueRoutingTests.QueueMode(_fixture);
            var lead = InquiryOf55();

            Interaction(lead, InteractionType.FormSubmission);

            Assert.True(_fixture.Lead(lead).GetAttributeValue<bool>(LeadTable.HotLane));
            Assert.Null(_fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId));
            Org.UtcNow = new DateTime(2026, 1, 12, 10, 0, 0, DateTimeKind.Utc);
            queue.Pick(_fixture.Reps[0], lead);
            Assert.Equal(new DateTime(2026, 1, 12, 10, 30, 0, DateTimeKind.Utc), AcceptClock(lead).GetAttributeValue<DateTime>(SlaKpiInstanceTable.FailureTime));
        }

        [Fact]
        public void A_lead_handed_off_through_an_ordinary_rule_keeps_the_accept_hours()
        {
            var lead = InquiryOf55();

            Interaction(lead, InteractionType.ContentDownload);

            Assert.Equal(LifecycleFixture.Mql, _fixture.StageOf(lead));
            Assert.False(_fixture.Lead(lead).GetAttributeValue<bool>(LeadTable.HotLane));
            Assert.Equal(new DateTime(2026, 1, 12, 12, 50, 0, DateTimeKind.Utc), AcceptClock(lead).GetAttributeValue<DateTime>(SlaKpiInstanceTable.FailureTime));
        }

        [Fact]
        public void Without_a_hot_lane_time_on_the_agreement_the_shipped_high_intent_rule_keeps_the_accept_hours()
        {
            var fixture = new LifecycleFixture();
            fixture.Org.UtcNow = FridayLate;
            var qualified = LifecycleFixture.QualifiedLead("Novak");
            qualified.Attributes.Remove("revenue");
            var lead = fixture.Org.As(fixture.Marketer).Create(qualified);

            fixture.Org.As(fixture.Marketer).Create(new Entity(MarketingInteractionTable.EntityName)
            {
                ["subject"] = "Requested a demo",
                [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.FormSubmission),
                ["regardingobjectid"] = new EntityReference(LeadTable.EntityName, lead),
            });

            Assert.True(fixture.Org.Get(ScoringRuleTable.EntityName, FormSubmitted)!.GetAttributeValue<bool>(ScoringRuleTable.HighIntent));
            Assert.Equal(LifecycleFixture.Mql, fixture.StageOf(lead));
            Assert.False(fixture.Lead(lead).GetAttributeValue<bool>(LeadTable.HotLane));
            var clock = fixture.Org.Get(SlaKpiInstanceTable.EntityName, fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId).Id)!;
            Assert.Equal(new DateTime(2026, 1, 12, 12, 50, 0, DateTimeKind.Utc), clock.GetAttributeValue<DateTime>(SlaKpiInstanceTable.FailureTime));
        }

        [Fact]
        public void The_hot_lane_flag_is_LeadAligns_to_set_and_a_user_cannot_set_it()
        {
            var lead = InquiryOf55();

            var fault = TestOrganization.Fault(() => Org.As(_fixture.Marketer).Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.HotLane] = true }));

            Assert.Contains(LeadTable.HotLane, fault.Message, StringComparison.Ordinal);
            Assert.False(_fixture.Lead(lead).GetAttributeValue<bool>(LeadTable.HotLane));
        }
    }
}
