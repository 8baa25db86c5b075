using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Lifecycle
{
    /// <summary>The active sales and marketing agreement, as the lifecycle code reads it.</summary>
    internal sealed class Agreement
    {
        public Agreement(Guid id, string name)
        {
            Id = id;
            Name = name;
        }

        public Guid Id { get; }

        public string Name { get; }

        public IReadOnlyList<IReadOnlyList<string>> SqlRequiredColumns { get; set; } = new List<IReadOnlyList<string>>();

        public Guid? SalesTeamId { get; set; }

        public Guid? MarketingTeamId { get; set; }

        public RoutingFilter RoutingFilter { get; set; } = RoutingFilter.None;

        public int MaxOpenLeadsPerRep { get; set; } = int.MaxValue;

        public int AcceptHours { get; set; } = 4;

        public int FirstContactHours { get; set; } = 24;

        public static Agreement FromRow(Entity row) => new Agreement(row.Id, row.GetAttributeValue<string>(AgreementTable.Name) ?? string.Empty)
        {
            SqlRequiredColumns = ScoringModel.ParseRequiredColumns(row.GetAttributeValue<string>(AgreementTable.SqlRequiredColumns)),
            SalesTeamId = row.GetAttributeValue<EntityReference>(AgreementTable.SalesTeamId)?.Id,
            MarketingTeamId = row.GetAttributeValue<EntityReference>(AgreementTable.MarketingTeamId)?.Id,
            RoutingFilter = (RoutingFilter)(row.GetAttributeValue<OptionSetValue>(AgreementTable.RoutingFilter)?.Value ?? (int)RoutingFilter.None),
            MaxOpenLeadsPerRep = row.GetAttributeValue<int?>(AgreementTable.MaxOpenLeadsPerRep) ?? int.MaxValue,
            AcceptHours = row.GetAttributeValue<int?>(AgreementTable.AcceptHours) ?? 4,
            FirstContactHours = row.GetAttributeValue<int?>(AgreementTable.FirstContactHours) ?? 24,
        };

        /// <summary>The required entries no column of which has a value on the lead, each shown as "a or b".</summary>
        public static IReadOnlyList<string> Missing(IEnumerable<IReadOnlyList<string>> required, Entity lead) =>
            required.Where(entry => !entry.Any(column => HasValue(lead, column))).Select(entry => string.Join(" or ", entry)).ToList();

        private static bool HasValue(Entity lead, string column) =>
            lead.Attributes.TryGetValue(column, out var value) && value != null && !(value is string text && text.Trim().Length == 0);
    }

    /// <summary>The active agreement of each organization: one query, kept 60 s of platform time, dropped when an agreement changes.</summary>
    internal static class AgreementCache
    {
        private static readonly OrganizationCache<Agreement> Cache = new OrganizationCache<Agreement>(TimeSpan.FromSeconds(60));

        public static Agreement? Get(IOrganizationService service, Guid organizationId, DateTime now) =>
            Cache.Get(organizationId, now, () =>
            {
                var query = new QueryExpression(AgreementTable.EntityName) { ColumnSet = new ColumnSet(true), TopCount = 1 };
                query.Criteria.AddCondition(AgreementTable.IsActive, ConditionOperator.Equal, true);
                query.AddOrder(AgreementTable.Name, OrderType.Ascending);
                var row = service.RetrieveMultiple(query).Entities.FirstOrDefault();
                return row == null ? null : Agreement.FromRow(row);
            });

        public static void Invalidate(Guid organizationId) => Cache.Invalidate(organizationId);
    }
}
