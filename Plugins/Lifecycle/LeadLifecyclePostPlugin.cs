using System;
using System.Globalization;
using LeadAlign.Feedback;
using LeadAlign.Lifecycle;
using LeadAlign.Plugins.Handoffs;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using LeadAlign.Sla;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// Writes, in the same transaction as the stage change, what <see cref="LeadLifecyclePlugin"/> decided: the stage history
    /// row (from, to, when, by whom, minutes in the previous stage, score; for a handoff its rotation position and rep; for the
    /// decision clock's return to Nurture the note saying so), a rejected lead's feedback marked Recycled when it goes back to Nurture, the
    /// reassignment record, and for a handoff the new owner's in-app notification (linking to the lead, saying by when to
    /// accept) and the rep's place in the rotation (written under the routing lock the handoff took in PreOperation).
    /// Everything is written as SYSTEM: the notification goes to another user, which the platform lets SYSTEM do.
    /// </summary>
    [PluginStep("1ead5c0e-0008-4000-8000-000000000001", "Create", "lead", PluginStage.PostOperation)]
    [PluginStep("1ead5c0e-0008-4000-8000-000000000002", "Update", "lead", PluginStage.PostOperation,
        FilteringAttributes = $"{LeadTable.Stage},statecode,ownerid,{LeadTable.EngagementLedger},{{FitRuleColumns}},{{MqlRequiredColumns}}")]
    public sealed class LeadLifecyclePostPlugin : PluginBase
    {
        public LeadLifecyclePostPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(LeadLifecyclePostPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var shared = context.SharedVariables;
            var service = localPluginContext.SystemUserService;
            var leadRef = new EntityReference(LeadTable.EntityName, context.PrimaryEntityId);
            var target = context.GetTargetEntity();
            var leadName = target?.GetAttributeValue<string>(LeadTable.FullName) ?? target?.GetAttributeValue<string>("lastname") ?? "a lead";

            var stageChange = StageChange.ReadFrom(shared);
            var handoff = Handoff.ReadFrom(shared);
            if (stageChange != null)
            {
                var history = new Entity(LeadStageChangeTable.EntityName)
                {
                    [LeadStageChangeTable.Name] = LeadStages.Name(stageChange.From) + " → " + LeadStages.Name(stageChange.To),
                    [LeadStageChangeTable.LeadId] = leadRef,
                    [LeadStageChangeTable.FromStage] = new OptionSetValue((int)stageChange.From),
                    [LeadStageChangeTable.ToStage] = new OptionSetValue((int)stageChange.To),
                    [LeadStageChangeTable.ChangedOn] = context.OperationCreatedOn,
                    [LeadStageChangeTable.ChangedBy] = new EntityReference(SystemUserTable.EntityName, context.InitiatingUserId),
                    [LeadStageChangeTable.MinutesInPreviousStage] = stageChange.MinutesInPreviousStage,
                    [LeadStageChangeTable.Score] = stageChange.Score,
                };
                if (stageChange.To == LeadStage.Nurture && target?.GetAttributeValue<string>(LeadTable.RecycleReason) == NoDecisionReturn.Reason)
                {
                    // The decision clock's return: the row keeps why, so the week's close counts it whatever the lead says later.
                    history[LeadStageChangeTable.Note] = NoDecisionReturn.HistoryNote;
                }

                if (handoff != null)
                {
                    // The handoff's place in the rotation and its rep: ordered by position, these rows replay the routing.
                    history[LeadStageChangeTable.RotationPosition] = handoff.Position;
                    history[LeadStageChangeTable.RoutedToId] = new EntityReference(SystemUserTable.EntityName, handoff.RepId);
                }

                service.Create(history);
                if (stageChange.From == LeadStage.Rejected && stageChange.To == LeadStage.Nurture)
                {
                    // Back to marketing, however it got there (the commands, a workflow, the stage set by hand): the rejection's
                    // feedback no longer waits for an answer.
                    localPluginContext.Trace($"Rejected → Nurture: {RejectionFeedback.MarkRecycled(service, context.PrimaryEntityId).ToString(CultureInfo.InvariantCulture)} feedback row(s) marked Recycled, as SYSTEM.");
                }
            }

            if (stageChange == null && handoff != null)
            {
                // Taken from the sales queue: the handoff happens at the pick, in the same history as routing.
                var minutesInQueue = target?.GetAttributeValue<int?>(LeadTable.MinutesInQueue);
                service.Create(new Entity(LeadStageChangeTable.EntityName)
                {
                    [LeadStageChangeTable.Name] = "Picked from the sales queue",
                    [LeadStageChangeTable.LeadId] = leadRef,
                    [LeadStageChangeTable.FromStage] = new OptionSetValue((int)LeadStage.Mql),
                    [LeadStageChangeTable.ToStage] = new OptionSetValue((int)LeadStage.Mql),
                    [LeadStageChangeTable.ChangedOn] = context.OperationCreatedOn,
                    [LeadStageChangeTable.ChangedBy] = new EntityReference(SystemUserTable.EntityName, context.InitiatingUserId),
                    [LeadStageChangeTable.MinutesInPreviousStage] = minutesInQueue,
                    [LeadStageChangeTable.RotationPosition] = handoff.Position,
                    [LeadStageChangeTable.RoutedToId] = new EntityReference(SystemUserTable.EntityName, handoff.RepId),
                    [LeadStageChangeTable.Note] = $"Picked from the sales queue after {minutesInQueue} minutes in it.",
                });
            }

            var queued = QueuedHandoff.ReadFrom(shared);
            if (queued != null)
            {
                service.Execute(new AddToQueueRequest { Target = leadRef, DestinationQueueId = queued.QueueId });
                localPluginContext.Trace($"Added to the sales queue {queued.QueueId}, as SYSTEM.");
            }

            var agreement = handoff != null || queued != null ? localPluginContext.ActiveAgreement() : null;
            if (agreement != null && agreement.EmailHandoff)
            {
                var recipient = handoff != null
                    ? new EntityReference(SystemUserTable.EntityName, handoff.RepId)
                    : new EntityReference(QueueTable.EntityName, queued!.QueueId);
                HandoffEmail.Send(service, agreement, () => SystemUserOf(localPluginContext), context.PrimaryEntityId, leadName, recipient, handoff?.AcceptBy.Failure, context.OrganizationId, context.OperationCreatedOn, message => localPluginContext.Trace(message));
            }

            var reassignment = Reassignment.ReadFrom(shared);
            if (reassignment != null)
            {
                var stage = target?.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value;
                service.Create(new Entity(LeadStageChangeTable.EntityName)
                {
                    [LeadStageChangeTable.Name] = "Reassigned",
                    [LeadStageChangeTable.LeadId] = leadRef,
                    [LeadStageChangeTable.FromStage] = stage == null ? null : new OptionSetValue(stage.Value),
                    [LeadStageChangeTable.ToStage] = stage == null ? null : new OptionSetValue(stage.Value),
                    [LeadStageChangeTable.ChangedOn] = context.OperationCreatedOn,
                    [LeadStageChangeTable.ChangedBy] = new EntityReference(SystemUserTable.EntityName, context.InitiatingUserId),
                    [LeadStageChangeTable.Note] = $"Reassigned by hand from {Describe(reassignment.From)} to {Describe(reassignment.To)}.",
                });
            }

            if (handoff != null)
            {
                service.Create(new Entity(AppNotificationTable.EntityName)
                {
                    [AppNotificationTable.Title] = "New MQL for you: " + leadName,
                    [AppNotificationTable.Body] = "Accept it by " + handoff.AcceptBy.Failure.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC, as the sales and marketing agreement says.",
                    [AppNotificationTable.OwnerId] = new EntityReference(SystemUserTable.EntityName, handoff.RepId),
                    [AppNotificationTable.IconType] = new OptionSetValue(AppNotificationTable.IconInfo),
                    [AppNotificationTable.ToastType] = new OptionSetValue(AppNotificationTable.ToastTimed),
                    [AppNotificationTable.Priority] = new OptionSetValue(AppNotificationTable.PriorityHigh),
                    [AppNotificationTable.Data] = "{\"actions\":[{\"title\":\"Open lead\",\"data\":{\"url\":\"?pagetype=entityrecord&etn=lead&id=" + context.PrimaryEntityId.ToString("D") + "\"}}]}",
                });
                service.Update(new Entity(SystemUserTable.EntityName, handoff.RepId) { [SystemUserTable.RoutingSequence] = handoff.Position });
                localPluginContext.Trace($"Rep {handoff.RepId} notified in-app of the new MQL; the notification is created as SYSTEM, as the platform allows for a notification to another user.");
            }
        }

        /// <summary>The SYSTEM user's id, the sender of a handoff e-mail left as a draft.</summary>
        private static Guid SystemUserOf(ILocalPluginContext localPluginContext) =>
            ((WhoAmIResponse)localPluginContext.SystemUserService.Execute(new WhoAmIRequest())).UserId;

        /// <summary>An owner as the history note names it: "systemuser:{id}" or "team:{id}".</summary>
        private static string Describe(EntityReference owner) => owner.LogicalName + ":" + owner.Id.ToString("D");
    }
}
