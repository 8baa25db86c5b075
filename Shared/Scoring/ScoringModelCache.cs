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
    /// The active scoring model of each organization, read with one query (the model, outer-joined to its active rules) and,
    /// when it has fit rules or required columns, lead's columns (one RetrieveEntity, itself kept an hour and read again when it lacks a column the model names: LeadColumns), and kept for <see cref="MaxAge"/> of platform time.
    /// Thread-safe: the platform runs one plug-in instance on many threads. A fit rule whose column lead no longer has is
    /// marked unusable (skipped and traced at every score, never scored as an empty column), and a required column lead no
    /// longer has is left out of the MQL check; both are found once per load, so a save costs no metadata call.
    /// A change of a model or rule is told by the plug-in ScoringModelChangedPlugin in two parts, as
    /// <see cref="OrganizationCache{T}"/> describes: <see cref="Changing"/> in the change's transaction, <see cref="Committed"/>
    /// after it commits; only committed rules are ever kept. Other sandbox processes see the change when their entry ages out,
    /// which bounds how stale a score can be. A clock that moved backwards also reloads.
    /// </summary>
    internal static class ScoringModelCache
    {
        private const string RuleAlias = "rule";
        private static readonly OrganizationCache<ScoringModel> Cache = new OrganizationCache<ScoringModel>(TimeSpan.FromMinutes(10));

        public static TimeSpan MaxAge => Cache.MaxAge;

        /// <summary>
        /// The active model, or null when no model is active. At most two service calls, none when the entry is fresh; the
        /// service is asked for only when the entry must be (re)loaded, so a warm lookup creates none.
        /// </summary>
        public static ScoringModel? Get(Func<IOrganizationService> service, Guid organizationId, DateTime now, Action<string> trace) =>
            Cache.Get(
                organizationId,
                now,
                () =>
                {
                    var model = Load(service(), organizationId, now, trace);
                    trace(model == null ? "Scoring model cache: no active scoring model." : $"Scoring model cache: loaded '{model.Name}' with {model.Rules.Count} active rules.");
                    return model;
                },
                why => trace($"Scoring model cache: the model read is used for this operation but not kept: {why}."));

        /// <summary>A model or rule is being changed, in the change's transaction: nothing loaded is kept until it commits.</summary>
        public static void Changing(Guid organizationId, string change, DateTime now) => Cache.Changing(organizationId, change, now);

        /// <summary>The change committed (after commit, from its asynchronous step): the next load reads it and is kept.</summary>
        public static void Committed(Guid organizationId, string change, DateTime now) => Cache.Committed(organizationId, change, now);

        private static ScoringModel? Load(IOrganizationService service, Guid organizationId, DateTime now, Action<string> trace)
        {
            var query = new QueryExpression(ScoringModelTable.EntityName)
            {
                ColumnSet = new ColumnSet(ScoringModelTable.Name, ScoringModelTable.NurtureResetsEngagement, ScoringModelTable.MqlThreshold, ScoringModelTable.WarmThreshold, ScoringModelTable.HotThreshold, ScoringModelTable.HalfLifeDays, ScoringModelTable.RequiredColumns),
            };
            query.Criteria.AddCondition(ScoringModelTable.IsActive, ConditionOperator.Equal, true);
            query.AddOrder(ScoringModelTable.Name, OrderType.Ascending);
            var rules = query.AddLink(ScoringRuleTable.EntityName, ScoringModelTable.Id, ScoringRuleTable.ScoringModelId, JoinOperator.LeftOuter);
            rules.EntityAlias = RuleAlias;
            rules.Columns = new ColumnSet(ScoringRuleTable.Id, ScoringRuleTable.Name, ScoringRuleTable.Category, ScoringRuleTable.Points, ScoringRuleTable.Cap, ScoringRuleTable.Column, ScoringRuleTable.Operator, ScoringRuleTable.NormalizedValue, ScoringRuleTable.ColumnType, ScoringRuleTable.ActivityKind, ScoringRuleTable.Direction, ScoringRuleTable.InteractionType, ScoringRuleTable.HighIntent);
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
            var required = ScoringModel.ParseRequiredColumns(first.GetAttributeValue<string>(ScoringModelTable.RequiredColumns));
            var name = first.GetAttributeValue<string>(ScoringModelTable.Name) ?? string.Empty;
            if (ruleList.Any(rule => rule.Category == ScoreCategory.Fit) || required.Count > 0)
            {
                var named = ruleList.Where(rule => rule.Category == ScoreCategory.Fit && rule.Column != null).Select(rule => rule.Column!).Concat(required.SelectMany(entry => entry));
                required = CheckColumns(LeadColumns.Covering(service, organizationId, now, named), name, ruleList, required, trace);
            }

            return new ScoringModel(
                modelId,
                name,
                first.GetAttributeValue<int?>(ScoringModelTable.MqlThreshold) ?? 0,
                first.GetAttributeValue<int?>(ScoringModelTable.WarmThreshold) ?? 0,
                first.GetAttributeValue<int?>(ScoringModelTable.HotThreshold) ?? 0,
                first.GetAttributeValue<decimal?>(ScoringModelTable.HalfLifeDays) ?? 30m,
                required,
                ruleList)
            {
                NurtureResetsEngagement = first.GetAttributeValue<bool?>(ScoringModelTable.NurtureResetsEngagement) ?? false,
            };
        }

        /// <summary>
        /// Marks the fit rules whose column lead no longer has (a column deleted after the rule was saved) and leaves such
        /// columns out of the required ones (an entry none of whose columns exists is dropped): a deleted column can neither
        /// score as empty nor keep every lead from becoming an MQL.
        /// </summary>
        private static IReadOnlyList<IReadOnlyList<string>> CheckColumns(ISet<string> columns, string modelName, IEnumerable<ScoringRule> rules, IReadOnlyList<IReadOnlyList<string>> required, Action<string> trace)
        {
            foreach (var rule in rules.Where(rule => rule.Category == ScoreCategory.Fit && rule.Column != null && !columns.Contains(rule.Column)))
            {
                rule.Unusable = $"lead has no column '{rule.Column}' any more; correct the rule or deactivate it";
                trace($"Scoring model cache: the fit rule '{rule.Name}' ({rule.Id}) reads '{rule.Column}', which lead no longer has: it is skipped.");
            }

            var unknown = LeadColumns.Unknown(required, columns);
            if (unknown.Count == 0)
            {
                return required;
            }

            trace($"Scoring model cache: the model '{modelName}' requires {string.Join(", ", unknown)} of an MQL, which lead no longer has: left out of the MQL check.");
            return required
                .Select(entry => (IReadOnlyList<string>)entry.Where(columns.Contains).ToList())
                .Where(entry => entry.Count > 0)
                .ToList();
        }
    }
}
