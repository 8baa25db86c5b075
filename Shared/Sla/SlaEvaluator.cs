using System;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Sla
{
    /// <summary>
    /// Warnings and breaches without a user action: an open clock past its warning time becomes Nearing Noncompliance and the
    /// lead's owner is told; past its failure time it becomes Noncompliant and the owner and the owner's manager are told,
    /// through in-app notifications. "The owner" is the lead's owner now, read when the clock changes, not the user the clock
    /// was started for: a reassignment moves the running clocks to the new rep, and whoever else a clock might still name (a
    /// rep the lead was taken from) hears nothing. A lead owned by a team has no one to notify personally. A clock that is not
    /// open, or not yet due, is left as it is. Callers pass SYSTEM's service: the notifications go to other users (the owner
    /// and the owner's manager), which the platform lets SYSTEM do.
    /// Two clocks differ: marketing's "Feedback answered by" clock tells marketing, not the lead's owner
    /// (<see cref="FeedbackClockNotices"/>), and the breach of sales' "Decision by" clock returns the lead to marketing as
    /// Nurture (<see cref="NoDecisionReturn"/>) after the owner and manager are told.
    /// </summary>
    internal static class SlaEvaluator
    {
        private const string Owner = "owner";

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
            var name = kpi.GetAttributeValue<string>(SlaKpiInstanceTable.Name) ?? "SLA";
            var link = LeadLink(regarding.Id);
            if (name == SlaKpiInstanceTable.FeedbackAnsweredByName)
            {
                FeedbackClockNotices.Send(service, kpi, next, failure!.Value, trace);
                return next;
            }

            var decision = name == SlaKpiInstanceTable.DecisionByName;
            var owner = CurrentOwner(service, regarding.Id);
            if (owner == null)
            {
                trace($"KPI instance {kpi.Id} ({name}): {status} → {next}. The lead is owned by a team (or gone): no one is notified personally.");
                ReturnIfUndecided(service, regarding.Id, decision, next, trace);
                return next;
            }

            var ownerId = owner.GetAttributeValue<EntityReference>(LeadTable.OwnerId).Id;
            var ownerName = owner.GetAttributeValue<AliasedValue>(Owner + "." + SystemUserTable.FullName)?.Value as string;
            Notify(service, ownerId, next == SlaKpiStatus.Noncompliant ? $"Missed: {name}" : $"Nearly due: {name}",
                next == SlaKpiStatus.Noncompliant && decision
                    ? $"No decision (SQL, Rejected or Nurture) on a lead you accepted by {SlaClocks.Describe(failure!.Value)}: it returns to marketing as Nurture, as the agreement says."
                    : next == SlaKpiStatus.Noncompliant
                    ? $"The '{name}' time of a lead you own passed at {SlaClocks.Describe(failure!.Value)}. Act on it now."
                    : $"The '{name}' time of a lead you own is {SlaClocks.Describe(failure!.Value)}.",
                next == SlaKpiStatus.Noncompliant ? AppNotificationTable.IconFailure : AppNotificationTable.IconWarning, link);
            if (next == SlaKpiStatus.Noncompliant && owner.GetAttributeValue<AliasedValue>(Owner + "." + SystemUserTable.ManagerId)?.Value is EntityReference manager)
            {
                Notify(service, manager.Id, $"Missed by {ownerName}: {name}",
                    $"{ownerName} missed the '{name}' time of a lead ({SlaClocks.Describe(failure!.Value)}).", AppNotificationTable.IconFailure, link);
            }

            var clockOwner = kpi.GetAttributeValue<EntityReference>(SlaKpiInstanceTable.OwnerId);
            var notified = next == SlaKpiStatus.Noncompliant ? " The lead's owner (and the owner's manager, if any) notified in-app, as SYSTEM." : " The lead's owner notified in-app, as SYSTEM.";
            var stale = clockOwner != null && clockOwner.Id != ownerId ? $" The clock names {clockOwner.Id}, who no longer owns the lead and is not notified." : string.Empty;
            trace($"KPI instance {kpi.Id} ({name}): {status} → {next}.{notified}{stale}");
            ReturnIfUndecided(service, regarding.Id, decision, next, trace);
            return next;
        }

        public static string LeadLink(Guid leadId) =>
            "{\"actions\":[{\"title\":\"Open lead\",\"data\":{\"url\":\"?pagetype=entityrecord&etn=lead&id=" + leadId.ToString("D") + "\"}}]}";

        /// <summary>
        /// The lead's owner when it is a user, with the user's name and manager (aliased "owner."), or null when a team owns the lead
        /// or it no longer exists. One query.
        /// </summary>
        private static Entity? CurrentOwner(IOrganizationService service, Guid leadId)
        {
            var query = new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet(LeadTable.OwnerId), TopCount = 1 };
            query.Criteria.AddCondition(LeadTable.Id, ConditionOperator.Equal, leadId);
            var user = query.AddLink(SystemUserTable.EntityName, LeadTable.OwningUser, SystemUserTable.Id, JoinOperator.LeftOuter);
            user.EntityAlias = Owner;
            user.Columns = new ColumnSet(SystemUserTable.FullName, SystemUserTable.ManagerId);
            var lead = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            return lead?.GetAttributeValue<EntityReference>(LeadTable.OwnerId)?.LogicalName == SystemUserTable.EntityName ? lead : null;
        }

        private static void ReturnIfUndecided(IOrganizationService service, Guid leadId, bool decision, SlaKpiStatus next, Action<string> trace)
        {
            if (decision && next == SlaKpiStatus.Noncompliant)
            {
                NoDecisionReturn.ToNurture(service, leadId, trace);
            }
        }

        /// <summary>An in-app notification to <paramref name="recipient"/>, created through <paramref name="service"/> (SYSTEM's). One call.</summary>
        public static void Notify(IOrganizationService service, Guid recipient, string title, string body, int icon, string data) =>
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
