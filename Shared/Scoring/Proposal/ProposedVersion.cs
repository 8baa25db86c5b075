using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Schema;
using LeadAlign.Scoring.Fitting;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Scoring.Proposal
{
    /// <summary>
    /// A scoring model version and its rules as the proposal reads and writes them: the version it is fitted from, its rules keyed
    /// by lineage (a rule's key is the first rule it descends from through la_basedonruleid), and the proposed version written as a
    /// new la_scoringmodel row (status Proposed, inactive) with a copy of every rule carrying its proposed points and evidence.
    /// </summary>
    internal sealed class ProposedVersion
    {
        public static readonly string[] ModelColumns =
        {
            ScoringModelTable.Id, ScoringModelTable.Name, ScoringModelTable.MqlThreshold, ScoringModelTable.WarmThreshold, ScoringModelTable.HotThreshold,
            ScoringModelTable.HalfLifeDays, ScoringModelTable.RequiredColumns, ScoringModelTable.Description, ScoringModelTable.NurtureResetsEngagement, ScoringModelTable.Version, ScoringModelTable.IsActive,
        };

        private static readonly string[] CopiedRuleColumns =
        {
            ScoringRuleTable.Name, ScoringRuleTable.Category, ScoringRuleTable.Cap, ScoringRuleTable.IsActive, ScoringRuleTable.Column, ScoringRuleTable.Operator,
            ScoringRuleTable.Value, ScoringRuleTable.ActivityKind, ScoringRuleTable.Direction, ScoringRuleTable.InteractionType, ScoringRuleTable.HighIntent,
        };

        private readonly Dictionary<Guid, Guid> _basedOn;

        private ProposedVersion(Entity model, IReadOnlyList<Entity> rules, Dictionary<Guid, Guid> basedOn, int nextVersion)
        {
            Model = model;
            Rules = rules;
            _basedOn = basedOn;
            NextVersion = nextVersion;
        }

        /// <summary>The version the proposal is fitted from.</summary>
        public Entity Model { get; }

        /// <summary>Its rules, active or not.</summary>
        public IReadOnlyList<Entity> Rules { get; }

        /// <summary>The number the proposed version gets: one above the highest of any version.</summary>
        public int NextVersion { get; }

        /// <summary>The proposed version's name: the version's name without its number, and the next number ("LeadAlign default v2").</summary>
        public string ProposedName => BaseName(Model.GetAttributeValue<string>(ScoringModelTable.Name) ?? "Scoring model") + " v" + NextVersion.ToString(CultureInfo.InvariantCulture);

        public FitScale Scale => new FitScale(
            Model.GetAttributeValue<int?>(ScoringModelTable.MqlThreshold) ?? 0,
            Model.GetAttributeValue<int?>(ScoringModelTable.WarmThreshold) ?? 0,
            Model.GetAttributeValue<int?>(ScoringModelTable.HotThreshold) ?? 0);

        /// <summary>The version to fit (the active one when <paramref name="id"/> is null), its rules and every rule's lineage: three queries.</summary>
        public static ProposedVersion Load(IOrganizationService service, Guid? id)
        {
            var models = new QueryExpression(ScoringModelTable.EntityName) { ColumnSet = new ColumnSet(ModelColumns) };
            var all = service.RetrieveMultiple(models).Entities;
            var model = id.HasValue
                ? all.FirstOrDefault(each => each.Id == id.Value) ?? throw new Runtime.BusinessRuleException($"There is no scoring model with the id {id.Value}: pass the id of an existing version, or none for the active one.")
                : all.FirstOrDefault(each => each.GetAttributeValue<bool?>(ScoringModelTable.IsActive) == true) ?? throw new Runtime.BusinessRuleException("No scoring model is active: activate one, or pass the ScoringModelId of the version to fit.");

            var rules = new QueryExpression(ScoringRuleTable.EntityName) { ColumnSet = new ColumnSet(CopiedRuleColumns.Concat(new[] { ScoringRuleTable.Points, ScoringRuleTable.ScoringModelId }).ToArray()) };
            rules.Criteria.AddCondition(ScoringRuleTable.ScoringModelId, ConditionOperator.Equal, model.Id);
            rules.AddOrder(ScoringRuleTable.Name, OrderType.Ascending);
            var lineage = new QueryExpression(ScoringRuleTable.EntityName) { ColumnSet = new ColumnSet(ScoringRuleTable.BasedOnRuleId) };
            var basedOn = service.RetrieveMultiple(lineage).Entities
                .Where(rule => rule.GetAttributeValue<EntityReference>(ScoringRuleTable.BasedOnRuleId) != null)
                .ToDictionary(rule => rule.Id, rule => rule.GetAttributeValue<EntityReference>(ScoringRuleTable.BasedOnRuleId).Id);
            var next = all.Select(each => each.GetAttributeValue<int?>(ScoringModelTable.Version) ?? 1).DefaultIfEmpty(1).Max() + 1;
            return new ProposedVersion(model, service.RetrieveMultiple(rules).Entities.ToList(), basedOn, next);
        }

        /// <summary>A rule's key: the first rule of its lineage (a cycle, which the lookups should never form, stops the walk).</summary>
        public Guid KeyOf(Guid rule)
        {
            var seen = new HashSet<Guid> { rule };
            while (_basedOn.TryGetValue(rule, out var earlier) && seen.Add(earlier))
            {
                rule = earlier;
            }

            return rule;
        }

        /// <summary>The version's active rules as the fit sees them.</summary>
        public IReadOnlyList<FitRule> FitRules() => Rules
            .Where(rule => rule.GetAttributeValue<bool?>(ScoringRuleTable.IsActive) != false)
            .Select(rule => new FitRule(
                KeyOf(rule.Id),
                rule.GetAttributeValue<string>(ScoringRuleTable.Name) ?? "(unnamed rule)",
                rule.GetAttributeValue<OptionSetValue>(ScoringRuleTable.Category)?.Value == (int)ScoreCategory.Engagement,
                rule.GetAttributeValue<int?>(ScoringRuleTable.Points) ?? 0,
                rule.GetAttributeValue<int?>(ScoringRuleTable.Cap)))
            .ToList();

        /// <summary>Writes the proposed version and its rules; returns the new version's reference.</summary>
        public EntityReference Write(IOrganizationService service, ProposedScoring proposal, BackTestResult backTest, ProposalPeriods periods, string summary)
        {
            var version = new Entity(ScoringModelTable.EntityName)
            {
                [ScoringModelTable.Name] = ProposedName,
                [ScoringModelTable.IsActive] = false,
                [ScoringModelTable.Version] = NextVersion,
                [ScoringModelTable.VersionStatus] = new OptionSetValue((int)ModelVersionStatus.Proposed),
                [ScoringModelTable.BasedOnModelId] = Model.ToEntityReference(),
                [ScoringModelTable.MqlThreshold] = proposal.Scale.MqlThreshold,
                [ScoringModelTable.WarmThreshold] = proposal.Scale.WarmThreshold,
                [ScoringModelTable.HotThreshold] = proposal.Scale.HotThreshold,
                [ScoringModelTable.HalfLifeDays] = Model.GetAttributeValue<decimal?>(ScoringModelTable.HalfLifeDays),
                [ScoringModelTable.RequiredColumns] = Model.GetAttributeValue<string>(ScoringModelTable.RequiredColumns),
                [ScoringModelTable.NurtureResetsEngagement] = Model.GetAttributeValue<bool?>(ScoringModelTable.NurtureResetsEngagement),
                [ScoringModelTable.Description] = "Proposed from " + (Model.GetAttributeValue<string>(ScoringModelTable.Name) ?? "the active model") + ": its rules with points fitted to " + periods.Outcome + " outcomes.",
                [ScoringModelTable.TrainingFrom] = periods.TrainingStart,
                [ScoringModelTable.TrainingTo] = periods.HeldOutStart,
                [ScoringModelTable.HeldOutFrom] = periods.HeldOutStart,
                [ScoringModelTable.HeldOutTo] = periods.HeldOutEnd,
                [ScoringModelTable.TrainingLeads] = proposal.TrainingCases,
                [ScoringModelTable.HeldOutLeads] = backTest.Cases,
                [ScoringModelTable.HeldOutAucBefore] = Rounded(backTest.AucOld),
                [ScoringModelTable.HeldOutAucAfter] = Rounded(backTest.AucNew),
                [ScoringModelTable.ProposalSummary] = summary,
            };
            version.Id = service.Create(version);

            var proposed = proposal.Rules.ToDictionary(rule => rule.Key);
            foreach (var rule in Rules)
            {
                var copy = new Entity(ScoringRuleTable.EntityName);
                foreach (var column in CopiedRuleColumns.Where(rule.Contains))
                {
                    copy[column] = rule[column];
                }

                var points = rule.GetAttributeValue<int?>(ScoringRuleTable.Points) ?? 0;
                copy[ScoringRuleTable.ScoringModelId] = version.ToEntityReference();
                copy[ScoringRuleTable.BasedOnRuleId] = rule.ToEntityReference();
                copy[ScoringRuleTable.PreviousPoints] = points;
                if (proposed.TryGetValue(KeyOf(rule.Id), out var fitted))
                {
                    copy[ScoringRuleTable.Points] = fitted.NewPoints;
                    copy[ScoringRuleTable.PointsLow] = fitted.PointsLow;
                    copy[ScoringRuleTable.PointsHigh] = fitted.PointsHigh;
                    copy[ScoringRuleTable.TrainingHits] = fitted.Hits;
                    copy[ScoringRuleTable.Lift] = fitted.Lift.HasValue ? Math.Round((decimal)fitted.Lift.Value, 2, MidpointRounding.AwayFromZero) : (decimal?)null;
                    copy[ScoringRuleTable.FitNote] = fitted.Note;
                }
                else
                {
                    copy[ScoringRuleTable.Points] = points;
                    copy[ScoringRuleTable.FitNote] = "Inactive in the version it was proposed from: kept as it was.";
                }

                service.Create(copy);
            }

            return version.ToEntityReference();
        }

        private static decimal? Rounded(double? value) => value.HasValue ? Math.Round((decimal)value.Value, 4, MidpointRounding.AwayFromZero) : (decimal?)null;

        /// <summary>"LeadAlign default v3" → "LeadAlign default": versions are numbered from one name.</summary>
        private static string BaseName(string name)
        {
            var at = name.LastIndexOf(" v", StringComparison.Ordinal);
            return at > 0 && name.Length > at + 2 && name.Substring(at + 2).All(char.IsDigit) ? name.Substring(0, at) : name;
        }
    }
}
