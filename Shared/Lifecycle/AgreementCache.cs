using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Runtime;
using LeadAlign.Sla;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Lifecycle
{
    /// <summary>
    /// The active agreement of each organization and its holidays: two queries (the agreement, then its la_agreementholiday
    /// rows' dates), kept 10 minutes of platform time. A change of an agreement or of a holiday is told by
    /// AgreementChangedPlugin in two parts, as <see cref="OrganizationCache{T}"/> describes: <see cref="Changing"/> in the
    /// change's transaction (nothing loaded is kept from then on), <see cref="Committed"/> after it commits (the next load is
    /// kept), so an agreement saved in a transaction that rolled back is never kept.
    /// </summary>
    internal static class AgreementCache
    {
        private static readonly OrganizationCache<Agreement> Cache = new OrganizationCache<Agreement>(TimeSpan.FromMinutes(10));

        /// <summary>The active agreement; <paramref name="service"/> is asked for only when the entry must be (re)loaded.</summary>
        public static Agreement? Get(Func<IOrganizationService> service, Guid organizationId, DateTime now, Action<string> trace) =>
            Cache.Get(organizationId, now, () => Load(service(), () => TimeZoneDefinitions.Get(service, organizationId, now)), why => trace($"Agreement cache: the agreement read is used for this operation but not kept: {why}."));

        /// <summary>
        /// The active agreement read now, without the cache: for code outside the plug-in assembly (the workflow activities
        /// carry their own copy of this class, which the plug-ins' invalidation cannot reach).
        /// </summary>
        public static Agreement? Load(IOrganizationService service) => Load(service, () => TimeZoneDefinitions.Load(service));

        /// <summary>The active agreement read now, its time zone resolved through <paramref name="zones"/> (asked only when it has one).</summary>
        private static Agreement? Load(IOrganizationService service, Func<IReadOnlyDictionary<int, string>> zones)
        {
            var query = new QueryExpression(AgreementTable.EntityName) { ColumnSet = new ColumnSet(true), TopCount = 1 };
            query.Criteria.AddCondition(AgreementTable.IsActive, ConditionOperator.Equal, true);
            query.AddOrder(AgreementTable.Name, OrderType.Ascending);
            var row = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            return row == null ? null : Agreement.FromRow(row, Agreement.HolidaysOf(service, row.Id), zones);
        }

        /// <summary>An agreement is being changed, in the change's transaction.</summary>
        public static void Changing(Guid organizationId, string change, DateTime now) => Cache.Changing(organizationId, change, now);

        /// <summary>The change committed (after commit, from its asynchronous step).</summary>
        public static void Committed(Guid organizationId, string change, DateTime now) => Cache.Committed(organizationId, change, now);
    }
}
