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
    /// Ends the SLA clocks when the rep acts (PostOperation): accepting ends the accept clock, the first contact ends the
    /// first-contact clock (Succeeded on time, Noncompliant late, succeededon either way); Rejected, Nurture or Converted
    /// cancel the clocks still running. The decision clock (started at acceptance) ends when the lead becomes an SQL (Succeeded on
    /// time, Noncompliant late) and is canceled when a person rejects or nurtures it; when its breach returned the lead to
    /// Nurture it has already ended and stays Noncompliant. At most 2 calls to close one; replays change nothing.
    /// </summary>
    [PluginStep("1ead5c0e-000c-4000-8000-000000000001", "Update", "lead", PluginStage.PostOperation, Rank = 2,
        FilteringAttributes = $"{LeadTable.Stage},statecode,{LeadTable.FirstContactOn}",
        PostImageAttributes = $"{LeadTable.Stage},{LeadTable.AcceptByKpiId},{LeadTable.FirstContactByKpiId},{LeadTable.FirstContactOn},{LeadTable.AcceptedOn},{LeadTable.DecisionByKpiId},{LeadTable.SqlOn}")]
    public sealed class StopLeadSlaClocksPlugin : PluginBase
    {
        public StopLeadSlaClocksPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(StopLeadSlaClocksPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var lead = context.GetPostImage("PostImage");
            var target = context.GetTargetEntity();
            if (lead == null || target == null)
            {
                return;
            }

            var service = localPluginContext.SystemUserService;
            var acceptClock = lead.GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId);
            var contactClock = lead.GetAttributeValue<EntityReference>(LeadTable.FirstContactByKpiId);
            var decisionClock = lead.GetAttributeValue<EntityReference>(LeadTable.DecisionByKpiId);
            var movedTo = StageChange.ReadFrom(context.SharedVariables)?.To;

            if (movedTo == LeadStage.Sal && acceptClock != null)
            {
                var closed = SlaClocks.Close(service, acceptClock.Id, lead.GetAttributeValue<DateTime?>(LeadTable.AcceptedOn) ?? context.OperationCreatedOn);
                localPluginContext.Trace($"Accept clock {acceptClock.Id}: {closed?.ToString() ?? "already ended"}.");
            }

            if (movedTo == LeadStage.Sql && decisionClock != null)
            {
                var closed = SlaClocks.Close(service, decisionClock.Id, lead.GetAttributeValue<DateTime?>(LeadTable.SqlOn) ?? context.OperationCreatedOn);
                localPluginContext.Trace($"Decision clock {decisionClock.Id}: {closed?.ToString() ?? "already ended"}.");
            }

            if (target.GetAttributeValue<DateTime?>(LeadTable.FirstContactOn) is { } contactedOn && contactClock != null)
            {
                var closed = SlaClocks.Close(service, contactClock.Id, contactedOn);
                localPluginContext.Trace($"First-contact clock {contactClock.Id}: {closed?.ToString() ?? "already ended"}.");
            }

            if (movedTo != null && LeadStages.Of(movedTo.Value).EndsClocks)
            {
                var clocks = new List<Guid>();
                if (acceptClock != null)
                {
                    clocks.Add(acceptClock.Id);
                }

                if (contactClock != null)
                {
                    clocks.Add(contactClock.Id);
                }

                if (decisionClock != null)
                {
                    clocks.Add(decisionClock.Id);
                }

                localPluginContext.Trace($"Lead {movedTo}: {SlaClocks.Cancel(service, clocks)} running clock(s) canceled.");
            }
        }
    }
}
