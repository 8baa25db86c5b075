using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Alerts
{
    /// <summary>
    /// The active rep alerts (la_leadalert) of each organization, of every interaction type: one query, kept 10 minutes of platform
    /// time like the agreement, so a marketing interaction that matches no alert makes no call. A change of what an alert watches
    /// (its name, scope, type, URL text, lead, company, owner, or whether it is active) is told by LeadAlertChangedPlugin in the change's
    /// transaction (nothing read is kept for <see cref="OrganizationCache{T}.PendingLimit"/> after it); what an alert last notified (la_lastalerton, la_recentalerts) is not a
    /// change of it, as <see cref="RepAlerts"/> reads it again under the alert's lock before it notifies. The rows are shared by the
    /// threads that read them: nothing may change them.
    /// </summary>
    internal static class LeadAlertCache
    {
        private static readonly OrganizationCache<IReadOnlyList<Entity>> Cache = new OrganizationCache<IReadOnlyList<Entity>>(TimeSpan.FromMinutes(10));

        /// <summary>The columns an alert is matched and throttled by: what the cache keeps of each alert.</summary>
        public static readonly ColumnSet AlertColumns = new ColumnSet(
            LeadAlertTable.Name, LeadAlertTable.Scope, LeadAlertTable.InteractionType, LeadAlertTable.UrlContains, LeadAlertTable.LeadId,
            LeadAlertTable.CompanyName, LeadAlertTable.OwnerId, LeadAlertTable.RecentAlerts);

        /// <summary>The columns whose change changes what an alert matches: the filtering attributes of LeadAlertChangedPlugin's Update steps.</summary>
        public const string MatchingColumns =
            LeadAlertTable.Name + "," + LeadAlertTable.Scope + "," + LeadAlertTable.InteractionType + "," + LeadAlertTable.UrlContains + "," + LeadAlertTable.LeadId + ","
            + LeadAlertTable.CompanyName + "," + LeadAlertTable.OwnerId + "," + LeadAlertTable.IsActive + "," + LeadAlertTable.StateCode;

        /// <summary>How long a change keeps what is read from being kept (the platform's two-minute limit on a transaction).</summary>
        public static TimeSpan PendingLimit => OrganizationCache<IReadOnlyList<Entity>>.PendingLimit;

        /// <summary>The active alerts; <paramref name="service"/> is asked for only when the entry must be (re)loaded.</summary>
        public static IReadOnlyList<Entity> Get(Func<IOrganizationService> service, Guid organizationId, DateTime now, Action<string> trace) =>
            Cache.Get(organizationId, now, () => Load(service()), why => trace($"Lead alert cache: the alerts read are used for this operation but not kept: {why}."))!;

        /// <summary>The active alerts read now: Active Yes or empty (the column defaults to Yes; a row written without it by an integration is not switched off), state Active. One query a page of 5,000.</summary>
        public static IReadOnlyList<Entity> Load(IOrganizationService service)
        {
            var query = new QueryExpression(LeadAlertTable.EntityName) { ColumnSet = AlertColumns };
            var active = new FilterExpression(LogicalOperator.Or);
            active.AddCondition(LeadAlertTable.IsActive, ConditionOperator.Equal, true);
            active.AddCondition(LeadAlertTable.IsActive, ConditionOperator.Null);
            query.Criteria.AddFilter(active);
            query.Criteria.AddCondition(LeadAlertTable.StateCode, ConditionOperator.Equal, 0);
            query.AddOrder(LeadAlertTable.Id, OrderType.Ascending);

            // A page holds at most 5,000 rows: an organization with more active alerts is read page by page, not cut at the first.
            return QueryPages.All(service, query);
        }

        /// <summary>An alert is being changed, in the change's transaction.</summary>
        public static void Changing(Guid organizationId, string change, DateTime now) => Cache.Changing(organizationId, change, now);
    }
}
