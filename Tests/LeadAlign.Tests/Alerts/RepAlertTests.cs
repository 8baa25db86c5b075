using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Alerts;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Alerts
{
    /// <summary>
    /// A rep's alerts (la_leadalert): given a handed-off lead and the rep's alert, when marketing records what the lead did, then the
    /// rep gets an in-app notification linking to the lead, at most once per lead per the agreement's throttle minutes, and only
    /// for interactions the alert watches.
    /// </summary>
    public sealed class RepAlertTests
    {
        private readonly LifecycleFixture _fixture = new(agreement: new Dictionary<string, object?> { [AgreementTable.AlertThrottleMinutes] = 60 });

        private InMemoryDataverse Org => _fixture.Org;

        private Guid Alert(Guid rep, AlertScope scope, InteractionType? type = null, string? urlContains = null, Guid? lead = null, string? company = null, bool active = true)
        {
            var alert = new Entity(LeadAlertTable.EntityName)
            {
                [LeadAlertTable.Name] = "Pricing visits",
                [LeadAlertTable.Scope] = new OptionSetValue((int)scope),
                [LeadAlertTable.IsActive] = active,
            };
            if (type != null)
            {
                alert[LeadAlertTable.InteractionType] = new OptionSetValue((int)type.Value);
            }

            alert[LeadAlertTable.UrlContains] = urlContains;
            alert[LeadAlertTable.LeadId] = lead == null ? null : new EntityReference(LeadTable.EntityName, lead.Value);
            alert[LeadAlertTable.CompanyName] = company;
            return Org.As(rep).Create(alert);
        }

        private void Interaction(Guid lead, InteractionType type, string? url) =>
            Org.As(_fixture.Marketer).Create(new Entity(MarketingInteractionTable.EntityName)
            {
                ["subject"] = "Visited " + url,
                [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)type),
                [MarketingInteractionTable.Url] = url,
                ["regardingobjectid"] = new EntityReference(LeadTable.EntityName, lead),
            });

        private List<Entity> AlertsTo(Guid user) =>
            Org.All(AppNotificationTable.EntityName)
                .Where(note => note.GetAttributeValue<EntityReference>(AppNotificationTable.OwnerId).Id == user && note.GetAttributeValue<string>(AppNotificationTable.Title).StartsWith("Pricing visits", StringComparison.Ordinal))
                .ToList();

        [Fact]
        public void A_matching_pricing_visit_notifies_the_rep_at_once_with_a_link_to_the_lead_as_SYSTEM()
        {
            var lead = _fixture.HandedOffLead("Novak");
            var rep = _fixture.OwnerOf(lead);
            var alert = Alert(rep, AlertScope.MyLeads, InteractionType.WebVisit, "/pricing");

            Interaction(lead, InteractionType.WebVisit, "https://contoso.example/Pricing/enterprise");

            var note = Assert.Single(AlertsTo(rep));
            Assert.Equal("Pricing visits: Novak", note.GetAttributeValue<string>(AppNotificationTable.Title));
            Assert.Contains("etn=lead&id=" + lead.ToString("D"), note.GetAttributeValue<string>(AppNotificationTable.Data), StringComparison.Ordinal);
            Assert.Equal(Org.SystemUserId, note.GetAttributeValue<EntityReference>("createdby").Id);
            Assert.Equal(Org.UtcNow, Org.Get(LeadAlertTable.EntityName, alert)!.GetAttributeValue<DateTime>(LeadAlertTable.LastAlertOn));
        }

        [Fact]
        public void An_organization_with_more_than_5000_active_alerts_still_hears_the_alert_on_the_last_page()
        {
            // Given 5,000 other active alerts (a full page of RetrieveMultiple) before the rep's own
            var lead = _fixture.HandedOffLead("Novak");
            var rep = _fixture.OwnerOf(lead);
            var colleague = _fixture.Reps.First(other => other != rep);
            Org.Seed(Enumerable.Range(0, 5000).Select(index => new Entity(LeadAlertTable.EntityName, new Guid(index + 1, 0, 0, new byte[8]))
            {
                [LeadAlertTable.Name] = "Someone else's " + index,
                [LeadAlertTable.Scope] = new OptionSetValue((int)AlertScope.OneCompany),
                [LeadAlertTable.CompanyName] = "Fabrikam " + index,
                [LeadAlertTable.IsActive] = true,
                ["statecode"] = new OptionSetValue(0),
                ["ownerid"] = new EntityReference(SystemUserTable.EntityName, colleague),
            }));
            // The rep's own alert sorts after them (the highest id in SQL Server's uniqueidentifier order and in Guid's own).
            Org.As(rep).Create(new Entity(LeadAlertTable.EntityName, new Guid("ffffffff-ffff-ffff-ffff-ffffffffffff"))
            {
                [LeadAlertTable.Name] = "Pricing visits",
                [LeadAlertTable.Scope] = new OptionSetValue((int)AlertScope.MyLeads),
                [LeadAlertTable.InteractionType] = new OptionSetValue((int)InteractionType.WebVisit),
                [LeadAlertTable.UrlContains] = "/pricing",
                [LeadAlertTable.IsActive] = true,
            });

            // When the lead visits the pricing page
            Interaction(lead, InteractionType.WebVisit, "https://contoso.example/pricing");

            // Then the rep is notified: the alerts were read page by page
            Assert.Single(AlertsTo(rep));
        }

        [Fact]
        public void Two_matching_visits_within_the_throttle_send_one_alert_and_one_after_it_sends_a_second()
        {
            var lead = _fixture.HandedOffLead("Novak");
            var rep = _fixture.OwnerOf(lead);
            Alert(rep, AlertScope.MyLeads, InteractionType.WebVisit, "/pricing");

            Interaction(lead, InteractionType.WebVisit, "/pricing");
            Org.Advance(TimeSpan.FromMinutes(59));
            Interaction(lead, InteractionType.WebVisit, "/pricing");
            var withinThrottle = AlertsTo(rep).Count;
            Org.Advance(TimeSpan.FromMinutes(1));
            Interaction(lead, InteractionType.WebVisit, "/pricing");

            Assert.Equal(1, withinThrottle);
            Assert.Equal(2, AlertsTo(rep).Count);
        }

        [Fact]
        public void The_throttle_is_per_lead_so_another_of_the_reps_leads_alerts_within_it()
        {
            var first = _fixture.HandedOffLead("Novak");
            var rep = _fixture.OwnerOf(first);
            Alert(rep, AlertScope.MyLeads, InteractionType.WebVisit, "/pricing");
            var second = Org.As(_fixture.Marketer).Create(LifecycleFixture.QualifiedLead("Horvat"));
            Org.As(_fixture.Admin).Update(new Entity(LeadTable.EntityName, second) { [LeadTable.OwnerId] = new EntityReference("systemuser", rep) });

            Interaction(first, InteractionType.WebVisit, "/pricing");
            Interaction(second, InteractionType.WebVisit, "/pricing");

            Assert.Equal(new[] { "Pricing visits: Horvat", "Pricing visits: Novak" }, AlertsTo(rep).Select(note => note.GetAttributeValue<string>(AppNotificationTable.Title)).OrderBy(title => title, StringComparer.Ordinal));
        }

        [Fact]
        public void An_interaction_of_another_type_another_page_or_on_a_switched_off_alert_notifies_no_one()
        {
            var lead = _fixture.HandedOffLead("Novak");
            var rep = _fixture.OwnerOf(lead);
            Alert(rep, AlertScope.MyLeads, InteractionType.WebVisit, "/pricing");
            Alert(rep, AlertScope.MyLeads, null, null, active: false);

            Interaction(lead, InteractionType.WebVisit, "/blog/why-crm");
            Interaction(lead, InteractionType.ContentDownload, "/pricing/price-list.pdf");

            Assert.Empty(AlertsTo(rep));
        }

        [Fact]
        public void An_alert_on_one_lead_or_one_company_watches_leads_the_rep_does_not_own()
        {
            var lead = _fixture.HandedOffLead("Novak");
            var owner = _fixture.OwnerOf(lead);
            var watcher = _fixture.Reps.First(rep => rep != owner);
            var companyWatcher = _fixture.Reps.Last(rep => rep != owner && rep != watcher);
            Alert(watcher, AlertScope.OneLead, lead: lead);
            Alert(companyWatcher, AlertScope.OneCompany, InteractionType.FormSubmission, company: "contoso");
            Alert(owner, AlertScope.OneCompany, company: "Fabrikam");

            Interaction(lead, InteractionType.FormSubmission, "/demo");

            Assert.Single(AlertsTo(watcher));
            Assert.Single(AlertsTo(companyWatcher));
            Assert.Empty(AlertsTo(owner));
        }

        [Fact]
        public void The_my_active_lead_alerts_view_shows_the_rep_their_own_active_alerts_only()
        {
            var rep = _fixture.Reps[0];
            Alert(rep, AlertScope.MyLeads, InteractionType.WebVisit, "/pricing");
            var other = Alert(_fixture.Reps[1], AlertScope.MyLeads);
            var switchedOff = Alert(rep, AlertScope.MyLeads);
            Org.As(rep).Update(new Entity(LeadAlertTable.EntityName, switchedOff) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });
            var view = Directory.EnumerateFiles(RepositoryLayout.PathInRepo("Solution", "Entities", LeadAlertTable.EntityName, "SavedQueries"), "*.xml").Select(XDocument.Load)
                .Single(document => document.Descendants("LocalizedName").Any(label => (string?)label.Attribute("description") == "My active lead alerts"));

            var rows = Org.As(rep).RetrieveMultiple(new FetchExpression(view.Descendants("fetch").Single().ToString())).Entities;

            var row = Assert.Single(rows);
            Assert.Equal("/pricing", row.GetAttributeValue<string>(LeadAlertTable.UrlContains));
            Assert.NotEqual(other, row.Id);
        }

        [Fact]
        public void With_the_alerts_cached_an_interaction_no_alert_wants_costs_nothing_and_a_notified_alert_the_lead_and_five_more()
        {
            var lead = _fixture.HandedOffLead("Novak");
            var rep = _fixture.OwnerOf(lead);
            Alert(rep, AlertScope.MyLeads, InteractionType.WebVisit, "/pricing");
            // What is read within two minutes of a change of an alert is used but not kept (the change could still roll back).
            Org.Advance(LeadAlertCache.PendingLimit + TimeSpan.FromSeconds(1));
            Org.Log.Clear();

            Interaction(lead, InteractionType.WebVisit, "/blog");
            Interaction(lead, InteractionType.ContentDownload, "/blog");
            Interaction(lead, InteractionType.WebVisit, "/pricing");
            Interaction(lead, InteractionType.WebVisit, "/blog");

            var runs = Org.Log.Of(typeof(LeadAlign.Plugins.Alerts.RepAlertPlugin)).ToList();
            Assert.Equal(4, runs.Count);
            // The first reads the active alerts, of every type, and keeps them; none wants /blog, so the lead is not read.
            Assert.Equal(new[] { 1, 1 }, new[] { runs[0].Calls("RetrieveMultiple"), runs[0].TotalCalls });
            Assert.Equal(0, runs[1].TotalCalls);
            // The lead, the access check, the alert's lock and re-read, the notification and the alert's update: what the alert
            // notified is no change of what it watches, so the next interaction still finds the alerts cached.
            Assert.Equal(new[] { 0, 1, 2, 1, 2 }, new[] { runs[2].Calls("RetrieveMultiple"), runs[2].Calls("RetrievePrincipalAccess"), runs[2].Calls("Retrieve"), runs[2].Calls("Create"), runs[2].Calls("Update") });
            Assert.Equal(6, runs[2].TotalCalls);
            Assert.Equal(0, runs[3].TotalCalls);
            Assert.Single(AlertsTo(rep));
        }

        [Fact]
        public void An_alert_created_switched_off_or_changed_takes_effect_on_the_next_interaction_despite_the_cache()
        {
            var lead = _fixture.HandedOffLead("Novak");
            var rep = _fixture.OwnerOf(lead);
            Interaction(lead, InteractionType.WebVisit, "/pricing");
            Org.DrainAsync();

            var alert = Alert(rep, AlertScope.MyLeads, InteractionType.WebVisit, "/pricing");
            Interaction(lead, InteractionType.WebVisit, "/pricing");
            var afterCreate = AlertsTo(rep).Count;
            Org.DrainAsync();
            Org.Advance(TimeSpan.FromMinutes(61));
            Org.As(rep).Update(new Entity(LeadAlertTable.EntityName, alert) { [LeadAlertTable.IsActive] = false });
            Interaction(lead, InteractionType.WebVisit, "/pricing");
            var afterSwitchOff = AlertsTo(rep).Count;
            Org.DrainAsync();
            Org.As(rep).Update(new Entity(LeadAlertTable.EntityName, alert) { [LeadAlertTable.IsActive] = true, [LeadAlertTable.UrlContains] = "/demo" });
            Interaction(lead, InteractionType.WebVisit, "/pricing");
            Interaction(lead, InteractionType.WebVisit, "/demo");

            Assert.Equal(1, afterCreate);
            Assert.Equal(1, afterSwitchOff);
            Assert.Equal(2, AlertsTo(rep).Count);
            Assert.Contains(AlertsTo(rep), note => note.GetAttributeValue<string>(AppNotificationTable.Body).EndsWith("(/demo).", StringComparison.Ordinal));
        }

        [Fact]
        public void A_nurture_email_is_marketings_own_message_and_alerts_no_one()
        {
            var lead = _fixture.HandedOffLead("Novak");
            var rep = _fixture.OwnerOf(lead);
            Alert(rep, AlertScope.MyLeads);

            Interaction(lead, InteractionType.NurtureEmail, "/newsletter/january");

            Assert.Empty(AlertsTo(rep));
        }
    }
}
