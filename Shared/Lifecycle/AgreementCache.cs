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
    /// The active agreement of each organization and its holidays: one query (the agreement joined to its la_agreementholiday
    /// rows' dates), kept 10 minutes of platform time. A change of an agreement or of a holiday is told by
    /// AgreementChangedPlugin in two parts, as <see cref="OrganizationCache{T}"/> describes: <see cref="Changing"/> in the
    /// change's transaction (nothing loaded is kept from then on), <see cref="Committed"/> after it commits (the next load is
    /// kept), so an agreement saved in a transaction that rolled back is never kept.
    /// </summary>
    internal static class AgreementCache
    {
        /// <summary>The alias of the holidays joined to the agreement.</summary>
        private const string HolidayAlias = "holiday";

        private static readonly OrganizationCache<Agreement> Cache = new OrganizationCache<Agreement>(TimeSpan.FromMinutes(10));

        /// <summary>The active agreement; <paramref name="service"/> is asked for only when the entry must be (re)loaded.</summary>
        public static Agreement? Get(Func<IOrganizationService> service, Guid organizationId, DateTime now, Action<string> trace) =>
            Cache.Get(organizationId, now, () => Load(service(), () => TimeZoneDefinitions.Get(service, organizationId, now)), why => trace($"Agreement cache: the agreement read is used for this operation but not kept: {why}."));

        /// <summary>
        /// The active agreement read now, without the cache: for code outside the plug-in assembly (the workflow activities
        /// carry their own copy of this class, which the plug-ins' invalidation cannot reach).
        /// </summary>
        public static Agreement? Load(IOrganizationService service) => Load(service, () => TimeZoneDefinitions.Load(service));

        /// <summary>
        /// The active agreement read now with its holidays, its time zone resolved through <paramref name="zones"/> (asked only
        /// when it has one): one query, the agreement joined (left outer) to its active la_agreementholiday rows' dates, as the
        /// scoring model is read with its rules; the first active agreement by name is the one in force.
        /// </summary>
        private static Agreement? Load(IOrganizationService service, Func<IReadOnlyDictionary<int, string>> zones)
        {
            var query = new QueryExpression(AgreementTable.EntityName) { ColumnSet = new ColumnSet(true) };
            query.Criteria.AddCondition(AgreementTable.IsActive, ConditionOperator.Equal, true);
            query.AddOrder(AgreementTable.Name, OrderType.Ascending);
            query.AddOrder(AgreementTable.Id, OrderType.Ascending);
            var holidays = query.AddLink(AgreementHolidayTable.EntityName, AgreementTable.Id, AgreementHolidayTable.AgreementId, JoinOperator.LeftOuter);
            holidays.EntityAlias = HolidayAlias;
            holidays.Columns = new ColumnSet(AgreementHolidayTable.Date);
            holidays.LinkCriteria.AddCondition(AgreementHolidayTable.StateCode, ConditionOperator.Equal, 0);

            var rows = service.RetrieveMultiple(query).Entities;
            if (rows.Count == 0)
            {
                return null;
            }

            var agreement = rows[0];
            var dates = rows.Where(row => row.Id == agreement.Id)
                .Select(row => row.GetAttributeValue<AliasedValue>(HolidayAlias + "." + AgreementHolidayTable.Date)?.Value as DateTime?)
                .Where(date => date != null)
                .Select(date => date!.Value.Date)
                .ToList();
            return Agreement.FromRow(agreement, dates, zones);
        }

        /// <summary>An agreement is being changed, in the change's transaction.</summary>
        public static void Changing(Guid organizationId, string change, DateTime now) => Cache.Changing(organizationId, change, now);

        /// <summary>The change committed (after commit, from its asynchronous step).</summary>
        public static void Committed(Guid organizationId, string change, DateTime now) => Cache.Committed(organizationId, change, now);
    }
}
