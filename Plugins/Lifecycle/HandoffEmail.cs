using System;
using System.Globalization;
using System.Net;
using LeadAlign.Feedback;
using LeadAlign.Lifecycle;
using LeadAlign.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// The handoff's e-mail, where the agreement's *E-mail the handoff* is on: an e-mail activity regarding the lead, to the rep
    /// (round robin, or a pick from the queue) or to the sales queue (a lead queued), with an absolute link to the lead (the
    /// organization's web address from RetrieveCurrentOrganization, kept an hour per organization as the rejection feedback e-mail keeps it: LeadLink). It is sent from the
    /// agreement's *Marketing queue* with SendEmail; without one it is left as a draft from SYSTEM, which has no mailbox the
    /// platform could send from (server-side synchronization sends only from a mailbox), and the trace says to set the queue.
    /// Written as SYSTEM. Calls: 2 when sent (Create, SendEmail), 2 when left as a draft (WhoAmI for SYSTEM instead of SendEmail), and the first of each hour also RetrieveCurrentOrganization.
    /// </summary>
    internal static class HandoffEmail
    {
        public static void Send(IOrganizationService system, Agreement agreement, Func<Guid> systemUserId, Guid leadId, string leadName, EntityReference recipient, DateTime? acceptBy, Guid organizationId, DateTime now, Action<string> trace)
        {
            var url = LeadLink.For(system, leadId, organizationId, now);
            var sender = agreement.MarketingQueueId != null
                ? new EntityReference(QueueTable.EntityName, agreement.MarketingQueueId.Value)
                : new EntityReference(SystemUserTable.EntityName, systemUserId());
            var deadline = acceptBy == null
                ? "Pick it from the queue: the accept clock starts when a rep picks it."
                : "Accept it by " + acceptBy.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC, as the sales and marketing agreement says.";
            var email = new Entity(EmailTable.EntityName)
            {
                [EmailTable.Subject] = "New MQL: " + leadName,
                [EmailTable.Description] = "<p>" + WebUtility.HtmlEncode(leadName) + " has been handed to sales.</p><p>" + WebUtility.HtmlEncode(deadline)
                    + "</p><p><a href=\"" + WebUtility.HtmlEncode(url) + "\">Open the lead</a></p>",
                [EmailTable.From] = RejectionFeedback.Parties(sender),
                [EmailTable.To] = RejectionFeedback.Parties(recipient),
                [ActivityColumns.RegardingObjectId] = new EntityReference(LeadTable.EntityName, leadId),
                [ActivityColumns.DirectionCode] = true,
            };
            var emailId = system.Create(email);
            if (agreement.MarketingQueueId == null)
            {
                trace($"Handoff e-mail {emailId} left as a draft: no Marketing queue on the agreement to send it from, and SYSTEM has no mailbox. Set the agreement's Marketing queue.");
                return;
            }

            system.Execute(new SendEmailRequest { EmailId = emailId, IssueSend = true, TrackingToken = string.Empty });
            trace($"Handoff e-mail {emailId} sent to {recipient.LogicalName} {recipient.Id} from the marketing queue.");
        }
    }
}
