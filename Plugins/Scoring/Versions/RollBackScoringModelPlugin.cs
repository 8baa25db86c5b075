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
    /// The Custom API la_RollBackScoringModel: the active scoring model version becomes Rolled back (effective to now) and the
    /// version it replaced is active again (Active, effective from now), as SYSTEM. It needs no new signatures: it returns to a
    /// version both teams signed, or to the unsigned model that was live before the first signed one. Refused when the active
    /// model replaced nothing. Its execute privilege is prvWritela_scoringmodel: marketing, sales managers and administrators
    /// hold it, sales reps do not. Leads are re-scored with the version active again as they are saved or recalculated.
    /// Service calls: the active model (one RetrieveMultiple), the one it replaced (one Retrieve), and two Updates.
    /// </summary>
    [CustomApi(ApiName, DisplayName = "Roll back scoring model",
        Description = "Returns to the scoring model version the active one replaced: the active version becomes Rolled back, the one before it active again.",
        ExecutePrivilegeName = "prvWrite" + ScoringModelTable.EntityName,
        AllowedProcessingStepType = CustomApiProcessingStepType.None,
        Request = typeof(RollBackScoringModelRequest), Response = typeof(RollBackScoringModelResponse))]
    public sealed class RollBackScoringModelPlugin : PluginBase
    {
        public const string ApiName = "la_RollBackScoringModel";

        public RollBackScoringModelPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RollBackScoringModelPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            context.GetCustomApiRequest<RollBackScoringModelRequest>();
            var service = localPluginContext.SystemUserService;
            var now = DateTime.SpecifyKind(context.OperationCreatedOn, DateTimeKind.Utc);
            var query = new QueryExpression(ScoringModelTable.EntityName)
            {
                ColumnSet = new ColumnSet(ScoringModelTable.Name, ScoringModelTable.Version, ScoringModelTable.ReplacedModelId),
                TopCount = 1,
            };
            query.Criteria.AddCondition(ScoringModelTable.IsActive, ConditionOperator.Equal, true);
            var active = service.RetrieveMultiple(query).Entities.FirstOrDefault()
                ?? throw new BusinessRuleException("No scoring model is active, so there is nothing to roll back. Activate a scoring model, or approve a proposed version.");
            var replaced = active.GetAttributeValue<EntityReference>(ScoringModelTable.ReplacedModelId)
                ?? throw new BusinessRuleException(
                    $"Scoring model {ModelVersions.Describe(active)} did not replace a version when it went live, so there is nothing to roll back to. To change the scoring, propose a new version and have both teams approve it.");
            var previous = service.Retrieve(ScoringModelTable.EntityName, replaced.Id, new ColumnSet(ScoringModelTable.Name, ScoringModelTable.Version));

            service.Update(new Entity(ScoringModelTable.EntityName, active.Id)
            {
                [ScoringModelTable.IsActive] = false,
                [ScoringModelTable.VersionStatus] = new OptionSetValue((int)ModelVersionStatus.RolledBack),
                [ScoringModelTable.EffectiveTo] = now,
            });
            service.Update(new Entity(ScoringModelTable.EntityName, previous.Id)
            {
                [ScoringModelTable.IsActive] = true,
                [ScoringModelTable.VersionStatus] = new OptionSetValue((int)ModelVersionStatus.Active),
                [ScoringModelTable.EffectiveFrom] = now,
                [ScoringModelTable.EffectiveTo] = null,
            });

            var summary = $"Rolled back scoring model {ModelVersions.Describe(active)}; {ModelVersions.Describe(previous)} is active again from {now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC. "
                + "Leads are re-scored with it as they are saved, or all at once with la_RecalculateLeadScores.";
            localPluginContext.Trace(summary);
            context.SetCustomApiResponse(new RollBackScoringModelResponse { ActiveModel = previous.ToEntityReference(), Summary = summary });
        }
    }
}
