using System;
using System.Linq;
using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using LeadAlign.Sla;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Sla
{
    /// <summary>
    /// The Custom API la_EvaluateLeadSlas: evaluates one page of the SLA KPI instances that are due (past their warning time
    /// while In Progress, or past their failure time while open), for orgs that run the sweep from a scheduled flow instead of
    /// the shipped background workflow. Evaluated instances leave the due set, so each call takes the first page; while
    /// MoreRecords is true, call again. Outputs: Evaluated, Warned, Breached, MoreRecords.
    /// </summary>
    [CustomApi(ApiName, DisplayName = "Evaluate lead SLAs",
        Description = "Evaluates the LeadAlign SLA clocks that are due (warnings and breaches, with notifications), one page per call. For orgs that run it from a scheduled flow; call again while MoreRecords is true.",
        ExecutePrivilegeName = "prvWrite" + AgreementTable.EntityName,
        Request = typeof(EvaluateLeadSlasRequest), Response = typeof(EvaluateLeadSlasResponse))]
    public sealed class EvaluateLeadSlasPlugin : PluginBase
    {
        public const string ApiName = "la_EvaluateLeadSlas";
        public const int DefaultPageSize = 250;

        public EvaluateLeadSlasPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(EvaluateLeadSlasPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var request = context.GetCustomApiRequest<EvaluateLeadSlasRequest>();
            var pageSize = request.PageSize ?? DefaultPageSize;
            if (pageSize < 1 || pageSize > 5000)
            {
                throw new BusinessRuleException($"PageSize must be between 1 and 5000; it was {pageSize}.");
            }

            var now = context.OperationCreatedOn;
            var query = new QueryExpression(SlaKpiInstanceTable.EntityName) { ColumnSet = new ColumnSet(SlaEvaluator.Columns), PageInfo = new PagingInfo { Count = pageSize, PageNumber = 1 } };
            query.Criteria.FilterOperator = LogicalOperator.Or;
            var warned = query.Criteria.AddFilter(LogicalOperator.And);
            warned.AddCondition(SlaKpiInstanceTable.Status, ConditionOperator.Equal, (int)SlaKpiStatus.InProgress);
            warned.AddCondition(SlaKpiInstanceTable.WarningTime, ConditionOperator.LessEqual, now);
            var breached = query.Criteria.AddFilter(LogicalOperator.And);
            breached.AddCondition(SlaKpiInstanceTable.Status, ConditionOperator.In, (int)SlaKpiStatus.InProgress, (int)SlaKpiStatus.NearingNoncompliance);
            breached.AddCondition(SlaKpiInstanceTable.FailureTime, ConditionOperator.LessEqual, now);
            query.AddOrder(SlaKpiInstanceTable.FailureTime, OrderType.Ascending);

            var service = localPluginContext.SystemUserService;
            var page = service.RetrieveMultiple(query);
            int evaluated = 0, warnings = 0, breaches = 0;
            foreach (var kpi in page.Entities.Where(kpi => kpi.GetAttributeValue<EntityReference>(SlaKpiInstanceTable.Regarding)?.LogicalName == LeadTable.EntityName))
            {
                var before = (SlaKpiStatus)(kpi.GetAttributeValue<OptionSetValue>(SlaKpiInstanceTable.Status)?.Value ?? 0);
                var after = SlaEvaluator.Evaluate(service, kpi, now, message => localPluginContext.Trace(message));
                evaluated++;
                if (after != before && after == SlaKpiStatus.NearingNoncompliance)
                {
                    warnings++;
                }
                else if (after != before && after == SlaKpiStatus.Noncompliant)
                {
                    breaches++;
                }
            }

            context.SetCustomApiResponse(new EvaluateLeadSlasResponse { Evaluated = evaluated, Warned = warnings, Breached = breaches, MoreRecords = page.MoreRecords });
        }
    }
}
