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
    /// lookups are set with one Update, the only case where LeadAlign updates the row of its own step. A reassignment before
    /// acceptance restarts the accept clock for the new owner: the old instance is canceled and a new one linked.
    /// An SLA KPI instance can only regard a table enabled for SLAs: where lead is not, the step starts no clocks, traces why
    /// and shows a warning on the agreement, and the lead is saved and handed off without clocks (never refused for them).
    /// At most 3 calls, plus the SLA check's RetrieveEntity once per organization per <see cref="LeadSlaSupport.MaxAge"/> and one
    /// Update of the agreement when its warning must be written or cleared.
    /// </summary>
    [PluginStep("1ead5c0e-000b-4000-8000-000000000001", "Create", "lead", PluginStage.PostOperation, Rank = 3)]
    [PluginStep("1ead5c0e-000b-4000-8000-000000000002", "Update", "lead", PluginStage.PreOperation, Rank = 3,
        FilteringAttributes = $"{LeadTable.Stage},statecode,ownerid,{LeadTable.EngagementLedger},{{FitRuleColumns}},{{MqlRequiredColumns}}",
        PreImageAttributes = $"{LeadTable.Stage},{LeadTable.AcceptByKpiId}")]
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
            if (target == null || (handoff == null && reassignment == null))
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

            var leadId = context.PrimaryEntityId;
            if (handoff != null)
            {
                if (!ClocksCanStart(localPluginContext, service, agreement, now))
                {
                    return;
                }

                var accept = SlaClocks.Start(service, SlaKpiInstanceTable.AcceptByName, handoff.AcceptBy, leadId, handoff.RepId);
                var contact = SlaClocks.Start(service, SlaKpiInstanceTable.FirstContactByName, handoff.FirstContactBy, leadId, handoff.RepId);
                var links = context.Stage == (int)PluginStage.PostOperation ? new Entity(LeadTable.EntityName, leadId) : target;
                links[LeadTable.AcceptByKpiId] = new EntityReference(SlaKpiInstanceTable.EntityName, accept);
                links[LeadTable.FirstContactByKpiId] = new EntityReference(SlaKpiInstanceTable.EntityName, contact);
                if (links != target)
                {
                    service.Update(links);
                }

                localPluginContext.Trace($"Clocks started for the handoff: accept by {SlaClocks.Describe(handoff.AcceptBy.Failure)}, first contact by {SlaClocks.Describe(handoff.FirstContactBy.Failure)}.");
                return;
            }

            var preImage = context.GetPreImage("PreImage");
            var oldClock = preImage?.GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId);
            if (LeadStageRequest.Current(preImage) != LeadStage.Mql || oldClock == null || reassignment == null)
            {
                return;
            }

            var newOwner = reassignment.To;
            if (newOwner.LogicalName != SystemUserTable.EntityName || !ClocksCanStart(localPluginContext, service, agreement, now) || SlaClocks.Cancel(service, new[] { oldClock.Id }) == 0)
            {
                return;
            }

            var restarted = SlaClocks.Start(service, SlaKpiInstanceTable.AcceptByName, SlaDeadline.After(agreement, agreement.AcceptHours, now), leadId, newOwner.Id);
            target[LeadTable.AcceptByKpiId] = new EntityReference(SlaKpiInstanceTable.EntityName, restarted);
            localPluginContext.Trace($"Reassigned before acceptance: accept clock {oldClock.Id} canceled, {restarted} started for the new owner.");
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
