using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Scoring.Versions
{
    /// <summary>
    /// What every step of the scoring model versions reads: a version's status and decisions, whether its content is signed
    /// (frozen), how messages name it, and the columns only LeadAlign writes.
    /// </summary>
    internal static class ModelVersions
    {
        /// <summary>The columns that change how leads are scored: frozen once a version is signed.</summary>
        public static readonly IReadOnlyList<string> ScoringColumns = new[]
        {
            ScoringModelTable.MqlThreshold, ScoringModelTable.WarmThreshold, ScoringModelTable.HotThreshold,
            ScoringModelTable.HalfLifeDays, ScoringModelTable.RequiredColumns, ScoringModelTable.NurtureResetsEngagement,
        };

        /// <summary>What LeadAlign computes when a team decides, a version goes live or is rolled back: never taken from a user.</summary>
        public static readonly IReadOnlyList<string> ComputedColumns = new[]
        {
            ScoringModelTable.VersionStatus, ScoringModelTable.MarketingDecisionBy, ScoringModelTable.MarketingDecisionOn,
            ScoringModelTable.SalesDecisionBy, ScoringModelTable.SalesDecisionOn, ScoringModelTable.ApprovalHistory,
            ScoringModelTable.EffectiveFrom, ScoringModelTable.EffectiveTo, ScoringModelTable.ReplacedModelId,
        };

        /// <summary>The back-test figures la_ProposeScoringModel writes: read-only for users.</summary>
        public static readonly IReadOnlyList<string> ProposalColumns = new[]
        {
            ScoringModelTable.TrainingFrom, ScoringModelTable.TrainingTo, ScoringModelTable.HeldOutFrom, ScoringModelTable.HeldOutTo,
            ScoringModelTable.TrainingLeads, ScoringModelTable.HeldOutLeads, ScoringModelTable.HeldOutAucBefore,
            ScoringModelTable.HeldOutAucAfter, ScoringModelTable.ProposalSummary,
        };

        /// <summary>The columns a step needs to judge a version (its pre-image).</summary>
        public const string ImageColumns =
            ScoringModelTable.Name + "," + ScoringModelTable.Version + "," + ScoringModelTable.VersionStatus + "," + ScoringModelTable.IsActive + ","
            + ScoringModelTable.MarketingDecision + "," + ScoringModelTable.MarketingComment + "," + ScoringModelTable.MarketingDecisionBy + ","
            + ScoringModelTable.SalesDecision + "," + ScoringModelTable.SalesComment + "," + ScoringModelTable.SalesDecisionBy + ","
            + ScoringModelTable.ApprovalHistory + "," + ScoringModelTable.EffectiveTo;

        public static ModelVersionStatus? Status(Entity? model) => (ModelVersionStatus?)model?.GetAttributeValue<OptionSetValue>(ScoringModelTable.VersionStatus)?.Value;

        public static ApprovalDecision? Decision(Entity? model, ApprovalSide side) => (ApprovalDecision?)model?.GetAttributeValue<OptionSetValue>(side.Decision)?.Value;

        /// <summary>
        /// Whether the version's content is signed: any status but a proposal no team has decided on yet. A model without a
        /// version status (the shipped default, a hand-made draft) is never frozen.
        /// </summary>
        public static bool IsFrozen(Entity model)
        {
            var status = Status(model);
            return status != null && (status != ModelVersionStatus.Proposed || ApprovalSide.Both.Any(side => Decision(model, side) != null));
        }

        /// <summary>Why a frozen version's content cannot change, for the end of a refusal.</summary>
        public static string WhyFrozen(Entity model)
        {
            var status = Status(model);
            if (status == ModelVersionStatus.Proposed)
            {
                var decided = ApprovalSide.Both.First(side => Decision(model, side) != null);
                return $"{decided.Name} has already {Label(Decision(model, decided)).ToLowerInvariant()} it, so its content is what was signed";
            }

            return $"it is {Label(status).ToLowerInvariant()}, so its content is what both teams signed";
        }

        /// <summary>How messages name a version: 'Name' (version 3).</summary>
        public static string Describe(Entity? model)
        {
            var name = "'" + (model?.GetAttributeValue<string>(ScoringModelTable.Name) ?? "this scoring model") + "'";
            var version = model?.GetAttributeValue<int?>(ScoringModelTable.Version);
            return version == null ? name : name + " (version " + version.Value.ToString(CultureInfo.InvariantCulture) + ")";
        }

        public static string Label(ModelVersionStatus? status) => status switch
        {
            ModelVersionStatus.Proposed => "Proposed",
            ModelVersionStatus.Active => "Active",
            ModelVersionStatus.Superseded => "Superseded",
            ModelVersionStatus.Rejected => "Rejected",
            ModelVersionStatus.RolledBack => "Rolled back",
            _ => "without a version status",
        };

        public static string Label(ApprovalDecision? decision) => decision == ApprovalDecision.Approved ? "Approved" : decision == ApprovalDecision.Rejected ? "Rejected" : "Undecided";

        /// <summary>The active scoring model other than <paramref name="exceptId"/>, if any. One RetrieveMultiple.</summary>
        public static Entity? ActiveOther(IOrganizationService service, Guid exceptId)
        {
            var query = new QueryExpression(ScoringModelTable.EntityName) { ColumnSet = new ColumnSet(ScoringModelTable.Name, ScoringModelTable.Version, ScoringModelTable.VersionStatus), TopCount = 1 };
            query.Criteria.AddCondition(ScoringModelTable.IsActive, ConditionOperator.Equal, true);
            query.Criteria.AddCondition(ScoringModelTable.Id, ConditionOperator.NotEqual, exceptId);
            return service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        /// <summary>
        /// Whether the save is LeadAlign's own: a step or Custom API of the solution writing as SYSTEM (depth 2 or more, the
        /// operation's user not the one who started it). A user's own save (depth 1), and a user's synchronous workflow or
        /// another plug-in writing as that user (depth 2 and more, as the initiating user), are not: what LeadAlign computes on a
        /// version is never taken from them.
        /// </summary>
        public static bool ByLeadAlign(IPluginExecutionContext context) => context.Depth > 1 && context.UserId != context.InitiatingUserId;

        /// <summary>
        /// A signed version went live (<paramref name="liveId"/>): every other active model becomes Superseded with its effective
        /// end, and every other pending proposal Superseded (it was proposed against what was live before), as SYSTEM.
        /// One RetrieveMultiple, and one Update per row superseded.
        /// </summary>
        public static void SupersedeOthers(ILocalPluginContext localPluginContext, Guid liveId, DateTime now)
        {
            var service = localPluginContext.SystemUserService;
            var query = new QueryExpression(ScoringModelTable.EntityName) { ColumnSet = new ColumnSet(ScoringModelTable.Name, ScoringModelTable.Version, ScoringModelTable.IsActive) };
            query.Criteria.AddCondition(ScoringModelTable.Id, ConditionOperator.NotEqual, liveId);
            var either = query.Criteria.AddFilter(LogicalOperator.Or);
            either.AddCondition(ScoringModelTable.IsActive, ConditionOperator.Equal, true);
            either.AddCondition(ScoringModelTable.VersionStatus, ConditionOperator.Equal, (int)ModelVersionStatus.Proposed);
            foreach (var other in service.RetrieveMultiple(query).Entities)
            {
                var update = new Entity(ScoringModelTable.EntityName, other.Id) { [ScoringModelTable.VersionStatus] = new OptionSetValue((int)ModelVersionStatus.Superseded) };
                if (other.GetAttributeValue<bool>(ScoringModelTable.IsActive))
                {
                    update[ScoringModelTable.IsActive] = false;
                    update[ScoringModelTable.EffectiveTo] = now;
                }

                service.Update(update);
                localPluginContext.Trace($"Scoring model {Describe(other)} superseded: another version went live.");
            }
        }
    }
}
