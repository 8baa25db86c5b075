using System;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Alerts
{
    /// <summary>
    /// A lead whose band jumps to Hot (the default model: 70 points) alerts its owner once per jump. Given a handed-off lead of 65
    /// (Warm), a form submission (15) makes it Hot; a second one keeps it Hot; a new job title and a small company drop it to
    /// Warm, and the old ones bring it back to Hot.
    /// </summary>
    public sealed class HotBandAlertTests
    {
        private readonly LifecycleFixture _fixture = new();

        private InMemoryDataverse Org => _fixture.Org;

        private void FormSubmitted(Guid lead) =>
            Org.As(_fixture.Marketer).Create(new Entity(MarketingInteractionTable.EntityName)
            {
                ["subject"] = "Requested a demo",
                [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.FormSubmission),
                ["regardingobjectid"] = new EntityReference(LeadTable.EntityName, lead),
            });

        private int HotAlerts(Guid owner) =>
            Org.All(AppNotificationTable.EntityName).Count(note => note.GetAttributeValue<string>(AppNotificationTable.Title) == "Hot lead: Novak" && note.GetAttributeValue<EntityReference>(AppNotificationTable.OwnerId).Id == owner);

        private int Band(Guid lead) => _fixture.Lead(lead).GetAttributeValue<OptionSetValue>(LeadTable.ScoreBand).Value;

        [Fact]
        public void A_lead_jumping_to_hot_alerts_its_owner_once_per_jump()
        {
            var lead = _fixture.HandedOffLead("Novak");
            var owner = _fixture.OwnerOf(lead);
            var warmAtHandoff = Band(lead);

            FormSubmitted(lead);
            var afterFirstJump = HotAlerts(owner);
            FormSubmitted(lead);
            var stillHot = HotAlerts(owner);
            Org.As(owner).Update(new Entity(LeadTable.EntityName, lead) { ["jobtitle"] = "Office manager", ["numberofemployees"] = 12 });
            var bandAfterDrop = Band(lead);
            Org.As(owner).Update(new Entity(LeadTable.EntityName, lead) { ["jobtitle"] = "Chief Operating Officer", ["numberofemployees"] = 1500 });

            Assert.Equal((int)ScoreBand.Warm, warmAtHandoff);
            Assert.Equal(1, afterFirstJump);
            Assert.Equal(1, stillHot);
            Assert.Equal((int)ScoreBand.Warm, bandAfterDrop);
            Assert.Equal((int)ScoreBand.Hot, Band(lead));
            Assert.Equal(2, HotAlerts(owner));
            var note = Org.All(AppNotificationTable.EntityName).First(each => each.GetAttributeValue<string>(AppNotificationTable.Title) == "Hot lead: Novak");
            Assert.Contains("etn=lead&id=" + lead.ToString("D"), note.GetAttributeValue<string>(AppNotificationTable.Data), StringComparison.Ordinal);
        }
    }
}
