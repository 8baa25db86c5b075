using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Sla
{
    /// <summary>
    /// Who hears about marketing's "Feedback answered by" clock. The clock is owned by the agreement's marketing team; Dynamics 365
    /// gives a team no manager, but every team has an Administrator (team.administratorid, the user responsible for the team), so
    /// the team's administrator stands for marketing's manager. At the warning time the marketer the feedback was sent to is told
    /// (the team's administrator when it went to a queue); at the failure time the team's administrator and that marketer are.
    /// Each recipient is told only when they can read the lead (RetrievePrincipalAccess grants ReadAccess), and every notification is
    /// created through SYSTEM's service. Calls: the feedback query, the team read, one RetrievePrincipalAccess per recipient, one
    /// create per notification.
    /// </summary>
    internal static class FeedbackClockNotices
    {
        public static void Send(IOrganizationService service, Entity kpi, SlaKpiStatus next, DateTime failure, Action<string> trace)
        {
            var query = new QueryExpression(LeadFeedbackTable.EntityName) { ColumnSet = new ColumnSet(LeadFeedbackTable.Name, LeadFeedbackTable.RecipientUserId, LeadFeedbackTable.LeadId), TopCount = 1 };
            query.Criteria.AddCondition(LeadFeedbackTable.AnswerByKpiId, ConditionOperator.Equal, kpi.Id);
            var feedback = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            var lead = kpi.GetAttributeValue<EntityReference>(SlaKpiInstanceTable.Regarding);
            var about = feedback?.GetAttributeValue<string>(LeadFeedbackTable.Name) ?? "a rejected lead";
            var marketer = feedback?.GetAttributeValue<EntityReference>(LeadFeedbackTable.RecipientUserId)?.Id;
            var clockOwner = kpi.GetAttributeValue<EntityReference>(SlaKpiInstanceTable.OwnerId);
            var administrator = clockOwner?.LogicalName == TeamTable.EntityName
                ? service.Retrieve(TeamTable.EntityName, clockOwner.Id, new ColumnSet(TeamTable.AdministratorId)).GetAttributeValue<EntityReference>(TeamTable.AdministratorId)?.Id
                : clockOwner?.Id;

            var recipients = new List<Guid>();
            if (next == SlaKpiStatus.NearingNoncompliance)
            {
                recipients.Add(marketer ?? administrator ?? Guid.Empty);
            }
            else
            {
                recipients.Add(administrator ?? Guid.Empty);
                recipients.Add(marketer ?? Guid.Empty);
            }

            var told = new List<Guid>();
            foreach (var recipient in recipients.Where(id => id != Guid.Empty).Distinct())
            {
                if (lead == null || !CanRead(service, recipient, lead))
                {
                    trace($"Feedback clock {kpi.Id}: {recipient} cannot read the lead, so is not told.");
                    continue;
                }

                SlaEvaluator.Notify(
                    service,
                    recipient,
                    next == SlaKpiStatus.Noncompliant ? "Missed by marketing: feedback answered by" : "Nearly due: answer sales' feedback",
                    next == SlaKpiStatus.Noncompliant
                        ? $"Marketing did not answer sales' feedback ({about}) by {SlaClocks.Describe(failure)}, as the agreement says."
                        : $"Answer sales' feedback ({about}) by {SlaClocks.Describe(failure)}, as the agreement says.",
                    next == SlaKpiStatus.Noncompliant ? AppNotificationTable.IconFailure : AppNotificationTable.IconWarning,
                    SlaEvaluator.LeadLink(lead.Id));
                told.Add(recipient);
            }

            trace(told.Count == 0
                ? $"Feedback clock {kpi.Id}: {next}; no one to tell (set the marketing team's Administrator)."
                : $"Feedback clock {kpi.Id}: {next}; told {string.Join(", ", told)} in-app, as SYSTEM.");
        }

        /// <summary>
        /// Whether the user may read the lead, as the platform answers RetrievePrincipalAccess (asked as SYSTEM, so it never fails
        /// for want of the recipient's privileges): the ReadAccess flag (1) of its AccessRights. One call.
        /// </summary>
        private static bool CanRead(IOrganizationService service, Guid userId, EntityReference lead)
        {
            var response = service.Execute(new OrganizationRequest("RetrievePrincipalAccess")
            {
                ["Target"] = lead,
                ["Principal"] = new EntityReference(SystemUserTable.EntityName, userId),
            });
            return (Convert.ToInt32(response.Results["AccessRights"], System.Globalization.CultureInfo.InvariantCulture) & 1) != 0;
        }
    }
}
