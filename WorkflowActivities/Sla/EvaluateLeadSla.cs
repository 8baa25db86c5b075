using System.Activities;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using LeadAlign.Sla;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadAlign.WorkflowActivities.Sla
{
    /// <summary>
    /// Evaluates one LeadAlign SLA clock (an SLA KPI instance regarding a lead) at the workflow's time: past the warning time an
    /// In Progress clock becomes Nearing Noncompliance and its owner is notified; past the failure time an open clock becomes
    /// Noncompliant and the owner and the owner's manager are notified. A clock that ended, or regards no lead, is left as it is.
    /// Returns the clock's status after evaluation. The shipped background workflow calls it at the warning and failure times.
    /// </summary>
    public sealed class EvaluateLeadSla : WorkflowActivityBase
    {
        public EvaluateLeadSla()
            : base(typeof(EvaluateLeadSla))
        {
        }

        [RequiredArgument]
        [Input("SLA KPI instance")]
        [ReferenceTarget("slakpiinstance")]
        public InArgument<EntityReference> KpiInstance { get; set; } = null!;

        [Output("New status")]
        public OutArgument<int> NewStatus { get; set; } = null!;

        protected override void ExecuteWorkflowActivity(ILocalWorkflowContext localContext)
        {
            var reference = KpiInstance.Get(localContext.ActivityContext)
                ?? throw new BusinessRuleException("EvaluateLeadSla needs the SLA KPI instance to evaluate.");
            if (reference.LogicalName != SlaKpiInstanceTable.EntityName)
            {
                throw new BusinessRuleException($"EvaluateLeadSla evaluates SLA KPI instances, not a {reference.LogicalName}.");
            }

            var service = localContext.SystemUserService;
            var kpi = service.Retrieve(SlaKpiInstanceTable.EntityName, reference.Id, new Microsoft.Xrm.Sdk.Query.ColumnSet(SlaEvaluator.Columns));
            var status = SlaEvaluator.Evaluate(service, kpi, localContext.WorkflowContext.OperationCreatedOn, message => localContext.Trace(message));
            NewStatus.Set(localContext.ActivityContext, (int)status);
        }
    }
}
