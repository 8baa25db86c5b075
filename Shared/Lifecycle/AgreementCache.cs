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
    /// <summary>The active agreement of each organization: one query, kept 60 s of platform time, dropped when an agreement changes.</summary>
    internal static class AgreementCache
    {
        private static readonly OrganizationCache<Agreement> Cache = new OrganizationCache<Agreement>(TimeSpan.FromSeconds(60));

        /// <summary>The active agreement; <paramref name="service"/> is asked for only when the entry must be (re)loaded.</summary>
        public static Agreement? Get(Func<IOrganizationService> service, Guid organizationId, DateTime now) =>
            Cache.Get(organizationId, now, () => Load(service()));

        /// <summary>
        /// The active agreement read now, without the cache: for code outside the plug-in assembly (the workflow activities
        /// carry their own copy of this class, which the plug-ins' invalidation cannot reach).
        /// </summary>
        public static Agreement? Load(IOrganizationService service)
        {
            var query = new QueryExpression(AgreementTable.EntityName) { ColumnSet = new ColumnSet(true), TopCount = 1 };
            query.Criteria.AddCondition(AgreementTable.IsActive, ConditionOperator.Equal, true);
            query.AddOrder(AgreementTable.Name, OrderType.Ascending);
            var row = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            return row == null ? null : Agreement.FromRow(row);
        }

        public static void Invalidate(Guid organizationId) => Cache.Invalidate(organizationId);
    }
}
