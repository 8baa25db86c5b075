using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Lifecycle;
using LeadAlign.Plugins.Lifecycle;
using LeadAlign.Plugins.Handoffs;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using LeadAlign.Sla;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Sla
{
    /// <summary>
    /// Starts the SLA clocks of a handoff (PreOperation, rank 3, after the lifecycle routed the lead): two SLA KPI instances,
    /// "Accept by" and "First contact by", timed in the agreement's business hours, linked from the lead through its Target
    /// (la_acceptbykpiid, la_firstcontactbykpiid), so the lead is never updated twice. A lead handed off as it is created has
    /// no row yet for the instances to regard in PreOperation: for Create the clocks start in PostOperation and the lead's two
    /// lookups are set with one Update, the only case where LeadAlign updates the row of its own step.
    /// Idempotent per handoff: the clocks' ids derive from the lead and the handoff's rotation position
    /// (<see cref="SlaClocks.HandoffClockId"/>), and one query asks whether they exist first; a replay of the step (the same
    /// context again, a duplicate delivery, a retried job) finds them and starts nothing, while a later handoff of the lead (after
    /// a recycle) has another position and starts its own.
    /// A reassignment of an open lead moves both clocks that still run to the new owner: each is canceled and continued by a
    /// clock with the same deadlines, owned by the new rep, and the lead's lookups follow (<see cref="SlaClocks.MoveTo"/>); an
    /// internal reassignment buys no time. A lead reassigned to a team keeps its clocks where they are until a rep owns it.
    /// An SLA KPI instance can only regard a table enabled for SLAs: where lead is not, the step starts no clocks, traces why
    /// and shows a warning on the agreement, and the lead is saved and handed off without clocks (never refused for them).
    /// Accepting a lead (a move to SAL) starts the third clock, "Decision by", when the agreement has decision days: sales'
    /// commitment to decide (SQL, Rejected or Nurture) within that many business days, owned by the lead's owner and linked
    /// through la_decisionbykpiid; its id derives from the lead and the acceptance time, so a replay starts nothing new. Its
    /// breach returns the lead to marketing as Nurture (<see cref="SlaEvaluator"/>). Calls: 2 (the query and the create).
    /// Calls: a handoff 3 (the query and two creates) and one more Update on Create; a reassignment 1, plus 2 per running
    /// clock; plus the SLA check's RetrieveEntity once per organization per <see cref="LeadSlaSupport.MaxAge"/> while lead is not enabled for SLAs (once it is, never again) and one
    /// Update of the agreement when its warning must be written or cleared.
    /// </summary>
    [PluginStep("1ead5c0e-000b-4000-8000-000000000001", "Create", "lead", PluginStage.PostOperation, Rank = 3)]
    [PluginStep("1ead5c0e-000b-4000-8000-000000000002", "Update", "lead", PluginStage.PreOperation, Rank = 3,
        FilteringAttributes = $"{LeadTable.Stage},statecode,ownerid,{LeadTable.EngagementLedger},{{FitRuleColumns}},{{MqlRequiredColumns}}",
        PreImageAttributes = $"{LeadTable.Stage},{LeadTable.AcceptByKpiId},{LeadTable.FirstContactByKpiId},{LeadTable.DecisionByKpiId},ownerid")]
    public sealed class StartLeadSlaClocksPlugin : PluginBase
    {
        public StartLeadSlaClocksPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(StartLeadSlaClocksPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTargetEntity();
            var shared = context.SharedVariables;
            var handoff = Handoff.ReadFrom(shared);
            var reassignment = Reassignment.ReadFrom(shared);
            var accepted = context.MessageName == "Update" && StageChange.ReadFrom(shared)?.To == LeadStage.Sal;
            if (target == null || (handoff == null && reassignment == null && !accepted))
            {
                return;
            }

            var service = localPluginContext.SystemUserService;
            var now = context.OperationCreatedOn;
            var agreement = localPluginContext.ActiveAgreement();
            if (agreement == null)
            {
                return;
            }

            if (agreement.CalendarProblem != null)
            {
                localPluginContext.Trace($"The agreement's business hours cannot be read ({agreement.CalendarProblem}): the clocks use Monday to Friday 09:00-17:00 UTC.");
            }

            if (handoff != null)
            {
                StartForHandoff(localPluginContext, service, agreement, handoff, target, now);
            }
            else if (reassignment != null)
            {
                MoveToNewOwner(localPluginContext, service, agreement, reassignment, target, now);
            }

            if (accepted)
            {
                StartDecisionClock(localPluginContext, service, agreement, target, now);
            }
        }

        /// <summary>The accepted lead's "Decision by" clock, when the agreement commits sales to a decision in business days.</summary>
        private static void StartDecisionClock(ILocalPluginContext localPluginContext, IOrganizationService service, Agreement agreement, Entity target, DateTime now)
        {
            var context = localPluginContext.PluginExecutionContext;
            if (agreement.DecisionDays == null)
            {
                localPluginContext.Trace("The agreement sets no decision days: no Decision by clock.");
                return;
            }

            var owner = target.GetAttributeValue<EntityReference>(LeadTable.OwnerId) ?? context.GetPreImage("PreImage")?.GetAttributeValue<EntityReference>(LeadTable.OwnerId);
            if (owner == null || !ClocksCanStart(localPluginContext, service, agreement, now))
            {
                return;
            }

            var leadId = context.PrimaryEntityId;
            var decision = SlaClocks.DecisionClockId(leadId, now);
            if (SlaClocks.AnyExists(service, new[] { decision }))
            {
                localPluginContext.Trace($"The decision clock of this acceptance was started by an earlier run of this step ({decision}): a replay starts nothing.");
                return;
            }

            var deadline = SlaDeadline.AfterBusinessDays(agreement, agreement.DecisionDays.Value, now);
            SlaClocks.Start(service, decision, SlaKpiInstanceTable.DecisionByName, deadline, leadId, owner);
            target[LeadTable.DecisionByKpiId] = new EntityReference(SlaKpiInstanceTable.EntityName, decision);
            localPluginContext.Trace($"Decision clock started: SQL, Rejected or Nurture by {SlaClocks.Describe(deadline.Failure)} ({agreement.DecisionDays} business days), or the lead returns to marketing.");
        }

        /// <summary>The handoff's two clocks, unless a run of this step for the same handoff already started them.</summary>
        private static void StartForHandoff(ILocalPluginContext localPluginContext, IOrganizationService service, Agreement agreement, Handoff handoff, Entity target, DateTime now)
        {
            var context = localPluginContext.PluginExecutionContext;
            if (!ClocksCanStart(localPluginContext, service, agreement, now))
            {
                return;
            }

            var leadId = context.PrimaryEntityId;
            var accept = SlaClocks.HandoffClockId(leadId, handoff.Position, SlaKpiInstanceTable.AcceptByName);
            var contact = SlaClocks.HandoffClockId(leadId, handoff.Position, SlaKpiInstanceTable.FirstContactByName);
            if (SlaClocks.AnyExists(service, new[] { accept, contact }))
            {
                localPluginContext.Trace($"The clocks of handoff {handoff.Position} were started by an earlier run of this step ({accept}, {contact}): a replay starts nothing.");
                return;
            }

            SlaClocks.Start(service, accept, SlaKpiInstanceTable.AcceptByName, handoff.AcceptBy, leadId, handoff.RepId);
            SlaClocks.Start(service, contact, SlaKpiInstanceTable.FirstContactByName, handoff.FirstContactBy, leadId, handoff.RepId);
            var links = context.Stage == (int)PluginStage.PostOperation ? new Entity(LeadTable.EntityName, leadId) : target;
            links[LeadTable.AcceptByKpiId] = new EntityReference(SlaKpiInstanceTable.EntityName, accept);
            links[LeadTable.FirstContactByKpiId] = new EntityReference(SlaKpiInstanceTable.EntityName, contact);
            if (links != target)
            {
                service.Update(links);
            }

            localPluginContext.Trace($"Clocks started for handoff {handoff.Position}: accept by {SlaClocks.Describe(handoff.AcceptBy.Failure)}, first contact by {SlaClocks.Describe(handoff.FirstContactBy.Failure)}.");
        }

        /// <summary>A reassignment while open: the clocks that still run move to the new owner, with their deadlines.</summary>
        private static void MoveToNewOwner(ILocalPluginContext localPluginContext, IOrganizationService service, Agreement agreement, Reassignment reassignment, Entity target, DateTime now)
        {
            var context = localPluginContext.PluginExecutionContext;
            var preImage = context.GetPreImage("PreImage");
            var clocks = new[] { LeadTable.AcceptByKpiId, LeadTable.FirstContactByKpiId, LeadTable.DecisionByKpiId }
                .Select(column => new { Column = column, Clock = preImage?.GetAttributeValue<EntityReference>(column) })
                .Where(link => link.Clock != null)
                .ToList();
            if (clocks.Count == 0)
            {
                return;
            }

            var newOwner = reassignment.To;
            if (newOwner.LogicalName != SystemUserTable.EntityName)
            {
                localPluginContext.Trace($"Reassigned to a {newOwner.LogicalName}: the clocks keep running as they are (the commitment stands) and move to the rep who takes the lead next.");
                return;
            }

            if (!ClocksCanStart(localPluginContext, service, agreement, now))
            {
                return;
            }

            var moved = SlaClocks.MoveTo(service, clocks.Select(link => link.Clock!.Id).ToList(), context.PrimaryEntityId, newOwner.Id);
            foreach (var link in clocks.Where(link => moved.ContainsKey(link.Clock!.Id)))
            {
                target[link.Column] = new EntityReference(SlaKpiInstanceTable.EntityName, moved[link.Clock!.Id]);
            }

            localPluginContext.Trace(moved.Count == 0
                ? "Reassigned: no clock of the lead still runs, so none moves."
                : $"Reassigned: {string.Join(", ", moved.Select(pair => pair.Key + " → " + pair.Value))} moved to the new owner {newOwner.Id} with their deadlines.");
        }

        /// <summary>Whether lead is enabled for SLAs here, so a clock can regard it; the agreement's warning is brought in line either way.</summary>
        private static bool ClocksCanStart(ILocalPluginContext localPluginContext, IOrganizationService service, Agreement agreement, DateTime now)
        {
            var context = localPluginContext.PluginExecutionContext;
            var enabled = LeadSlaSupport.LeadIsEnabled(() => service, context.OrganizationId, now, message => localPluginContext.Trace(message));
            LeadSlaSupport.ShowOnAgreement(service, agreement, enabled, now, message => localPluginContext.Trace(message));
            if (!enabled)
            {
                localPluginContext.Trace("No clocks started: lead is not enabled for SLAs in this organization, and an SLA KPI instance can only regard a table that is. The lead is saved and handed off without clocks; enable Lead for SLAs in its table settings.");
            }

            return enabled;
        }
    }
}
