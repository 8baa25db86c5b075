using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Alerts
{
    /// <summary>
    /// Reps' alerts (la_leadalert) on what their leads do. A marketing interaction regarding a lead notifies, in-app, the owner of
    /// every active alert that matches it: its interaction type (empty: any), the text its URL or asset must contain (ignoring case;
    /// empty: any), and its scope (the leads the alert's owner owns, its one lead, or the leads whose company name is its company,
    /// ignoring case). An alert notifies about one lead at most once per the agreement's throttle minutes (its la_recentalerts), and
    /// never a rep who cannot read the lead (RetrievePrincipalAccess, the platform's own answer from the rep's roles). Written as
    /// SYSTEM: the notification goes to another user, which the platform lets SYSTEM do. A lead jumping to the Hot band notifies
    /// its owner (<see cref="NotifyHotBand"/>).
    /// </summary>
    internal static class RepAlerts
    {
        /// <summary>The length of la_leadalert.la_recentalerts.</summary>
        public const int RecentAlertsMaxLength = 2000;

        /// <summary>
        /// Notifies the reps whose active alerts (<paramref name="activeAlerts"/>, from <see cref="LeadAlertCache"/>) match the
        /// interaction; returns how many were notified. Calls: none when no alert of its type matches its URL; when one does, one to
        /// read the lead; then, per matching alert not throttled, the access check, the alert's lock and re-read, the notification and
        /// the alert's update. The throttle is first checked on the alert as it was read (an alert that notified about the lead within
        /// the throttle then still has), then again under the alert's lock.
        /// </summary>
        public static int Notify(IOrganizationService system, IReadOnlyList<Entity> activeAlerts, Entity interaction, Guid leadId, DateTime now, TimeSpan throttle, Action<string> trace)
        {
            var type = interaction.GetAttributeValue<OptionSetValue>(MarketingInteractionTable.InteractionType)?.Value;
            var url = interaction.GetAttributeValue<string>(MarketingInteractionTable.Url);

            // The alerts of this interaction's type (or of any type) whose URL text it contains, before the lead is read: most
            // interactions match no alert and cost no call.
            var matching = activeAlerts.Where(alert => TypeMatches(alert, type) && UrlMatches(alert, url)).ToList();
            if (matching.Count == 0)
            {
                return 0;
            }

            var lead = system.Retrieve(LeadTable.EntityName, leadId, new ColumnSet(LeadTable.OwnerId, LeadTable.CompanyName, LeadTable.FullName));
            var notified = 0;
            foreach (var alert in matching.Where(alert => InScope(alert, lead)))
            {
                var name = alert.GetAttributeValue<string>(LeadAlertTable.Name) ?? "Lead alert";

                var subscriber = alert.GetAttributeValue<EntityReference>(LeadAlertTable.OwnerId);
                if (subscriber?.LogicalName != SystemUserTable.EntityName)
                {
                    trace($"Alert '{name}' is owned by a team: no one to notify personally.");
                    continue;
                }

                if (RecentAlerts.Parse(alert.GetAttributeValue<string>(LeadAlertTable.RecentAlerts)).Throttled(leadId, now, throttle))
                {
                    trace($"Alert '{name}' already notified about this lead within {throttle.TotalMinutes} minutes: throttled.");
                    continue;
                }

                if (!CanRead(system, subscriber.Id, lead.ToEntityReference()))
                {
                    trace($"Alert '{name}': its owner {subscriber.Id} cannot read the lead, so is not notified.");
                    continue;
                }

                // Lock the alert first (an update that changes nothing takes its row lock until this save commits), then read what it
                // last notified: two interactions saved at once for one lead would otherwise both notify.
                system.Update(new Entity(LeadAlertTable.EntityName, alert.Id));
                var recent = RecentAlerts.Parse(system.Retrieve(LeadAlertTable.EntityName, alert.Id, new ColumnSet(LeadAlertTable.RecentAlerts)).GetAttributeValue<string>(LeadAlertTable.RecentAlerts));
                if (recent.Throttled(leadId, now, throttle))
                {
                    continue;
                }

                var leadName = lead.GetAttributeValue<string>(LeadTable.FullName) ?? "a lead";
                var what = interaction.GetAttributeValue<string>(ActivityColumns.Subject) ?? "a marketing interaction";
                Send(system, subscriber.Id, $"{name}: {leadName}", $"{leadName}: {what}{(url == null ? string.Empty : " (" + url + ")")}.", leadId);
                recent.Record(leadId, now, throttle);
                system.Update(new Entity(LeadAlertTable.EntityName, alert.Id)
                {
                    [LeadAlertTable.LastAlertOn] = now,
                    [LeadAlertTable.RecentAlerts] = recent.ToString(RecentAlertsMaxLength),
                });
                trace($"Alert '{name}' notified {subscriber.Id} in-app, as SYSTEM.");
                notified++;
            }

            return notified;
        }

        /// <summary>Tells the lead's owner, when a user who can read it, that the lead has just become Hot.</summary>
        public static bool NotifyHotBand(IOrganizationService system, Guid leadId, EntityReference? owner, string? leadName, int? score, Action<string> trace)
        {
            if (owner?.LogicalName != SystemUserTable.EntityName)
            {
                trace("The lead turned Hot, but a team owns it: no one to notify personally.");
                return false;
            }

            if (!CanRead(system, owner.Id, new EntityReference(LeadTable.EntityName, leadId)))
            {
                trace($"The lead turned Hot, but its owner {owner.Id} cannot read it: not notified.");
                return false;
            }

            var name = leadName ?? "a lead";
            Send(system, owner.Id, $"Hot lead: {name}", $"{name} just became Hot{(score == null ? string.Empty : " (score " + score + ")")}. Act on it now.", leadId);
            trace($"The lead turned Hot: its owner {owner.Id} notified in-app, as SYSTEM.");
            return true;
        }

        /// <summary>The alert watches the interaction's type, or every type (its type empty).</summary>
        private static bool TypeMatches(Entity alert, int? type)
        {
            var watched = alert.GetAttributeValue<OptionSetValue>(LeadAlertTable.InteractionType);
            return watched == null || (type != null && watched.Value == type.Value);
        }

        /// <summary>The alert's URL text (ignoring case; empty: any) is in the interaction's URL.</summary>
        private static bool UrlMatches(Entity alert, string? url)
        {
            var contains = alert.GetAttributeValue<string>(LeadAlertTable.UrlContains);
            return string.IsNullOrWhiteSpace(contains) || (url != null && url.IndexOf(contains!.Trim(), StringComparison.OrdinalIgnoreCase) >= 0);
        }

        /// <summary>The lead is in the alert's scope: the leads its owner owns, its one lead, or the leads of its company (ignoring case).</summary>
        private static bool InScope(Entity alert, Entity lead)
        {
            switch ((AlertScope?)alert.GetAttributeValue<OptionSetValue>(LeadAlertTable.Scope)?.Value)
            {
                case AlertScope.OneLead:
                    return alert.GetAttributeValue<EntityReference>(LeadAlertTable.LeadId)?.Id == lead.Id;
                case AlertScope.MyLeads:
                    var owner = lead.GetAttributeValue<EntityReference>(LeadTable.OwnerId);
                    return owner != null && alert.GetAttributeValue<EntityReference>(LeadAlertTable.OwnerId)?.Id == owner.Id;
                case AlertScope.OneCompany:
                    var company = lead.GetAttributeValue<string>(LeadTable.CompanyName)?.Trim();
                    return !string.IsNullOrEmpty(company) && string.Equals(alert.GetAttributeValue<string>(LeadAlertTable.CompanyName)?.Trim(), company, StringComparison.OrdinalIgnoreCase);
                default:
                    return false;
            }
        }

        /// <summary>Whether the user can read the row, as the platform answers from their roles (RetrievePrincipalAccess); one call.</summary>
        private static bool CanRead(IOrganizationService system, Guid userId, EntityReference row)
        {
            var response = (RetrievePrincipalAccessResponse)system.Execute(new RetrievePrincipalAccessRequest
            {
                Target = row,
                Principal = new EntityReference(SystemUserTable.EntityName, userId),
            });
            return (response.AccessRights & AccessRights.ReadAccess) == AccessRights.ReadAccess;
        }

        private static void Send(IOrganizationService system, Guid recipient, string title, string body, Guid leadId) =>
            system.Create(new Entity(AppNotificationTable.EntityName)
            {
                [AppNotificationTable.Title] = title,
                [AppNotificationTable.Body] = body,
                [AppNotificationTable.OwnerId] = new EntityReference(SystemUserTable.EntityName, recipient),
                [AppNotificationTable.IconType] = new OptionSetValue(AppNotificationTable.IconInfo),
                [AppNotificationTable.ToastType] = new OptionSetValue(AppNotificationTable.ToastTimed),
                [AppNotificationTable.Priority] = new OptionSetValue(AppNotificationTable.PriorityHigh),
                [AppNotificationTable.Data] = "{\"actions\":[{\"title\":\"Open lead\",\"data\":{\"url\":\"?pagetype=entityrecord&etn=" + LeadTable.EntityName + "&id=" + leadId.ToString("D") + "\"}}]}",
            });
    }
}
