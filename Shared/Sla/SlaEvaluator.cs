using System;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Sla
{
    /// <summary>
    /// Warnings and breaches without a user action: an open clock past its warning time becomes Nearing Noncompliance and its
    /// owner is told; past its failure time it becomes Noncompliant and the owner and the owner's manager are told, through
    /// in-app notifications. A clock that is not open, or not yet due, is left as it is. Callers pass SYSTEM's service: the
    /// notifications go to other users (the clock's owner and the owner's manager), which the platform lets SYSTEM do.
    /// </summary>
    internal static class SlaEvaluator
    {
        public static readonly string[] Columns = { SlaKpiInstanceTable.Name, SlaKpiInstanceTable.Status, SlaKpiInstanceTable.WarningTime, SlaKpiInstanceTable.FailureTime, SlaKpiInstanceTable.Regarding, SlaKpiInstanceTable.OwnerId };

        public static SlaKpiStatus Evaluate(IOrganizationService service, Entity kpi, DateTime now, Action<string> trace)
        {
            var status = (SlaKpiStatus)(kpi.GetAttributeValue<OptionSetValue>(SlaKpiInstanceTable.Status)?.Value ?? 0);
            var regarding = kpi.GetAttributeValue<EntityReference>(SlaKpiInstanceTable.Regarding);
            if (regarding?.LogicalName != LeadTable.EntityName || (status != SlaKpiStatus.InProgress && status != SlaKpiStatus.NearingNoncompliance))
            {
                return status;
            }

            var failure = kpi.GetAttributeValue<DateTime?>(SlaKpiInstanceTable.FailureTime);
            var warning = kpi.GetAttributeValue<DateTime?>(SlaKpiInstanceTable.WarningTime);
            var next = failure != null && now >= failure.Value ? SlaKpiStatus.Noncompliant
                : warning != null && now >= warning.Value && status == SlaKpiStatus.InProgress ? SlaKpiStatus.NearingNoncompliance
                : status;
            if (next == status)
            {
                return status;
            }

            var update = new Entity(SlaKpiInstanceTable.EntityName, kpi.Id) { [SlaKpiInstanceTable.Status] = new OptionSetValue((int)next) };
            if (next == SlaKpiStatus.NearingNoncompliance)
            {
                update[SlaKpiInstanceTable.WarningTimeReached] = new OptionSetValue(1);
            }

            service.Update(update);
            var owner = kpi.GetAttributeValue<EntityReference>(SlaKpiInstanceTable.OwnerId);
            var name = kpi.GetAttributeValue<string>(SlaKpiInstanceTable.Name) ?? "SLA";
            var link = "{\"actions\":[{\"title\":\"Open lead\",\"data\":{\"url\":\"?pagetype=entityrecord&etn=lead&id=" + regarding.Id.ToString("D") + "\"}}]}";
            if (owner != null)
            {
                Notify(service, owner.Id, next == SlaKpiStatus.Noncompliant ? $"Missed: {name}" : $"Nearly due: {name}",
                    next == SlaKpiStatus.Noncompliant
                        ? $"The '{name}' time of a lead you own passed at {SlaClocks.Describe(failure!.Value)}. Act on it now."
                        : $"The '{name}' time of a lead you own is {SlaClocks.Describe(failure!.Value)}.",
                    next == SlaKpiStatus.Noncompliant ? AppNotificationTable.IconFailure : AppNotificationTable.IconWarning, link);
                if (next == SlaKpiStatus.Noncompliant)
                {
                    var rep = service.Retrieve(SystemUserTable.EntityName, owner.Id, new ColumnSet(SystemUserTable.FullName, SystemUserTable.ManagerId));
                    if (rep.GetAttributeValue<EntityReference>(SystemUserTable.ManagerId) is { } manager)
                    {
                        Notify(service, manager.Id, $"Missed by {rep.GetAttributeValue<string>(SystemUserTable.FullName)}: {name}",
                            $"{rep.GetAttributeValue<string>(SystemUserTable.FullName)} missed the '{name}' time of a lead ({SlaClocks.Describe(failure!.Value)}).", AppNotificationTable.IconFailure, link);
                    }
                }
            }

            var notified = owner == null ? string.Empty : next == SlaKpiStatus.Noncompliant ? " The owner (and the owner's manager, if any) notified in-app, as SYSTEM." : " The owner notified in-app, as SYSTEM.";
            trace($"KPI instance {kpi.Id} ({name}): {status} → {next}.{notified}");
            return next;
        }

        private static void Notify(IOrganizationService service, Guid recipient, string title, string body, int icon, string data) =>
            service.Create(new Entity(AppNotificationTable.EntityName)
            {
                [AppNotificationTable.Title] = title,
                [AppNotificationTable.Body] = body,
                [AppNotificationTable.OwnerId] = new EntityReference(SystemUserTable.EntityName, recipient),
                [AppNotificationTable.IconType] = new OptionSetValue(icon),
                [AppNotificationTable.ToastType] = new OptionSetValue(AppNotificationTable.ToastTimed),
                [AppNotificationTable.Priority] = new OptionSetValue(AppNotificationTable.PriorityHigh),
                [AppNotificationTable.Data] = data,
            });
    }
}
