using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Sla
{
    /// <summary>
    /// The SLA clocks of a handoff, as SLA KPI instances regarding the lead (the records and statuses Dynamics 365 users know
    /// from cases): "Accept by" and "First contact by", with failure and warning times in the agreement's business hours.
    /// Every clock LeadAlign starts has an id derived from what it is for (the handoff, or the clock it continues), so a replay
    /// finds the clock it would create; closing, cancelling and moving change an instance only while it is open. Replaying a
    /// step therefore changes nothing.
    /// </summary>
    internal static class SlaClocks
    {
        private static readonly SlaKpiStatus[] Open = { SlaKpiStatus.InProgress, SlaKpiStatus.NearingNoncompliance, SlaKpiStatus.Paused };

        /// <summary>
        /// The id of a handoff's clock: derived from the lead, the handoff's rotation position (unique per handoff) and the clock's
        /// name. Every run of the start step for one handoff names the same two clocks; a later handoff of the lead, other ones.
        /// </summary>
        public static Guid HandoffClockId(Guid leadId, int position, string name) =>
            DerivedId("handoff " + leadId.ToString("D") + " " + position.ToString(CultureInfo.InvariantCulture) + " " + name);

        /// <summary>The id of the clock that continues <paramref name="clockId"/> for a new owner: a clock is continued at most once.</summary>
        public static Guid ContinuedClockId(Guid clockId) => DerivedId("continued " + clockId.ToString("D"));

        /// <summary>
        /// The id of the decision clock started when a lead is accepted at <paramref name="acceptedOn"/>: a replay of the acceptance
        /// names the same clock, a later acceptance (after a recycle) another one.
        /// </summary>
        public static Guid DecisionClockId(Guid leadId, DateTime acceptedOn) =>
            DerivedId("decision " + leadId.ToString("D") + " " + acceptedOn.Ticks.ToString(CultureInfo.InvariantCulture));

        /// <summary>
        /// The id of marketing's clock for answering the feedback on a rejection: derived from the lead and the rejection's time, the
        /// same key that makes sending feedback twice for one rejection write nothing new.
        /// </summary>
        public static Guid FeedbackClockId(Guid leadId, DateTime rejectedOn) =>
            DerivedId("feedback " + leadId.ToString("D") + " " + rejectedOn.Ticks.ToString(CultureInfo.InvariantCulture));

        /// <summary>Whether any of the clocks exists, in any status. One query.</summary>
        public static bool AnyExists(IOrganizationService service, IReadOnlyCollection<Guid> kpiIds)
        {
            var query = new QueryExpression(SlaKpiInstanceTable.EntityName) { ColumnSet = new ColumnSet(SlaKpiInstanceTable.Id), TopCount = 1 };
            query.Criteria.AddCondition(SlaKpiInstanceTable.Id, ConditionOperator.In, kpiIds.Cast<object>().ToArray());
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        /// <summary>Creates the clock <paramref name="kpiId"/>, In Progress, failing and warning at <paramref name="deadline"/>'s times. One call.</summary>
        public static Guid Start(IOrganizationService service, Guid kpiId, string name, SlaDeadline deadline, Guid leadId, Guid ownerId) =>
            Start(service, kpiId, name, deadline, leadId, new EntityReference(SystemUserTable.EntityName, ownerId));

        /// <summary>Creates the clock <paramref name="kpiId"/> owned by <paramref name="owner"/>, a user or a team. One call.</summary>
        public static Guid Start(IOrganizationService service, Guid kpiId, string name, SlaDeadline deadline, Guid leadId, EntityReference owner) =>
            service.Create(new Entity(SlaKpiInstanceTable.EntityName, kpiId)
            {
                [SlaKpiInstanceTable.Name] = name,
                [SlaKpiInstanceTable.Regarding] = new EntityReference(LeadTable.EntityName, leadId),
                [SlaKpiInstanceTable.Status] = new OptionSetValue((int)SlaKpiStatus.InProgress),
                [SlaKpiInstanceTable.FailureTime] = deadline.Failure,
                [SlaKpiInstanceTable.WarningTime] = deadline.Warning,
                [SlaKpiInstanceTable.OwnerId] = owner,
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

        /// <summary>
        /// Moves the clocks among <paramref name="kpiIds"/> that still run to a new owner: each is canceled and continued by a
        /// clock with the same name and the same failure and warning times, owned by <paramref name="ownerId"/> (the SLA is the
        /// team's commitment to marketing, so handing a lead to a colleague buys no time). One read, then an update and a create
        /// per running clock; a clock that ended is left as it is, so a replay moves nothing. Returns the new clocks by the id of
        /// the clock each continues.
        /// </summary>
        public static IReadOnlyDictionary<Guid, Guid> MoveTo(IOrganizationService service, IReadOnlyCollection<Guid> kpiIds, Guid leadId, Guid ownerId)
        {
            var moved = new Dictionary<Guid, Guid>();
            if (kpiIds.Count == 0)
            {
                return moved;
            }

            var query = new QueryExpression(SlaKpiInstanceTable.EntityName) { ColumnSet = new ColumnSet(SlaKpiInstanceTable.Name, SlaKpiInstanceTable.Status, SlaKpiInstanceTable.FailureTime, SlaKpiInstanceTable.WarningTime) };
            query.Criteria.AddCondition(SlaKpiInstanceTable.Id, ConditionOperator.In, kpiIds.Cast<object>().ToArray());
            query.Criteria.AddCondition(SlaKpiInstanceTable.Status, ConditionOperator.In, Open.Select(status => (object)(int)status).ToArray());
            foreach (var running in service.RetrieveMultiple(query).Entities)
            {
                service.Update(new Entity(SlaKpiInstanceTable.EntityName, running.Id) { [SlaKpiInstanceTable.Status] = new OptionSetValue((int)SlaKpiStatus.Canceled) });
                var deadline = new SlaDeadline(running.GetAttributeValue<DateTime>(SlaKpiInstanceTable.FailureTime), running.GetAttributeValue<DateTime>(SlaKpiInstanceTable.WarningTime));
                moved[running.Id] = Start(service, ContinuedClockId(running.Id), running.GetAttributeValue<string>(SlaKpiInstanceTable.Name), deadline, leadId, ownerId);
            }

            return moved;
        }

        public static string Describe(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

        /// <summary>A version-5-shaped id from the SHA-256 of <paramref name="key"/>: the same key always gives the same id.</summary>
        private static Guid DerivedId(string key)
        {
            byte[] hash;
            using (var sha = SHA256.Create())
            {
                hash = sha.ComputeHash(Encoding.UTF8.GetBytes("LeadAlign SLA clock: " + key));
            }

            var bytes = new byte[16];
            Array.Copy(hash, bytes, 16);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes);
        }
    }
}
