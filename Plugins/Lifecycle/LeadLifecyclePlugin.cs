using System;
using System.Globalization;
using System.Linq;
using LeadAlign.Lifecycle;
using LeadAlign.Plugins.Handoffs;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using LeadAlign.Sla;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// Moves a lead through the agreed stages as it is saved, in PreOperation (rank 2, after scoring), writing only the Target:
    /// Inquiry or Nurture → MQL when the score reaches the model's threshold and the required columns have values; the handoff
    /// (round-robin routing to an eligible rep, la_handoffon); the stamps of every stage and the minutes to accept; Nurture
    /// recycling the lead to marketing. It hands the history row, the notification and the rotation to
    /// <see cref="LeadLifecyclePostPlugin"/> and the clocks to the SLA steps as typed shared variables (<see cref="StageChange"/>,
    /// <see cref="Handoff"/> with its rotation position and both deadlines, <see cref="Reassignment"/>). A save that changes no
    /// stage costs nothing; a handoff costs three calls: the routing lock, one query (the handoff count and the eligible reps
    /// with their open leads counted), and the agreement's new handoff count. Where the agreement routes to its sales queue, the
    /// MQL is queued instead (no call here; <see cref="QueuedHandoff"/>), and handed off when a rep takes it from the queue.
    /// </summary>
    [PluginStep("1ead5c0e-0007-4000-8000-000000000001", "Create", "lead", PluginStage.PreOperation, Rank = 2)]
    [PluginStep("1ead5c0e-0007-4000-8000-000000000002", "Update", "lead", PluginStage.PreOperation, Rank = 2,
        FilteringAttributes = $"{LeadTable.Stage},statecode,ownerid,{LeadTable.EngagementLedger},{{FitRuleColumns}},{{MqlRequiredColumns}}",
        PreImageAttributes = $"{LeadTable.Stage},{LeadTable.StageEnteredOn},{LeadTable.MqlOn},{LeadTable.HandoffOn},{LeadTable.QueuedOn},{LeadTable.HotLane},ownerid,{LeadTable.Score},{LeadTable.EngagementLedger},{LeadTable.RoutedToId},address1_country,{LeadTable.Territory},{{FitRuleColumns}},{{MqlRequiredColumns}},{LeadTable.LastName},{LeadTable.CompanyName},{LeadTable.Email},{LeadTable.BusinessPhone}")]
    public sealed class LeadLifecyclePlugin : PluginBase
    {
        public LeadLifecyclePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(LeadLifecyclePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTargetEntity();
            if (target == null)
            {
                return;
            }

            var now = context.OperationCreatedOn;
            var preImage = context.GetPreImage("PreImage");
            var lead = target.MergeWithPreImage(preImage);
            var from = context.MessageName == "Create" ? LeadStage.Inquiry : LeadStageRequest.Current(preImage);
            var to = LeadStageRequest.Requested(target);
            var requestedOwner = target.GetAttributeValue<EntityReference>(LeadTable.OwnerId);
            if (context.MessageName == "Create")
            {
                target[LeadTable.Stage] = new OptionSetValue((int)LeadStage.Inquiry);
                target[LeadTable.StageEnteredOn] = now;
            }

            var trace = new Action<string>(message => localPluginContext.Trace(message));
            if ((to == null || to == from) && (from == LeadStage.Inquiry || from == LeadStage.Nurture))
            {
                var model = localPluginContext.ActiveScoringModel();
                var score = lead.GetAttributeValue<int?>(LeadTable.Score);
                if (model != null && score >= model.MqlThreshold && Agreement.Missing(model.RequiredColumns, lead).Count == 0)
                {
                    to = LeadStage.Mql;
                }
            }

            var oldOwner = preImage?.GetAttributeValue<EntityReference>(LeadTable.OwnerId);
            var routed = false;
            if (to != null && to != from)
            {
                var entered = preImage?.GetAttributeValue<DateTime?>(LeadTable.StageEnteredOn);
                var minutesInPrevious = entered == null ? 0 : Math.Max(0, (int)(now - entered.Value).TotalMinutes);
                target[LeadTable.Stage] = new OptionSetValue((int)to.Value);
                target[LeadTable.StageEnteredOn] = now;
                var stage = LeadStages.Of(to.Value);
                if (stage.StampColumn != null)
                {
                    target[stage.StampColumn] = now;
                }

                switch (stage.OnEnter)
                {
                    case StageEntry.HandOff:
                        HandoffQuality.Record(localPluginContext.SystemUserService, target, lead, context.PrimaryEntityId, trace);
                        routed = Route(localPluginContext, target, lead, now);
                        break;
                    case StageEntry.CountMinutesToAccept:
                        var handoff = lead.GetAttributeValue<DateTime?>(LeadTable.HandoffOn);
                        if (handoff != null)
                        {
                            target[LeadTable.MinutesToAccept] = Math.Max(0, (int)(now - handoff.Value).TotalMinutes);
                        }

                        break;
                    case StageEntry.RecycleToMarketing:
                        Recycle(localPluginContext, target, lead, now);
                        break;
                }

                // Marketing automation honours la_nurturepaused: paused while sales owns the lead (from acceptance), resumed when
                // the lead comes back to marketing (Nurture) or is rejected.
                if (to == LeadStage.Sal)
                {
                    target[LeadTable.NurturePaused] = true;
                }
                else if (to == LeadStage.Nurture || to == LeadStage.Rejected)
                {
                    target[LeadTable.NurturePaused] = false;
                }

                new StageChange(from, to.Value, minutesInPrevious, target.GetAttributeValue<int?>(LeadTable.Score) ?? lead.GetAttributeValue<int?>(LeadTable.Score) ?? 0).WriteTo(context.SharedVariables);
                localPluginContext.Trace($"Stage {LeadStages.Name(from)} → {LeadStages.Name(to.Value)}.");
            }

            var newOwner = requestedOwner;
            if (!routed && context.MessageName == "Update" && (to == null || to == from) && from == LeadStage.Mql && newOwner?.LogicalName == SystemUserTable.EntityName
                && preImage?.GetAttributeValue<DateTime?>(LeadTable.QueuedOn) != null && preImage.GetAttributeValue<DateTime?>(LeadTable.HandoffOn) == null)
            {
                routed = TakeFromQueue(localPluginContext, target, preImage, newOwner, now);
            }

            if (!routed && context.MessageName == "Update" && newOwner != null && oldOwner != null && newOwner.Id != oldOwner.Id && LeadStages.Open.Contains(from))
            {
                new Reassignment(oldOwner, newOwner).WriteTo(context.SharedVariables);
                localPluginContext.Trace($"Reassigned by hand from {oldOwner.Id} to {newOwner.Id}.");
            }
        }

        /// <summary>
        /// Routes the new MQL to the next eligible rep of the agreement's sales team; false when none can take it. The routing lock
        /// comes first (<see cref="RoutingLock"/>), then the one query that reads the rotation and the open leads, then the
        /// agreement's handoff count moves to this handoff's position: three calls, all as SYSTEM.
        /// </summary>
        private static bool Route(ILocalPluginContext localPluginContext, Entity target, Entity lead, DateTime now)
        {
            var context = localPluginContext.PluginExecutionContext;
            var agreement = localPluginContext.ActiveAgreement();
            if (agreement != null && agreement.RoutesToQueue)
            {
                // Queue mode: the MQL waits in the sales queue, owned by the sales team (so its reps can read it), until a rep picks
                // it. No rep, no handoff stamp and no clock yet: marketing's delivery time runs until the pick.
                target[LeadTable.QueuedOn] = now;
                target[LeadTable.MinutesInQueue] = null;
                target[LeadTable.HotLane] = agreement.HotLaneAcceptMinutes != null && HandedOffThroughHighIntent(localPluginContext, context.PrimaryEntityId);
                if (agreement.SalesTeamId != null)
                {
                    target[LeadTable.OwnerId] = new EntityReference(TeamTable.EntityName, agreement.SalesTeamId.Value);
                }

                new QueuedHandoff(agreement.SalesQueueId!.Value).WriteTo(context.SharedVariables);
                localPluginContext.Trace($"Sent to the sales queue {agreement.SalesQueueId}: the accept clock starts when a rep picks it.");
                return false;
            }

            if (agreement?.SalesTeamId == null)
            {
                localPluginContext.Trace("No active agreement with a sales team: the MQL waits unassigned. Set the agreement's Sales team.");
                return false;
            }

            var system = localPluginContext.SystemUserService;
            RoutingLock.Take(system, agreement.Id, now);
            var rotation = agreement.RoutingFilter switch
            {
                RoutingFilter.Country => RoutingCandidates.Query(system, agreement.Id, SystemUserTable.Country, lead.GetAttributeValue<string>(LeadTable.Country), agreement.MaxOpenLeadsPerRep),
                RoutingFilter.Territory => RoutingCandidates.Query(system, agreement.Id, SystemUserTable.Territory, lead.GetAttributeValue<string>(LeadTable.Territory), agreement.MaxOpenLeadsPerRep),
                _ => RoutingCandidates.Query(system, agreement.Id, null, null, agreement.MaxOpenLeadsPerRep),
            };
            if (rotation.Candidates.Count == 0)
            {
                localPluginContext.Trace("No available member of the sales team matches this lead: the MQL waits unassigned.");
                return false;
            }

            var chosen = LeadRouter.Choose(rotation.Candidates, agreement.MaxOpenLeadsPerRep);
            if (chosen == null)
            {
                localPluginContext.Trace($"Every available rep holds {agreement.MaxOpenLeadsPerRep} open leads, the agreement's cap: the MQL waits unassigned.");
                return false;
            }

            var position = LeadRouter.NextPosition(rotation);
            RoutingLock.Advance(system, agreement.Id, position);
            target[LeadTable.OwnerId] = new EntityReference(SystemUserTable.EntityName, chosen.UserId);
            target[LeadTable.HandoffOn] = now;
            target[LeadTable.RoutedTo] = new EntityReference(SystemUserTable.EntityName, chosen.UserId);
            var hotLane = agreement.HotLaneAcceptMinutes != null && HandedOffThroughHighIntent(localPluginContext, context.PrimaryEntityId);
            target[LeadTable.HotLane] = hotLane;
            new Handoff(chosen.UserId, position, AcceptDeadline(agreement, hotLane, now), SlaDeadline.After(agreement, agreement.FirstContactHours, now)).WriteTo(context.SharedVariables);
            localPluginContext.Trace($"Handed off to {chosen.Name} ({(chosen.OpenLeads == null ? "no cap: not counted" : chosen.OpenLeads + " open leads")}, last handoff at position {chosen.Sequence}): rotation position {position}.");
            return true;
        }

        /// <summary>The accept clock's deadline from <paramref name="now"/>: the hot lane's business minutes, or the agreement's accept hours.</summary>
        private static SlaDeadline AcceptDeadline(Agreement agreement, bool hotLane, DateTime now) =>
            hotLane ? SlaDeadline.After(agreement, TimeSpan.FromMinutes(agreement.HotLaneAcceptMinutes!.Value), now) : SlaDeadline.After(agreement, agreement.AcceptHours, now);

        /// <summary>
        /// Whether this save's engagement came from an activity that earned a high-intent rule: the activity's save (the parent
        /// pipeline whose PostOperation step updates the lead's ledger) carries the rules it earned as <see cref="EngagementToApply"/>.
        /// No service call when the scoring model cache is warm.
        /// </summary>
        private static bool HandedOffThroughHighIntent(ILocalPluginContext localPluginContext, Guid leadId)
        {
            var model = localPluginContext.ActiveScoringModel();
            if (model == null)
            {
                return false;
            }

            for (var each = localPluginContext.PluginExecutionContext; each != null; each = each.ParentContext)
            {
                var earned = EngagementToApply.ReadFrom(each.SharedVariables);
                if (earned != null && earned.LeadId == leadId)
                {
                    var intent = earned.RuleIds.Select(model.Rule).FirstOrDefault(rule => rule != null && rule.HighIntent);
                    if (intent != null)
                    {
                        localPluginContext.Trace($"Handed off through the high-intent rule '{intent.Name}': the hot lane's accept time applies.");
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// A rep takes an MQL waiting in the sales queue (picking its queue item assigns it, <see cref="QueueItemPickedPlugin"/>; an
        /// assignment to a user by hand does the same): the handoff happens now, through the routing path: the routing lock, the
        /// agreement's handoff count (one Retrieve) and the next position, the handoff stamp, the routed-to rep, the minutes the
        /// lead waited in the queue, and the <see cref="Handoff"/> that starts the clocks from now and writes the history row.
        /// Three calls, as SYSTEM.
        /// </summary>
        private static bool TakeFromQueue(ILocalPluginContext localPluginContext, Entity target, Entity preImage, EntityReference rep, DateTime now)
        {
            var context = localPluginContext.PluginExecutionContext;
            var agreement = localPluginContext.ActiveAgreement();
            if (agreement == null)
            {
                localPluginContext.Trace("No active agreement: the queued lead is assigned without a handoff.");
                return false;
            }

            var system = localPluginContext.SystemUserService;
            RoutingLock.Take(system, agreement.Id, now);
            var count = system.Retrieve(AgreementTable.EntityName, agreement.Id, new ColumnSet(AgreementTable.HandoffCount)).GetAttributeValue<int?>(AgreementTable.HandoffCount) ?? 0;
            var position = count + 1;
            RoutingLock.Advance(system, agreement.Id, position);
            var queuedOn = preImage.GetAttributeValue<DateTime>(LeadTable.QueuedOn);
            target[LeadTable.HandoffOn] = now;
            target[LeadTable.RoutedTo] = new EntityReference(SystemUserTable.EntityName, rep.Id);
            target[LeadTable.MinutesInQueue] = Math.Max(0, (int)(now - queuedOn).TotalMinutes);
            // A lead queued through a high-intent interaction keeps the hot lane: its accept time, from the pick, is the hot lane's.
            var hotLane = agreement.HotLaneAcceptMinutes != null && preImage.GetAttributeValue<bool?>(LeadTable.HotLane) == true;
            new Handoff(rep.Id, position, AcceptDeadline(agreement, hotLane, now), SlaDeadline.After(agreement, agreement.FirstContactHours, now)).WriteTo(context.SharedVariables);
            localPluginContext.Trace($"Taken from the sales queue by {rep.Id} after {target[LeadTable.MinutesInQueue]} minutes: rotation position {position}; the clocks start now.");
            return true;
        }

        /// <summary>Nurture: the lead goes back to marketing, its handoff fields are cleared, and engagement resets if the model says so.</summary>
        private static void Recycle(ILocalPluginContext localPluginContext, Entity target, Entity lead, DateTime now)
        {
            foreach (var column in new[] { LeadTable.HandoffOn, LeadTable.AcceptedOn, LeadTable.RoutedTo, LeadTable.MinutesToAccept, LeadTable.FirstContactOn, LeadTable.MinutesToFirstContact, LeadTable.QueuedOn, LeadTable.MinutesInQueue })
            {
                target[column] = null;
            }

            var agreement = localPluginContext.ActiveAgreement();
            if (agreement?.MarketingTeamId != null)
            {
                target[LeadTable.OwnerId] = new EntityReference("team", agreement.MarketingTeamId.Value);
            }
            else
            {
                localPluginContext.Trace("No marketing team on the agreement: the lead keeps its owner. Set the agreement's Marketing team.");
            }

            var model = localPluginContext.ActiveScoringModel();
            if (model != null && model.NurtureResetsEngagement)
            {
                var ledger = EngagementLedger.Parse(lead.GetAttributeValue<string>(LeadTable.EngagementLedger));
                ledger.ResetPoints();
                LeadScorer.Score(model, lead, ledger, now, message => localPluginContext.Trace(message)).WriteTo(target, lead, model.Id, now);
                localPluginContext.Trace("Engagement reset for nurture, as the scoring model says.");
            }
        }
    }
}
