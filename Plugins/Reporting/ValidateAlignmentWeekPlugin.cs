using System;
using System.Linq;
using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Reporting
{
    /// <summary>
    /// One la_alignmentweek row per agreement and week: a create naming an agreement and week start that already have a row is
    /// refused (la_CloseAlignmentWeek updates that row instead). Read as SYSTEM, so a row the creating user cannot read still counts.
    /// </summary>
    [PluginStep("1ead5c0e-0050-4000-8000-000000000001", "Create", AlignmentWeekTable.EntityName, PluginStage.PreOperation,
        Description = "One alignment week row per agreement and week.")]
    public sealed class ValidateAlignmentWeekPlugin : PluginBase
    {
        public ValidateAlignmentWeekPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ValidateAlignmentWeekPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var target = (Entity)localPluginContext.PluginExecutionContext.InputParameters["Target"];
            var agreement = target.GetAttributeValue<EntityReference>(AlignmentWeekTable.AgreementId);
            var weekStart = target.GetAttributeValue<DateTime?>(AlignmentWeekTable.WeekStart);
            if (agreement == null || weekStart == null)
            {
                throw new BusinessRuleException("An alignment week names its agreement and its week start: close weeks with la_CloseAlignmentWeek, which sets both.");
            }

            var query = new QueryExpression(AlignmentWeekTable.EntityName) { ColumnSet = new ColumnSet(AlignmentWeekTable.Name), TopCount = 1 };
            query.Criteria.AddCondition(AlignmentWeekTable.AgreementId, ConditionOperator.Equal, agreement.Id);
            query.Criteria.AddCondition(AlignmentWeekTable.WeekStart, ConditionOperator.Equal, weekStart.Value);
            if (localPluginContext.SystemUserService.RetrieveMultiple(query).Entities.FirstOrDefault() is { } existing)
            {
                throw new BusinessRuleException(
                    $"The agreement already has a row for this week ('{existing.GetAttributeValue<string>(AlignmentWeekTable.Name)}'): close the week again with la_CloseAlignmentWeek to update it.");
            }
        }
    }
}
