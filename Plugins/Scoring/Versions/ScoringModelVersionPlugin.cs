using System;
using System.Globalization;
using System.Linq;
using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Scoring.Versions
{
    /// <summary>
    /// Scoring model versions that go live only when both teams sign. On a team's decision (the secured decision and comment
    /// columns, which only the members of that team's approvers profile may set) it stamps who and when, appends a line to the
    /// approval history, and moves the version on: either side Rejected makes it Rejected; both Approved make it active in this
    /// same save (Active, effective from now, replacing the version live until now, which <see cref="ScoringModelChangedPlugin"/>
    /// then supersedes). It refuses a decision on anything but a proposal, the same user deciding for both sides, a changed
    /// decision, activating an unsigned version by hand, and, once a version is signed, any change of its scoring columns.
    /// What LeadAlign computes (status, by, on, history, effective dates, the replaced version) and the proposal's back-test
    /// figures are never taken from a user's save, nor from a workflow or plug-in writing as that user; LeadAlign's steps and Custom
    /// APIs, writing as SYSTEM, write them (<see cref="ModelVersions.ByLeadAlign"/>).
    /// A model without a version status (the shipped default, a hand-made draft) is left as it always was.
    /// Service calls: none, but on a decision the deciding user's name (one Retrieve) and, on the second approval, the version
    /// live until now (one RetrieveMultiple); activating a model without a version status by hand reads the live model (one
    /// RetrieveMultiple): a draft may replace a draft or the shipped default, never a signed version.
    /// </summary>
    [PluginStep("1ead5c0e-0518-4000-8000-000000000001", "Create", ScoringModelTable.EntityName, PluginStage.PreOperation,
        Description = "A new scoring model version starts as a proposal: refuses a status other than Proposed, decisions, and what LeadAlign computes.")]
    [PluginStep("1ead5c0e-0518-4000-8000-000000000002", "Update", ScoringModelTable.EntityName, PluginStage.PreOperation,
        FilteringAttributes = WatchedColumns, PreImageAttributes = ModelVersions.ImageColumns,
        Description = "Stamps and applies the two teams' decisions on a scoring model version, and freezes a signed version.")]
    public sealed class ScoringModelVersionPlugin : PluginBase
    {
        private const string WatchedColumns =
            ScoringModelTable.MarketingDecision + "," + ScoringModelTable.MarketingComment + "," + ScoringModelTable.SalesDecision + "," + ScoringModelTable.SalesComment + ","
            + ScoringModelTable.IsActive + "," + ScoringModelTable.VersionStatus + "," + ScoringModelTable.MarketingDecisionBy + "," + ScoringModelTable.MarketingDecisionOn + ","
            + ScoringModelTable.SalesDecisionBy + "," + ScoringModelTable.SalesDecisionOn + "," + ScoringModelTable.ApprovalHistory + "," + ScoringModelTable.EffectiveFrom + ","
            + ScoringModelTable.EffectiveTo + "," + ScoringModelTable.ReplacedModelId + ","
            + ScoringModelTable.MqlThreshold + "," + ScoringModelTable.WarmThreshold + "," + ScoringModelTable.HotThreshold + "," + ScoringModelTable.HalfLifeDays + ","
            + ScoringModelTable.RequiredColumns + "," + ScoringModelTable.NurtureResetsEngagement + ","
            + ScoringModelTable.TrainingFrom + "," + ScoringModelTable.TrainingTo + "," + ScoringModelTable.HeldOutFrom + "," + ScoringModelTable.HeldOutTo + ","
            + ScoringModelTable.TrainingLeads + "," + ScoringModelTable.HeldOutLeads + "," + ScoringModelTable.HeldOutAucBefore + "," + ScoringModelTable.HeldOutAucAfter + ","
            + ScoringModelTable.ProposalSummary;

        public ScoringModelVersionPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ScoringModelVersionPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTargetEntity();
            if (target == null)
            {
                return;
            }

            if (context.MessageName == "Create")
            {
                OnCreate(context, target);
                return;
            }

            var before = context.RequirePreImage("PreImage");
            var now = DateTime.SpecifyKind(context.OperationCreatedOn, DateTimeKind.Utc);
            if (!ModelVersions.ByLeadAlign(context))
            {
                RefuseForgery(target, before);
            }

            if (ModelVersions.ScoringColumns.Any(target.Contains) && ModelVersions.IsFrozen(before))
            {
                throw new BusinessRuleException(
                    $"Scoring model {ModelVersions.Describe(before)} cannot change its thresholds, half-life, required columns or nurture reset: {ModelVersions.WhyFrozen(before)}. "
                    + "Propose a new version with the change instead (la_ProposeScoringModel, or a new scoring model row with Version status Proposed).");
            }

            var deciding = ApprovalSide.Both.Where(side => target.Contains(side.Decision) || target.Contains(side.Comment)).ToList();
            if (deciding.Count > 0)
            {
                Decide(localPluginContext, target, before, deciding, now);
            }

            if (!ModelVersions.ByLeadAlign(context))
            {
                RefuseHandActivation(localPluginContext, target, before);
            }
            else if (target.Contains(ScoringModelTable.IsActive) && !target.GetAttributeValue<bool>(ScoringModelTable.IsActive)
                && before.GetAttributeValue<bool>(ScoringModelTable.IsActive) && ModelVersions.Status(before) == ModelVersionStatus.Active && !target.Contains(ScoringModelTable.VersionStatus))
            {
                // Deactivated by another model going live (ScoringModelChangedPlugin): a signed version is then superseded.
                target[ScoringModelTable.VersionStatus] = new OptionSetValue((int)ModelVersionStatus.Superseded);
                target[ScoringModelTable.EffectiveTo] = now;
            }
        }

        private static void OnCreate(IPluginExecutionContext context, Entity target)
        {
            var status = ModelVersions.Status(target);
            var name = ModelVersions.Describe(target);
            if (!ModelVersions.ByLeadAlign(context))
            {
                var forged = ModelVersions.ComputedColumns.Where(column => column != ScoringModelTable.VersionStatus).Concat(ModelVersions.ProposalColumns).Where(target.Contains).ToList();
                if (forged.Count > 0)
                {
                    throw new BusinessRuleException(
                        $"Scoring model {name}: {string.Join(", ", forged)} {(forged.Count == 1 ? "is" : "are")} written by LeadAlign (the decisions' stamps and history, the effective dates, the back-test of la_ProposeScoringModel). Leave {(forged.Count == 1 ? "it" : "them")} out and save again.");
                }
            }

            if (status != null && status != ModelVersionStatus.Proposed)
            {
                throw new BusinessRuleException(
                    $"Scoring model {name}: a new version starts as Proposed, not {ModelVersions.Label(status)}. It becomes Active only when marketing and sales both approve it; save it with Version status Proposed (or none, for a draft outside the versions).");
            }

            var decided = ApprovalSide.Both.Where(side => target.GetAttributeValue<OptionSetValue>(side.Decision) != null || !string.IsNullOrEmpty(target.GetAttributeValue<string>(side.Comment))).ToList();
            if (decided.Count > 0)
            {
                throw new BusinessRuleException(
                    $"Scoring model {name}: a version is created undecided; {string.Join(" and ", decided.Select(side => side.Name))} decide{(decided.Count == 1 ? "s" : string.Empty)} on the saved proposal. Clear the decision and comment and save again.");
            }

            if (status == ModelVersionStatus.Proposed && target.GetAttributeValue<bool>(ScoringModelTable.IsActive))
            {
                throw new BusinessRuleException(
                    $"Scoring model {name} is a proposal: it cannot be created active. It goes live when marketing and sales both approve it; clear Active and save again.");
            }
        }

        private static void RefuseForgery(Entity target, Entity before)
        {
            var forged = ModelVersions.ComputedColumns.Concat(ModelVersions.ProposalColumns).Where(target.Contains).ToList();
            if (forged.Count > 0)
            {
                throw new BusinessRuleException(
                    $"Scoring model {ModelVersions.Describe(before)}: {string.Join(", ", forged)} {(forged.Count == 1 ? "is" : "are")} written by LeadAlign (the version status, the decisions' stamps and history, the effective dates, the back-test of la_ProposeScoringModel). "
                    + "Leave them out: give your team's decision and comment, or roll back with la_RollBackScoringModel.");
            }
        }

        private static void RefuseHandActivation(ILocalPluginContext localPluginContext, Entity target, Entity before)
        {
            if (!target.Contains(ScoringModelTable.IsActive) || target.GetAttributeValue<bool>(ScoringModelTable.IsActive) == before.GetAttributeValue<bool>(ScoringModelTable.IsActive))
            {
                return;
            }

            var status = ModelVersions.Status(before);
            var activating = target.GetAttributeValue<bool>(ScoringModelTable.IsActive);
            if (activating && status != null && status != ModelVersionStatus.Active && ModelVersions.Status(target) != ModelVersionStatus.Active)
            {
                throw new BusinessRuleException(
                    $"Scoring model {ModelVersions.Describe(before)} is {ModelVersions.Label(status)}: a version goes live only when marketing and sales both approve it, or when la_RollBackScoringModel returns to it. Clear Active and save again.");
            }

            if (activating && status == null)
            {
                // A draft outside the versions may replace another draft or the shipped default, never a version both teams signed.
                var live = ModelVersions.ActiveOther(localPluginContext.SystemUserService, before.Id);
                if (ModelVersions.Status(live) == ModelVersionStatus.Active)
                {
                    throw new BusinessRuleException(
                        $"Scoring model {ModelVersions.Describe(before)} has no version status, and the live model {ModelVersions.Describe(live)} is a version both teams signed: a draft cannot replace it by hand. "
                        + "Propose it as a new version (Version status Proposed on a new row) and have marketing and sales approve it.");
                }
            }

            if (!activating && status == ModelVersionStatus.Active)
            {
                throw new BusinessRuleException(
                    $"Scoring model {ModelVersions.Describe(before)} is the live version both teams signed: it is not switched off by hand. Roll back to the version it replaced with la_RollBackScoringModel, or approve a new version.");
            }
        }

        private static void Decide(ILocalPluginContext localPluginContext, Entity target, Entity before, System.Collections.Generic.List<ApprovalSide> deciding, DateTime now)
        {
            var context = localPluginContext.PluginExecutionContext;
            var status = ModelVersions.Status(before);
            var name = ModelVersions.Describe(before);
            if (status != ModelVersionStatus.Proposed)
            {
                throw new BusinessRuleException(NotAProposal(localPluginContext, before, status));
            }

            var user = context.InitiatingUserId;
            var history = before.GetAttributeValue<string>(ScoringModelTable.ApprovalHistory) ?? string.Empty;
            string? userName = null;
            foreach (var side in deciding)
            {
                var decision = (ApprovalDecision?)target.GetAttributeValue<OptionSetValue>(side.Decision)?.Value;
                var made = ModelVersions.Decision(before, side);
                var comment = target.Contains(side.Comment) ? target.GetAttributeValue<string>(side.Comment) : null;
                if (made != null)
                {
                    if ((target.Contains(side.Decision) && decision != made) || (target.Contains(side.Comment) && comment != before.GetAttributeValue<string>(side.Comment)))
                    {
                        throw new BusinessRuleException(
                            $"Scoring model {name}: {side.Name} has already {ModelVersions.Label(made).ToLowerInvariant()} it, and a decision and its comment do not change once made. Propose a new version if the scoring should change.");
                    }

                    continue;
                }

                if (target.Contains(side.Decision) && decision == null)
                {
                    continue;
                }

                if (decision != null)
                {
                    var otherBy = deciding.Contains(side.Other) && target.GetAttributeValue<OptionSetValue>(side.Other.Decision) != null
                        ? user
                        : before.GetAttributeValue<EntityReference>(side.Other.DecisionBy)?.Id;
                    if (otherBy == user)
                    {
                        var other = deciding.Contains(side.Other) && target.GetAttributeValue<OptionSetValue>(side.Other.Decision) != null
                            ? (ApprovalDecision?)target.GetAttributeValue<OptionSetValue>(side.Other.Decision).Value
                            : ModelVersions.Decision(before, side.Other);
                        throw new BusinessRuleException(
                            $"Scoring model {name}: you {ModelVersions.Label(other).ToLowerInvariant()} it for {side.Other.Name}; the {side.Name} decision must come from another user, so that both teams sign. Ask a member of the LeadAlign scoring approvers ({side.Name}) profile.");
                    }

                    var why = comment ?? before.GetAttributeValue<string>(side.Comment);
                    if (decision == ApprovalDecision.Rejected && string.IsNullOrWhiteSpace(why))
                    {
                        throw new BusinessRuleException(
                            $"Scoring model {name}: say why {side.Name} rejects it in the {side.Name} comment, so that whoever proposes the next version knows what to change.");
                    }

                    target[side.DecisionBy] = new EntityReference(SystemUserTable.EntityName, user);
                    target[side.DecisionOn] = now;
                }

                userName ??= UserName(localPluginContext.SystemUserService, user);
                history = Append(history, now, side, userName, decision == null ? "Commented" : ModelVersions.Label(decision), comment ?? (decision != null ? before.GetAttributeValue<string>(side.Comment) : null));
            }

            target[ScoringModelTable.ApprovalHistory] = history;
            var merged = target.MergeWithPreImage(before);
            var decisions = ApprovalSide.Both.Select(side => ModelVersions.Decision(merged, side)).ToList();
            if (decisions.Contains(ApprovalDecision.Rejected))
            {
                target[ScoringModelTable.VersionStatus] = new OptionSetValue((int)ModelVersionStatus.Rejected);
                localPluginContext.Trace($"Scoring model {name} rejected.");
            }
            else if (decisions.All(decision => decision == ApprovalDecision.Approved))
            {
                var live = ModelVersions.ActiveOther(localPluginContext.SystemUserService, context.PrimaryEntityId);
                target[ScoringModelTable.VersionStatus] = new OptionSetValue((int)ModelVersionStatus.Active);
                target[ScoringModelTable.IsActive] = true;
                target[ScoringModelTable.EffectiveFrom] = now;
                target[ScoringModelTable.EffectiveTo] = null;
                target[ScoringModelTable.ReplacedModelId] = live?.ToEntityReference();
                localPluginContext.Trace($"Scoring model {name} approved by both teams: it is live, replacing {(live == null ? "no model" : ModelVersions.Describe(live))}.");
            }
        }

        private static string NotAProposal(ILocalPluginContext localPluginContext, Entity before, ModelVersionStatus? status)
        {
            var name = ModelVersions.Describe(before);
            switch (status)
            {
                case ModelVersionStatus.Superseded:
                    var live = ModelVersions.ActiveOther(localPluginContext.SystemUserService, before.Id);
                    return $"Scoring model {name} was superseded{(live == null ? string.Empty : " by " + ModelVersions.Describe(live) + ", now active")}; decide on the current proposal.";
                case ModelVersionStatus.Active:
                    return $"Scoring model {name} is already active: both teams signed it. Decisions are given on a proposal; decide on the current proposal.";
                case ModelVersionStatus.Rejected:
                    return $"Scoring model {name} was rejected, which ended it; decide on the current proposal, or propose a new version.";
                case ModelVersionStatus.RolledBack:
                    return $"Scoring model {name} was rolled back; decide on the current proposal, or propose a new version.";
                default:
                    return $"Scoring model {name} is not a version: only a row with Version status Proposed takes the teams' decisions. Propose it as a new version (la_ProposeScoringModel, or a new row with Version status Proposed).";
            }
        }

        private static string UserName(IOrganizationService service, Guid user) =>
            service.Retrieve(SystemUserTable.EntityName, user, new ColumnSet(SystemUserTable.FullName)).GetAttributeValue<string>(SystemUserTable.FullName) ?? user.ToString();

        /// <summary>One line of the approval history: UTC time | side | user | decision | comment.</summary>
        private static string Append(string history, DateTime now, ApprovalSide side, string user, string decision, string? comment)
        {
            var line = string.Join(" | ", now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC", side.Label, user, decision, (comment ?? string.Empty).Replace("\r", " ").Replace("\n", " ").Trim());
            return history.Length == 0 ? line : history + "\n" + line;
        }
    }
}
