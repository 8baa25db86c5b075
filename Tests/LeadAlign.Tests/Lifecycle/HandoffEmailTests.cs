using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>The handoff e-mail (the agreement's E-mail the handoff): to the rep in round robin, to the sales queue in queue mode.</summary>
    public sealed class HandoffEmailTests
    {
        [Fact]
        public void In_round_robin_the_rep_gets_an_email_sent_from_the_marketing_queue_regarding_the_lead_with_its_link()
        {
            var fixture = new LifecycleFixture();
            var marketingQueue = MarketingQueue(fixture);
            SwitchOn(fixture);

            var id = fixture.HandedOffLead();

            var email = Assert.Single(fixture.Org.All("email"));
            Assert.Equal(id, email.GetAttributeValue<EntityReference>("regardingobjectid").Id);
            Assert.Equal(1, email.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal("New MQL: Novak", email["subject"]);
            Assert.Contains("/main.aspx?appname=la_LeadAlignment&amp;pagetype=entityrecord&amp;etn=lead&amp;id=" + id.ToString("D"), email.GetAttributeValue<string>("description"));
            Assert.Contains("Accept it by 2026-01-05 13:00 UTC", email.GetAttributeValue<string>("description"));
            Assert.Equal(fixture.Reps[0], Party(fixture, email, "to").Id);
            Assert.Equal(marketingQueue, Party(fixture, email, "from").Id);
        }

        [Fact]
        public void The_organization_s_web_address_is_read_once_for_the_handoffs_of_an_hour()
        {
            var fixture = new LifecycleFixture();
            MarketingQueue(fixture);
            SwitchOn(fixture);
            fixture.Org.Log.Clear();

            fixture.HandedOffLead("Novak");
            fixture.Org.Advance(TimeSpan.FromMinutes(20));
            fixture.HandedOffLead("Horvat");

            Assert.Equal(2, fixture.Org.All("email").Count);
            var handoffs = fixture.Org.Log.Of(typeof(LeadAlign.Plugins.Lifecycle.LeadLifecyclePostPlugin)).Where(run => run.Calls("SendEmail") == 1).ToList();
            Assert.Equal(2, handoffs.Count);
            Assert.Equal(new[] { 1, 0 }, handoffs.Select(run => run.Calls("RetrieveCurrentOrganization")));
        }

        [Fact]
        public void In_queue_mode_the_sales_queue_gets_the_email_when_the_lead_is_queued_and_the_picker_when_it_is_picked()
        {
            var given = new QueueRoutingTests.QueueMode();
            var marketingQueue = MarketingQueue(given.Fixture);
            SwitchOn(given.Fixture);

            var id = given.Fixture.HandedOffLead();
            var queued = Assert.Single(given.Org.All("email"));
            given.Pick(given.Fixture.Reps[1], id);

            Assert.Equal(given.SalesQueue, Party(given.Fixture, queued, "to").Id);
            Assert.Contains("the accept clock starts when a rep picks it", queued.GetAttributeValue<string>("description"));
            var picked = given.Org.All("email").Single(email => email.Id != queued.Id);
            Assert.Equal(given.Fixture.Reps[1], Party(given.Fixture, picked, "to").Id);
            Assert.All(given.Org.All("email"), email => Assert.Equal(id, email.GetAttributeValue<EntityReference>("regardingobjectid").Id));
        }

        [Fact]
        public void Without_a_marketing_queue_the_email_is_left_as_a_draft_from_system()
        {
            var fixture = new LifecycleFixture(agreement: new Dictionary<string, object?> { [AgreementTable.EmailHandoff] = true });

            fixture.HandedOffLead();

            var email = Assert.Single(fixture.Org.All("email"));
            Assert.Equal(0, email.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(fixture.Org.SystemUserId, Party(fixture, email, "from").Id);
            Assert.Equal(fixture.Reps[0], Party(fixture, email, "to").Id);
        }

        [Fact]
        public void With_the_switch_off_no_email_is_sent_in_either_mode()
        {
            var roundRobin = new LifecycleFixture();
            MarketingQueue(roundRobin);
            var queueMode = new QueueRoutingTests.QueueMode();
            MarketingQueue(queueMode.Fixture);

            roundRobin.HandedOffLead();
            var queued = queueMode.Fixture.HandedOffLead();
            queueMode.Pick(queueMode.Fixture.Reps[0], queued);

            Assert.Empty(roundRobin.Org.All("email"));
            Assert.Empty(queueMode.Org.All("email"));
            Assert.Single(roundRobin.Org.All("appnotification"));
        }

        private static Guid MarketingQueue(LifecycleFixture fixture)
        {
            var queue = fixture.Org.SystemService.Create(new Entity("queue") { ["name"] = "Marketing", ["emailaddress"] = "marketing@contoso.example" });
            fixture.Org.SystemService.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.MarketingQueueId] = new EntityReference("queue", queue) });
            fixture.Org.DrainAsync();
            return queue;
        }

        private static void SwitchOn(LifecycleFixture fixture)
        {
            fixture.Org.SystemService.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.EmailHandoff] = true });
            fixture.Org.DrainAsync();
        }

        /// <summary>The one party of the e-mail in the role given (from, to), as its activity party rows hold it.</summary>
        private static EntityReference Party(LifecycleFixture fixture, Entity email, string role)
        {
            var mask = role == "from" ? 1 : 2;
            return fixture.Org.All("activityparty")
                .Single(party => party.GetAttributeValue<EntityReference>("activityid")?.Id == email.Id && party.GetAttributeValue<OptionSetValue>("participationtypemask")?.Value == mask)
                .GetAttributeValue<EntityReference>("partyid");
        }
    }
}
