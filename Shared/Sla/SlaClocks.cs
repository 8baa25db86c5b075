using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Sla
{
    /// <summary>
    /// The SLA clocks of a handoff, as SLA KPI instances regarding the lead (the records and statuses Dynamics 365 users know
    /// from cases): "Accept by" and "First contact by", with failure and warning times in the agreement's business hours.
    /// Closing and cancelling change an instance only while it is open, so replaying a step changes nothing.
    /// </summary>
    internal static class SlaClocks
    {
        private static readonly SlaKpiStatus[] Open = { SlaKpiStatus.InProgress, SlaKpiStatus.NearingNoncompliance, SlaKpiStatus.Paused };

        /// <summary>Creates one clock that fails and warns at <paramref name="deadline"/>'s times. One call.</summary>
        public static Guid Start(IOrganizationService service, string name, SlaDeadline deadline, Guid leadId, Guid ownerId) =>
            service.Create(new Entity(SlaKpiInstanceTable.EntityName)
            {
                [SlaKpiInstanceTable.Name] = name,
                [SlaKpiInstanceTable.Regarding] = new EntityReference(LeadTable.EntityName, leadId),
                [SlaKpiInstanceTable.Status] = new OptionSetValue((int)SlaKpiStatus.InProgress),
                [SlaKpiInstanceTable.FailureTime] = deadline.Failure,
                [SlaKpiInstanceTable.WarningTime] = deadline.Warning,
                [SlaKpiInstanceTable.OwnerId] = new EntityReference(SystemUserTable.EntityName, ownerId),
            });

        /// <summary>
        /// Ends a clock because the rep acted at <paramref name="actedOn"/>: Succeeded when on time, Noncompliant when late;
        /// succeededon records when it happened either way. Two calls at most (read, update); none when already ended.
        /// </summary>
        public static SlaKpiStatus? Close(IOrganizationService service, Guid kpiId, DateTime actedOn)
        {
            var kpi = service.Retrieve(SlaKpiInstanceTable.EntityName, kpiId, new ColumnSet(SlaKpiInstanceTable.Status, SlaKpiInstanceTable.FailureTime, SlaKpiInstanceTable.SucceededOn));
            var status = (SlaKpiStatus)(kpi.GetAttributeValue<OptionSetValue>(SlaKpiInstanceTable.Status)?.Value ?? 0);
            if (Open.Contains(status))
            {
                var onTime = actedOn <= (kpi.GetAttributeValue<DateTime?>(SlaKpiInstanceTable.FailureTime) ?? DateTime.MaxValue);
                var closed = onTime ? SlaKpiStatus.Succeeded : SlaKpiStatus.Noncompliant;
                service.Update(new Entity(SlaKpiInstanceTable.EntityName, kpiId)
                {
                    [SlaKpiInstanceTable.Status] = new OptionSetValue((int)closed),
                    [SlaKpiInstanceTable.SucceededOn] = actedOn,
                });
                return closed;
            }

            if (status == SlaKpiStatus.Noncompliant && !kpi.Contains(SlaKpiInstanceTable.SucceededOn))
            {
                service.Update(new Entity(SlaKpiInstanceTable.EntityName, kpiId) { [SlaKpiInstanceTable.SucceededOn] = actedOn });
                return SlaKpiStatus.Noncompliant;
            }

            return null;
        }

        /// <summary>Cancels the clocks that are still running. One read, and an update for each open one.</summary>
        public static int Cancel(IOrganizationService service, IReadOnlyCollection<Guid> kpiIds)
        {
            if (kpiIds.Count == 0)
            {
                return 0;
            }

            var query = new QueryExpression(SlaKpiInstanceTable.EntityName) { ColumnSet = new ColumnSet(SlaKpiInstanceTable.Status) };
            query.Criteria.AddCondition(SlaKpiInstanceTable.Id, ConditionOperator.In, kpiIds.Cast<object>().ToArray());
            query.Criteria.AddCondition(SlaKpiInstanceTable.Status, ConditionOperator.In, Open.Select(status => (object)(int)status).ToArray());
            var open = service.RetrieveMultiple(query).Entities;
            foreach (var kpi in open)
            {
                service.Update(new Entity(SlaKpiInstanceTable.EntityName, kpi.Id) { [SlaKpiInstanceTable.Status] = new OptionSetValue((int)SlaKpiStatus.Canceled) });
            }

            return open.Count;
        }

        public static string Describe(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
    }
}
