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
    /// Nurture paused while sales owns the lead: la_nurturepaused is set when the rep accepts the lead (SAL) and cleared when it is
    /// rejected or returns to Nurture. Given a nurture email rule worth 5 points, a nurture email that marketing automation sends a
    /// paused lead is recorded, earns nothing and is flagged as breaking the pause; sent before acceptance or after rejection it
    /// counts as any interaction does.
    /// </summary>
    public sealed class NurturePauseTests
    {
        private readonly LifecycleFixture _fixture = new();

        public NurturePauseTests()
        {
            Org.SystemService.Create(new Entity(ScoringRuleTable.EntityName)
            {
                [ScoringRuleTable.Name] = "Nurture email sent",
                [ScoringRuleTable.ScoringModelId] = new EntityReference(ScoringModelTable.EntityName, new Guid("1ead5c0e-a000-4000-8000-000000000001")),
                [ScoringRuleTable.Category] = new OptionSetValue((int)ScoreCategory.Engagement),
                [ScoringRuleTable.Points] = 5,
                [ScoringRuleTable.IsActive] = true,
                [ScoringRuleTable.ActivityKind] = new OptionSetValue((int)ActivityKind.MarketingInteraction),
                [ScoringRuleTable.InteractionType] = new OptionSetValue((int)InteractionType.NurtureEmail),
            });
            Org.DrainAsync();
        }

        private InMemoryDataverse Org => _fixture.Org;

        private Entity NurtureEmail(Guid lead)
        {
            var id = Org.As(_fixture.Marketer).Create(new Entity(MarketingInteractionTable.EntityName)
            {
                ["subject"] = "January newsletter",
                [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.NurtureEmail),
                ["regardingobjectid"] = new EntityReference(LeadTable.EntityName, lead),
            });
            return Org.Get(MarketingInteractionTable.EntityName, id)!;
        }

        private bool Paused(Guid lead) => _fixture.Lead(lead).GetAttributeValue<bool>(LeadTable.NurturePaused);

        private decimal Engagement(Guid lead) => _fixture.Lead(lead).GetAttributeValue<decimal>(LeadTable.EngagementScore);

        [Fact]
        public void Accepting_pauses_nurture_and_rejecting_resumes_it()
        {
            var lead = _fixture.HandedOffLead("Novak");
            var rep = _fixture.OwnerOf(lead);
            var atHandoff = Paused(lead);

            _fixture.SetStage(rep, lead, LifecycleFixture.Sal);
            var accepted = Paused(lead);
            _fixture.SetStage(rep, lead, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NoBudget) });

            Assert.False(atHandoff);
            Assert.True(accepted);
            Assert.False(Paused(lead));
        }

        [Fact]
        public void Returning_the_lead_to_nurture_resumes_it()
        {
            var lead = _fixture.HandedOffLead("Novak");
            var rep = _fixture.OwnerOf(lead);
            _fixture.SetStage(rep, lead, LifecycleFixture.Sal);

            _fixture.SetStage(rep, lead, LifecycleFixture.Nurture);

            Assert.Equal(LifecycleFixture.Nurture, _fixture.StageOf(lead));
            Assert.False(Paused(lead));
        }

        [Fact]
        public void A_nurture_email_to_a_paused_lead_is_recorded_earns_nothing_and_is_flagged()
        {
            var lead = _fixture.HandedOffLead("Novak");
            var rep = _fixture.OwnerOf(lead);
            var beforeAcceptance = NurtureEmail(lead);
            var earnedBefore = Engagement(lead);
            _fixture.SetStage(rep, lead, LifecycleFixture.Sal);

            var duringPause = NurtureEmail(lead);

            Assert.Equal(5m, earnedBefore);
            Assert.False(beforeAcceptance.GetAttributeValue<bool>(MarketingInteractionTable.BrokePause));
            Assert.True(duringPause.GetAttributeValue<bool>(MarketingInteractionTable.BrokePause));
            Assert.Null(duringPause.GetAttributeValue<string>(MarketingInteractionTable.EngagementApplied));
            Assert.Equal(5m, Engagement(lead));
        }

        [Fact]
        public void The_pause_is_LeadAligns_to_set_and_marketing_cannot_lift_it()
        {
            var lead = _fixture.HandedOffLead("Novak");
            _fixture.SetStage(_fixture.OwnerOf(lead), lead, LifecycleFixture.Sal);

            var fault = TestOrganization.Fault(() => Org.As(_fixture.Marketer).Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.NurturePaused] = false }));

            Assert.Contains(LeadTable.NurturePaused, fault.Message, StringComparison.Ordinal);
            Assert.True(Paused(lead));
        }
    }
}
