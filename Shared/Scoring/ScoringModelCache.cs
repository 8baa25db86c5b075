using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Scoring
{
    /// <summary>
    /// The active scoring model of each organization, read with one query (the model, outer-joined to its active rules) and
    /// kept for <see cref="MaxAge"/> of platform time. Thread-safe: the platform runs one plug-in instance on many threads.
    /// A change of a model or rule invalidates the entry in this process; other sandbox processes see the change when their
    /// entry ages out, which bounds how stale a score can be. A clock that moved backwards also reloads.
    /// </summary>
    internal static class ScoringModelCache
    {
        private const string RuleAlias = "rule";
        private static readonly OrganizationCache<ScoringModel> Cache = new OrganizationCache<ScoringModel>(TimeSpan.FromSeconds(60));

        public static TimeSpan MaxAge => Cache.MaxAge;

        /// <summary>
        /// The active model, or null when no model is active. At most one service call, none when the entry is fresh; the
        /// service is asked for only when the entry must be (re)loaded, so a warm lookup creates none.
        /// </summary>
        public static ScoringModel? Get(Func<IOrganizationService> service, Guid organizationId, DateTime now, Action<string> trace) =>
            Cache.Get(organizationId, now, () =>
            {
                var model = Load(service(), trace);
                trace(model == null ? "Scoring model cache: no active scoring model." : $"Scoring model cache: loaded '{model.Name}' with {model.Rules.Count} active rules.");
                return model;
            });

        public static void Invalidate(Guid organizationId) => Cache.Invalidate(organizationId);

        private static ScoringModel? Load(IOrganizationService service, Action<string> trace)
        {
            var query = new QueryExpression(ScoringModelTable.EntityName)
            {
                ColumnSet = new ColumnSet(ScoringModelTable.Name, ScoringModelTable.NurtureResetsEngagement, ScoringModelTable.MqlThreshold, ScoringModelTable.WarmThreshold, ScoringModelTable.HotThreshold, ScoringModelTable.HalfLifeDays, ScoringModelTable.RequiredColumns),
            };
            query.Criteria.AddCondition(ScoringModelTable.IsActive, ConditionOperator.Equal, true);
            query.AddOrder(ScoringModelTable.Name, OrderType.Ascending);
            var rules = query.AddLink(ScoringRuleTable.EntityName, ScoringModelTable.Id, ScoringRuleTable.ScoringModelId, JoinOperator.LeftOuter);
            rules.EntityAlias = RuleAlias;
            rules.Columns = new ColumnSet(ScoringRuleTable.Id, ScoringRuleTable.Name, ScoringRuleTable.Category, ScoringRuleTable.Points, ScoringRuleTable.Cap, ScoringRuleTable.Column, ScoringRuleTable.Operator, ScoringRuleTable.NormalizedValue, ScoringRuleTable.ColumnType, ScoringRuleTable.ActivityKind, ScoringRuleTable.Direction, ScoringRuleTable.InteractionType);
            rules.LinkCriteria.AddCondition(ScoringRuleTable.IsActive, ConditionOperator.Equal, true);

            var rows = service.RetrieveMultiple(query).Entities;
            if (rows.Count == 0)
            {
                return null;
            }

            var modelId = rows[0].Id;
            var modelRows = rows.Where(row => row.Id == modelId).ToList();
            if (rows.Any(row => row.Id != modelId))
            {
                trace("More than one scoring model is active: scoring uses the first by name, " + rows[0].GetAttributeValue<string>(ScoringModelTable.Name) + ".");
            }

            var first = modelRows[0];
            var ruleList = modelRows
                .Where(row => row.Contains(RuleAlias + "." + ScoringRuleTable.Id))
                .Select(row => ScoringRule.FromRow(row, RuleAlias + "."))
                .GroupBy(rule => rule.Id)
                .Select(group => group.First())
                .ToList();
            return new ScoringModel(
                modelId,
                first.GetAttributeValue<string>(ScoringModelTable.Name) ?? string.Empty,
                first.GetAttributeValue<int?>(ScoringModelTable.MqlThreshold) ?? 0,
                first.GetAttributeValue<int?>(ScoringModelTable.WarmThreshold) ?? 0,
                first.GetAttributeValue<int?>(ScoringModelTable.HotThreshold) ?? 0,
                first.GetAttributeValue<decimal?>(ScoringModelTable.HalfLifeDays) ?? 30m,
                ScoringModel.ParseRequiredColumns(first.GetAttributeValue<string>(ScoringModelTable.RequiredColumns)),
                ruleList)
            {
                NurtureResetsEngagement = first.GetAttributeValue<bool?>(ScoringModelTable.NurtureResetsEngagement) ?? false,
            };
        }

    }
}
