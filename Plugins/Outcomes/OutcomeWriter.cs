using System;
using System.Globalization;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Outcomes
{
    /// <summary>
    /// Writes an opportunity's outcome on its originating lead, or clears it, as SYSTEM, with a row of the stage history for
    /// it (the stage stays as it is, as for a reassignment: there is no Won or Lost stage). Writing is idempotent: a lead that
    /// already holds this outcome on this date is left alone, so whichever of the platform's events reports a close first
    /// writes it and the other writes nothing. Service calls: one Retrieve of the lead, then one Update and one Create.
    /// </summary>
    internal static class OutcomeWriter
    {
        private static readonly string[] LeadColumns = { LeadTable.CreatedOn, LeadTable.HandoffOn, LeadTable.Stage, LeadTable.Outcome, LeadTable.OutcomeOn };

        /// <summary>Whether a won or lost opportunity's outcome was written (false when the lead already held it).</summary>
        public static bool Closed(ILocalPluginContext local, Guid opportunityId, EntityReference leadRef, bool won, DateTime closedOn, decimal? revenue)
        {
            var service = local.SystemUserService;
            var lead = service.Retrieve(LeadTable.EntityName, leadRef.Id, new ColumnSet(LeadColumns));
            var outcome = won ? Outcome.Won : Outcome.Lost;
            if (lead.GetAttributeValue<OptionSetValue>(LeadTable.Outcome)?.Value == (int)outcome && lead.GetAttributeValue<DateTime?>(LeadTable.OutcomeOn) == closedOn)
            {
                local.Trace($"Lead {leadRef.Id} already holds outcome {outcome} on {closedOn:yyyy-MM-dd}: nothing to write.");
                return false;
            }

            var paid = won ? revenue : 0m;
            service.Update(new Entity(LeadTable.EntityName, leadRef.Id)
            {
                [LeadTable.Outcome] = new OptionSetValue((int)outcome),
                [LeadTable.OutcomeOn] = closedOn,
                [LeadTable.OutcomeRevenue] = paid,
                [LeadTable.DaysInquiryToClose] = DaysBetween(lead.GetAttributeValue<DateTime?>(LeadTable.CreatedOn), closedOn),
                [LeadTable.DaysHandoffToClose] = DaysBetween(lead.GetAttributeValue<DateTime?>(LeadTable.HandoffOn), closedOn),
            });
            var day = closedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var note = won
                ? $"The opportunity {opportunityId:D} was won on {day}{(paid == null ? "" : " for " + paid.Value.ToString("0.00", CultureInfo.InvariantCulture))}."
                : $"The opportunity {opportunityId:D} was lost on {day}.";
            History(local, lead, won ? "Won" : "Lost", note);
            local.Trace($"Lead {leadRef.Id}: outcome {outcome}.");
            return true;
        }

        /// <summary>Clears the outcome of a lead whose opportunity was reopened.</summary>
        public static void Reopened(ILocalPluginContext local, Guid opportunityId, EntityReference leadRef)
        {
            var service = local.SystemUserService;
            var lead = service.Retrieve(LeadTable.EntityName, leadRef.Id, new ColumnSet(LeadColumns));
            service.Update(new Entity(LeadTable.EntityName, leadRef.Id)
            {
                [LeadTable.Outcome] = null,
                [LeadTable.OutcomeOn] = null,
                [LeadTable.OutcomeRevenue] = null,
                [LeadTable.DaysInquiryToClose] = null,
                [LeadTable.DaysHandoffToClose] = null,
            });
            History(local, lead, "Reopened", $"The opportunity {opportunityId:D} was reopened: its outcome is cleared.");
            local.Trace($"Lead {leadRef.Id}: outcome cleared.");
        }

        private static void History(ILocalPluginContext local, Entity lead, string name, string note)
        {
            var context = local.PluginExecutionContext;
            var stage = lead.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value;
            local.SystemUserService.Create(new Entity(LeadStageChangeTable.EntityName)
            {
                [LeadStageChangeTable.Name] = name,
                [LeadStageChangeTable.LeadId] = lead.ToEntityReference(),
                [LeadStageChangeTable.FromStage] = stage == null ? null : new OptionSetValue(stage.Value),
                [LeadStageChangeTable.ToStage] = stage == null ? null : new OptionSetValue(stage.Value),
                [LeadStageChangeTable.ChangedOn] = context.OperationCreatedOn,
                [LeadStageChangeTable.ChangedBy] = new EntityReference(SystemUserTable.EntityName, context.InitiatingUserId),
                [LeadStageChangeTable.Note] = note,
            });
        }

        /// <summary>Whole calendar days (as Dataverse returns dates, in UTC) from <paramref name="from"/> to <paramref name="to"/>, never below 0; null without a start.</summary>
        private static int? DaysBetween(DateTime? from, DateTime to)
        {
            if (from == null)
            {
                return null;
            }

            var days = (to.Date - from.Value.Date).Days;
            return days < 0 ? 0 : days;
        }
    }
}
