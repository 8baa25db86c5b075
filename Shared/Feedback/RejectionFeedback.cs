using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using LeadAlign.Lifecycle;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using LeadAlign.Sla;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Feedback
{
    /// <summary>
    /// Rejection feedback, shared by the custom workflow activities and the Custom API: a la_leadfeedback row holding the
    /// reason, notes, who and when, the lead's source, campaign, score and band then, and its stage before; an email from the
    /// rejecting rep to marketing; the reason written on the lead where marketing users see it. The recipient is the owner of
    /// the lead's campaign, else the agreement's marketing queue, else the marketing team's queue. Running it again for the
    /// same rejection writes nothing new. Sending also starts marketing's clock for the answer (<see cref="StartAnswerClock"/>).
    /// </summary>
    internal static class RejectionFeedback
    {
        private static readonly string[] LeadColumns =
        {
            LeadTable.FullName, LeadTable.CompanyName, LeadTable.Stage, LeadTable.RejectionReason, LeadTable.RejectionNotes, LeadTable.LeadSource,
            LeadTable.CampaignId, LeadTable.OwnerId, LeadTable.StateCode,
        };

        /// <summary>The lead's columns LeadAlign computes that feedback reads: secured columns, read as SYSTEM (see <see cref="Send"/>).</summary>
        private static readonly string[] ComputedLeadColumns =
        {
            LeadTable.RejectedOn, LeadTable.RejectedBy, LeadTable.Score, LeadTable.ScoreBand, LeadTable.ScoreReasons,
        };

        /// <summary>
        /// Sends the feedback as <paramref name="service"/>'s user (the rejecting rep): the lead is read, and the feedback row and
        /// the e-mail are created and sent, with their rights. What LeadAlign computes on the lead (when it was rejected and by whom,
        /// the score) is in secured columns the rep's column security may hide and may not write: it is read, and the rejection
        /// stamped, through <paramref name="system"/> (SYSTEM's service), so neither the rep's profile nor the rep can change
        /// whether feedback was already sent.
        /// </summary>
        public static FeedbackSent Send(IOrganizationService service, IOrganizationService system, EntityReference leadRef, int? reasonInput, string? notesInput, Guid runningUser, DateTime now, Guid organizationId, Action<string> trace)
        {
            if (leadRef == null || leadRef.LogicalName != LeadTable.EntityName)
            {
                throw new BusinessRuleException("Give the rejected lead to send feedback on.");
            }

            var lead = RetrieveOrRefuse(service, leadRef.Id);
            foreach (var computed in system.Retrieve(LeadTable.EntityName, leadRef.Id, new ColumnSet(ComputedLeadColumns)).Attributes)
            {
                lead[computed.Key] = computed.Value;
            }

            var stage = (LeadStage?)lead.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value ?? LeadStage.Inquiry;
            if (stage != LeadStage.Rejected)
            {
                throw new BusinessRuleException($"Feedback goes with rejected leads only, and this lead is {LeadStages.Name(stage)}. Reject it first, with a reason.");
            }

            var reason = reasonInput ?? lead.GetAttributeValue<OptionSetValue>(LeadTable.RejectionReason)?.Value
                ?? throw new BusinessRuleException("The lead has no rejection reason: set one on the lead, or give one to the step.");
            var notes = string.IsNullOrWhiteSpace(notesInput) ? lead.GetAttributeValue<string>(LeadTable.RejectionNotes) : notesInput;
            var rejectedOn = lead.GetAttributeValue<DateTime?>(LeadTable.RejectedOn) ?? now;
            var rejectedBy = lead.GetAttributeValue<EntityReference>(LeadTable.RejectedBy)?.Id ?? runningUser;

            // Lock the lead first (an update that changes nothing takes its row lock until this operation commits), then look for
            // feedback already sent: two sends for one rejection at once (a retried workflow, the Custom API beside it) would
            // otherwise both find none and both send.
            system.Update(new Entity(LeadTable.EntityName, leadRef.Id));
            var existing = new QueryExpression(LeadFeedbackTable.EntityName) { ColumnSet = new ColumnSet(LeadFeedbackTable.RecipientUserId, LeadFeedbackTable.RecipientQueueId), TopCount = 1 };
            existing.Criteria.AddCondition(LeadFeedbackTable.LeadId, ConditionOperator.Equal, leadRef.Id);
            existing.Criteria.AddCondition(LeadFeedbackTable.RejectedOn, ConditionOperator.Equal, rejectedOn);
            var done = service.RetrieveMultiple(existing).Entities.FirstOrDefault();
            if (done != null)
            {
                trace($"Feedback {done.Id} was already sent for this rejection: nothing new.");
                return new FeedbackSent(new EntityReference(LeadFeedbackTable.EntityName, done.Id), done.GetAttributeValue<EntityReference>(LeadFeedbackTable.RecipientUserId) ?? done.GetAttributeValue<EntityReference>(LeadFeedbackTable.RecipientQueueId), false);
            }

            var agreement = AgreementCache.Load(service);
            var recipient = Recipient(service, lead, agreement);
            var before = StageBeforeRejection(service, leadRef.Id);
            var reasonLabel = ReasonLabel(reason);
            var leadName = lead.GetAttributeValue<string>(LeadTable.FullName) ?? "a lead";

            var email = new Entity(EmailTable.EntityName)
            {
                [EmailTable.Subject] = $"Rejected: {leadName} ({reasonLabel})",
                [EmailTable.Description] = Body(lead, LeadLink.For(service, leadRef.Id, organizationId, now), reasonLabel, notes, UserName(system, rejectedBy), rejectedOn),
                [EmailTable.From] = Parties(new EntityReference(SystemUserTable.EntityName, rejectedBy)),
                [EmailTable.To] = Parties(recipient),
                [ActivityColumns.RegardingObjectId] = leadRef,
                [ActivityColumns.DirectionCode] = true,
            };
            var emailId = service.Create(email);
            service.Execute(new SendEmailRequest { EmailId = emailId, IssueSend = true, TrackingToken = string.Empty });

            var deadline = agreement == null ? null : SlaDeadline.AfterBusinessDays(agreement, agreement.FeedbackResponseDays, now);
            var due = deadline?.Failure ?? now.AddDays(3);
            var feedback = new Entity(LeadFeedbackTable.EntityName)
            {
                [LeadFeedbackTable.Name] = $"{leadName}: {reasonLabel}",
                [LeadFeedbackTable.LeadId] = leadRef,
                [LeadFeedbackTable.Reason] = new OptionSetValue(reason),
                [LeadFeedbackTable.Notes] = notes,
                [LeadFeedbackTable.RejectedBy] = new EntityReference(SystemUserTable.EntityName, rejectedBy),
                [LeadFeedbackTable.RejectedOn] = rejectedOn,
                [LeadFeedbackTable.LeadSource] = lead.GetAttributeValue<OptionSetValue>(LeadTable.LeadSource)?.Value.ToString(CultureInfo.InvariantCulture),
                [LeadFeedbackTable.CampaignId] = lead.GetAttributeValue<EntityReference>(LeadTable.CampaignId),
                [LeadFeedbackTable.ScoreAtRejection] = lead.GetAttributeValue<int?>(LeadTable.Score),
                [LeadFeedbackTable.BandAtRejection] = lead.GetAttributeValue<OptionSetValue>(LeadTable.ScoreBand),
                [LeadFeedbackTable.StageBeforeRejection] = before == null ? null : new OptionSetValue((int)before.Value),
                [LeadFeedbackTable.DueOn] = due,
                [LeadFeedbackTable.EmailId] = new EntityReference(EmailTable.EntityName, emailId),
                [LeadFeedbackTable.Status] = new OptionSetValue((int)FeedbackStatus.AwaitingResponse),
            };
            feedback[recipient.LogicalName == SystemUserTable.EntityName ? LeadFeedbackTable.RecipientUserId : LeadFeedbackTable.RecipientQueueId] = recipient;
            if (recipient.LogicalName == SystemUserTable.EntityName)
            {
                feedback[LeadFeedbackTable.OwnerId] = recipient;
            }

            var feedbackId = service.Create(feedback);
            if (agreement != null && deadline != null)
            {
                StartAnswerClock(system, agreement, deadline, leadRef.Id, rejectedOn, feedbackId, organizationId, now, trace);
            }

            system.Update(new Entity(LeadTable.EntityName, leadRef.Id)
            {
                [LeadTable.RejectionReason] = new OptionSetValue(reason),
                [LeadTable.RejectionNotes] = notes,
                [LeadTable.RejectedBy] = new EntityReference(SystemUserTable.EntityName, rejectedBy),
                [LeadTable.RejectedOn] = rejectedOn,
            });
            trace($"Feedback {feedbackId} sent to {recipient.LogicalName} {recipient.Id}, due {due:yyyy-MM-dd HH:mm} UTC.");
            return new FeedbackSent(new EntityReference(LeadFeedbackTable.EntityName, feedbackId), recipient, true);
        }

        /// <summary>
        /// Marketing's clock for answering the feedback: an SLA KPI instance "Feedback answered by", due in the agreement's feedback
        /// business days, owned by the agreement's marketing team and linked from the feedback (la_answerbykpiid). It regards the
        /// feedback's lead, as the sales clocks do: an SLA KPI instance can only regard a table enabled for SLAs, and lead is the one
        /// LeadAlign asks admins to enable (la_leadfeedback is a custom table that cannot be). The shipped SLA workflow and
        /// la_EvaluateLeadSlas evaluate it like the lead clocks; <c>FeedbackAnsweredPlugin</c> ends it when marketing answers. Its
        /// id derives from the lead and the rejection's time, so a re-run starts nothing new. Written as SYSTEM (the rep may not
        /// create clocks for marketing). Calls: the create and the feedback's update, plus the SLA check once per organization
        /// per <see cref="LeadSlaSupport.MaxAge"/>; none without a marketing team or where lead is not enabled for SLAs.
        /// </summary>
        private static void StartAnswerClock(IOrganizationService system, Agreement agreement, SlaDeadline deadline, Guid leadId, DateTime rejectedOn, Guid feedbackId, Guid organizationId, DateTime now, Action<string> trace)
        {
            if (agreement.MarketingTeamId == null)
            {
                trace("No marketing team on the agreement: the feedback has no answer clock. Set the agreement's Marketing team.");
                return;
            }

            if (!LeadSlaSupport.LeadIsEnabled(() => system, organizationId, now, trace))
            {
                trace("Lead is not enabled for SLAs: the feedback has no answer clock (an SLA KPI instance can only regard a table that is).");
                return;
            }

            var clock = SlaClocks.FeedbackClockId(leadId, rejectedOn);
            SlaClocks.Start(system, clock, SlaKpiInstanceTable.FeedbackAnsweredByName, deadline, leadId, new EntityReference(TeamTable.EntityName, agreement.MarketingTeamId.Value));
            system.Update(new Entity(LeadFeedbackTable.EntityName, feedbackId) { [LeadFeedbackTable.AnswerByKpiId] = new EntityReference(SlaKpiInstanceTable.EntityName, clock) });
            trace($"Marketing's answer clock {clock} started: answered by {SlaClocks.Describe(deadline.Failure)}, warning at {SlaClocks.Describe(deadline.Warning)}.");
        }

        /// <summary>
        /// Marks the lead's feedback that is not yet recycled as Recycled: the rejected lead went back to marketing (Nurture), so the
        /// rejection is no longer waiting for marketing's answer. One query, and one update per row marked; returns how many.
        /// </summary>
        public static int MarkRecycled(IOrganizationService service, Guid leadId)
        {
            var feedback = new QueryExpression(LeadFeedbackTable.EntityName) { ColumnSet = new ColumnSet(LeadFeedbackTable.Status) };
            feedback.Criteria.AddCondition(LeadFeedbackTable.LeadId, ConditionOperator.Equal, leadId);
            feedback.Criteria.AddCondition(LeadFeedbackTable.Status, ConditionOperator.NotEqual, (int)FeedbackStatus.Recycled);
            var rows = service.RetrieveMultiple(feedback).Entities;
            foreach (var row in rows)
            {
                service.Update(new Entity(LeadFeedbackTable.EntityName, row.Id) { [LeadFeedbackTable.Status] = new OptionSetValue((int)FeedbackStatus.Recycled) });
            }

            return rows.Count;
        }

        /// <summary>Recycles a rejected (or disqualified) lead to Nurture, re-opening it, and records why; the stage change marks its feedback recycled.</summary>
        public static void Recycle(IOrganizationService service, EntityReference leadRef, string reason, Action<string> trace)
        {
            if (leadRef == null || leadRef.LogicalName != LeadTable.EntityName)
            {
                throw new BusinessRuleException("Give the lead to recycle to Nurture.");
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new BusinessRuleException("Say why the lead goes back to Nurture: marketing reads it.");
            }

            var lead = RetrieveOrRefuse(service, leadRef.Id);
            var stage = (LeadStage?)lead.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value ?? LeadStage.Inquiry;
            if (stage != LeadStage.Rejected)
            {
                throw new BusinessRuleException($"Only a rejected lead is recycled to Nurture, and this lead is {LeadStages.Name(stage)}.");
            }

            var update = new Entity(LeadTable.EntityName, leadRef.Id)
            {
                [LeadTable.Stage] = new OptionSetValue((int)LeadStage.Nurture),
                [LeadTable.RecycleReason] = reason,
            };
            var reopened = lead.GetAttributeValue<OptionSetValue>(LeadTable.StateCode)?.Value != 0;
            if (reopened)
            {
                // A disqualified lead is reopened (Open, New) so the nurture program can work it again.
                update[LeadTable.StateCode] = new OptionSetValue(0);
                update[LeadTable.StatusCode] = new OptionSetValue(1);
            }

            // The stage change marks the lead's feedback recycled (LeadLifecyclePostPlugin, MarkRecycled), as for every way to Nurture.
            service.Update(update);
            trace($"Lead {leadRef.Id} recycled to Nurture{(reopened ? " and re-opened" : string.Empty)}: {reason}");
        }

        /// <summary>
        /// Marketing's answer: closes the loop on the feedback (as <paramref name="service"/>'s user, the marketer) and tells the rep
        /// who rejected the lead with an in-app notification created through <paramref name="notifier"/>, SYSTEM's service: the
        /// notification goes to another user, which the platform lets SYSTEM do, so marketers need no privilege on notifications.
        /// </summary>
        public static void Respond(IOrganizationService service, IOrganizationService notifier, EntityReference feedbackRef, string response, int outcome, Guid respondingUser, DateTime now, Action<string> trace)
        {
            if (feedbackRef == null || feedbackRef.LogicalName != LeadFeedbackTable.EntityName)
            {
                throw new BusinessRuleException("Give the lead feedback to respond to.");
            }

            if (string.IsNullOrWhiteSpace(response))
            {
                throw new BusinessRuleException("Write marketing's response: the rep reads it.");
            }

            if (!Enum.IsDefined(typeof(FeedbackOutcome), outcome))
            {
                throw new BusinessRuleException("Choose the outcome: accepted, disputed or fixed at source.");
            }

            Entity feedback;
            try
            {
                feedback = service.Retrieve(LeadFeedbackTable.EntityName, feedbackRef.Id, new ColumnSet(LeadFeedbackTable.Name, LeadFeedbackTable.RejectedBy, LeadFeedbackTable.LeadId));
            }
            catch (System.ServiceModel.FaultException<OrganizationServiceFault>)
            {
                throw new BusinessRuleException($"The lead feedback {feedbackRef.Id} does not exist (any more).");
            }

            service.Update(new Entity(LeadFeedbackTable.EntityName, feedbackRef.Id)
            {
                [LeadFeedbackTable.Response] = response,
                [LeadFeedbackTable.Outcome] = new OptionSetValue(outcome),
                [LeadFeedbackTable.Status] = new OptionSetValue((int)FeedbackStatus.Responded),
                [LeadFeedbackTable.RespondedOn] = now,
                [LeadFeedbackTable.RespondedBy] = new EntityReference(SystemUserTable.EntityName, respondingUser),
            });
            if (feedback.GetAttributeValue<EntityReference>(LeadFeedbackTable.RejectedBy) is { } rep)
            {
                notifier.Create(new Entity(AppNotificationTable.EntityName)
                {
                    [AppNotificationTable.Title] = $"Marketing answered: {OutcomeLabel(outcome)}",
                    [AppNotificationTable.Body] = $"{feedback.GetAttributeValue<string>(LeadFeedbackTable.Name)}: {response}",
                    [AppNotificationTable.OwnerId] = rep,
                    [AppNotificationTable.IconType] = new OptionSetValue(AppNotificationTable.IconInfo),
                    [AppNotificationTable.ToastType] = new OptionSetValue(AppNotificationTable.ToastTimed),
                    [AppNotificationTable.Priority] = new OptionSetValue(AppNotificationTable.PriorityNormal),
                    [AppNotificationTable.Data] = "{\"actions\":[{\"title\":\"Open feedback\",\"data\":{\"url\":\"?pagetype=entityrecord&etn=" + LeadFeedbackTable.EntityName + "&id=" + feedbackRef.Id.ToString("D") + "\"}}]}",
                });
                trace($"Rep {rep.Id} notified in-app; the notification is created as SYSTEM, as the platform allows for a notification to another user.");
            }

            trace($"Feedback {feedbackRef.Id} answered: {OutcomeLabel(outcome)}.");
        }

        private static Entity RetrieveOrRefuse(IOrganizationService service, Guid leadId)
        {
            try
            {
                return service.Retrieve(LeadTable.EntityName, leadId, new ColumnSet(LeadColumns));
            }
            catch (System.ServiceModel.FaultException<OrganizationServiceFault>)
            {
                throw new BusinessRuleException($"The lead {leadId} does not exist (any more): there is nothing to send feedback on.");
            }
        }

        private static EntityReference Recipient(IOrganizationService service, Entity lead, Agreement? agreement)
        {
            if (lead.GetAttributeValue<EntityReference>(LeadTable.CampaignId) is { } campaign)
            {
                var owner = service.Retrieve(CampaignTable.EntityName, campaign.Id, new ColumnSet(CampaignTable.OwnerId)).GetAttributeValue<EntityReference>(CampaignTable.OwnerId);
                if (owner?.LogicalName == SystemUserTable.EntityName)
                {
                    return owner;
                }
            }

            if (agreement?.MarketingQueueId != null)
            {
                return new EntityReference("queue", agreement.MarketingQueueId.Value);
            }

            if (agreement?.MarketingTeamId != null && service.Retrieve(TeamTable.EntityName, agreement.MarketingTeamId.Value, new ColumnSet(TeamTable.QueueId)).GetAttributeValue<EntityReference>(TeamTable.QueueId) is { } teamQueue)
            {
                return teamQueue;
            }

            throw new BusinessRuleException("No one in marketing can receive this feedback: give the lead's campaign an owner, or set the agreement's Marketing queue, or give the agreement's Marketing team a default queue.");
        }

        private static LeadStage? StageBeforeRejection(IOrganizationService service, Guid leadId)
        {
            var history = new QueryExpression(LeadStageChangeTable.EntityName) { ColumnSet = new ColumnSet(LeadStageChangeTable.FromStage), TopCount = 1 };
            history.Criteria.AddCondition(LeadStageChangeTable.LeadId, ConditionOperator.Equal, leadId);
            history.Criteria.AddCondition(LeadStageChangeTable.ToStage, ConditionOperator.Equal, (int)LeadStage.Rejected);
            history.AddOrder(LeadStageChangeTable.ChangedOn, OrderType.Descending);
            return (LeadStage?)service.RetrieveMultiple(history).Entities.FirstOrDefault()?.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.FromStage)?.Value;
        }

        internal static EntityCollection Parties(EntityReference party)
        {
            var parties = new EntityCollection { EntityName = EmailTable.ActivityParty };
            parties.Entities.Add(new Entity(EmailTable.ActivityParty) { [EmailTable.PartyId] = party });
            return parties;
        }

        /// <summary>
        /// The e-mail's body, HTML as Dataverse renders an e-mail's description (the description of an e-mail activity holds its
        /// HTML body), written as well-formed XHTML: the lead's name and company, the rejection reason, the rep's notes, the score
        /// and its reasons, who rejected it and when (UTC), and the absolute link to the lead (<see cref="LeadLink"/>). Every value
        /// a user typed (the lead's name and company, the notes, the rep's name) and every computed text is HTML-encoded, so a name
        /// or a note carries no markup or script into marketing's mail; the line breaks of the notes and of the score reasons
        /// become &lt;br /&gt; and list items.
        /// </summary>
        private static string Body(Entity lead, string leadUrl, string reason, string? notes, string rejectedBy, DateTime rejectedOn)
        {
            var html = new StringBuilder();
            html.Append("<div>");
            html.Append("<p>Sales rejected <strong>").Append(Encode(lead.GetAttributeValue<string>(LeadTable.FullName) ?? "a lead")).Append("</strong>");
            if (lead.GetAttributeValue<string>(LeadTable.CompanyName) is { } company && !string.IsNullOrWhiteSpace(company))
            {
                html.Append(" of <strong>").Append(Encode(company)).Append("</strong>");
            }

            html.Append(".</p>");
            html.Append("<p>Reason: <strong>").Append(Encode(reason)).Append("</strong></p>");
            if (!string.IsNullOrWhiteSpace(notes))
            {
                html.Append("<p>Notes: ").Append(string.Join("<br />", Lines(notes!).Select(Encode))).Append("</p>");
            }

            html.Append("<p>Score: ").Append(lead.GetAttributeValue<int?>(LeadTable.Score)?.ToString(CultureInfo.InvariantCulture) ?? "not scored").Append("</p>");
            var reasons = Lines(lead.GetAttributeValue<string>(LeadTable.ScoreReasons)).ToList();
            if (reasons.Count > 0)
            {
                html.Append("<ul>");
                foreach (var line in reasons)
                {
                    html.Append("<li>").Append(Encode(line)).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("<p>Rejected by ").Append(Encode(rejectedBy)).Append(" on ")
                .Append(rejectedOn.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC.</p>");
            html.Append("<p><a href=\"").Append(Encode(leadUrl)).Append("\">Open the lead</a></p>");
            html.Append("</div>");
            return html.ToString();
        }

        private static string Encode(string text) => WebUtility.HtmlEncode(text);

        /// <summary>The text's non-empty lines (a rep's notes or the score reasons, one reason a line).</summary>
        private static IEnumerable<string> Lines(string? text) =>
            (text ?? string.Empty).Replace("\r\n", "\n").Split('\n').Where(line => !string.IsNullOrWhiteSpace(line));

        /// <summary>The user's full name for the e-mail, read as SYSTEM (any rep may reject, and the reader needs only the name).</summary>
        private static string UserName(IOrganizationService system, Guid userId) =>
            system.Retrieve(SystemUserTable.EntityName, userId, new ColumnSet(SystemUserTable.FullName)).GetAttributeValue<string>(SystemUserTable.FullName) ?? "a sales rep";

        public static string ReasonLabel(int reason)
        {
            switch ((RejectionReason)reason)
            {
                case RejectionReason.NotAFit: return "not a fit";
                case RejectionReason.NoBudget: return "no budget";
                case RejectionReason.BadContactData: return "bad contact data";
                case RejectionReason.Duplicate: return "duplicate";
                case RejectionReason.Competitor: return "competitor";
                case RejectionReason.StudentOrJobSeeker: return "student or job seeker";
                case RejectionReason.NotReadyYet: return "not ready yet";
                default: return "other";
            }
        }

        private static string OutcomeLabel(int outcome)
        {
            switch ((FeedbackOutcome)outcome)
            {
                case FeedbackOutcome.Accepted: return "accepted";
                case FeedbackOutcome.Disputed: return "disputed";
                default: return "fixed at source";
            }
        }
    }
}
