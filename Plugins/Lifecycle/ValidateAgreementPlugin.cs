using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Lifecycle;
using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using LeadAlign.Sla;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// Refuses an agreement that could never work, saying what to correct: business hours the SLA clocks could not count in
    /// (a working day that ends before it starts or a time outside 0 to 24 hours, a time zone code no platform time zone has or
    /// whose zone the server does not know), and SQL
    /// columns lead does not have (a misspelt column would keep every lead from becoming an SQL). Any calendar it accepts
    /// gives every handoff its deadlines, however short its working hours. Marketing's commitments must be counts of zero or
    /// more (MQLs per week, SQLs per month) and a share of 0 to 100 percent (pipeline share), refused before the platform's own
    /// range check so the message says what the number means. Service calls: lead's columns (one RetrieveEntity), only when the
    /// SQL columns are saved; the platform's time zones (one RetrieveMultiple of timezonedefinition, kept an hour
    /// per organization by <see cref="TimeZoneDefinitions"/>), only when the agreement has a time zone and they are not kept yet. Routing to the sales queue needs the queue (Sales queue) set. Sales' decision days (how long an
    /// accepted lead may wait for SQL, Rejected or Nurture before it returns to marketing) must be 1 to 365 business days, or empty.
    /// </summary>
    [PluginStep("1ead5c0e-000d-4000-8000-000000000001", "Create", AgreementTable.EntityName, PluginStage.PreValidation)]
    [PluginStep("1ead5c0e-000d-4000-8000-000000000002", "Update", AgreementTable.EntityName, PluginStage.PreValidation,
        FilteringAttributes = $"{AgreementTable.MqlsPerWeek},{AgreementTable.PipelineSharePercent},{AgreementTable.SqlsPerMonth},{AgreementTable.TimeZoneCode},{AgreementTable.WorkingDays},{AgreementTable.WorkStart},{AgreementTable.WorkEnd},{AgreementTable.WarningPercent},{AgreementTable.SqlRequiredColumns},{AgreementTable.AlertThrottleMinutes},{AgreementTable.HotLaneAcceptMinutes},{AgreementTable.RoutingMode},{AgreementTable.SalesQueueId},{AgreementTable.DecisionDays}",
        PreImageAttributes = $"{AgreementTable.Name},{AgreementTable.TimeZoneCode},{AgreementTable.WorkingDays},{AgreementTable.WorkStart},{AgreementTable.WorkEnd},{AgreementTable.RoutingMode},{AgreementTable.SalesQueueId}")]
    public sealed class ValidateAgreementPlugin : PluginBase
    {
        public ValidateAgreementPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ValidateAgreementPlugin))
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

            var agreement = target.MergeWithPreImage(context.GetPreImage("PreImage"));
            try
            {
                var now = DateTime.SpecifyKind(context.OperationCreatedOn, DateTimeKind.Utc);
                // Holidays are rows of their own (la_agreementholiday): no date of theirs can keep the calendar from counting.
                Agreement.CalendarOf(agreement, Enumerable.Empty<DateTime>(), () => TimeZoneDefinitions.Get(() => localPluginContext.SystemUserService, context.OrganizationId, now));
            }
            catch (ArgumentException invalid)
            {
                throw new BusinessRuleException("The agreement's business hours are not valid: " + invalid.Message);
            }

            CheckCommitments(target, agreement.GetAttributeValue<string>(AgreementTable.Name) ?? "this agreement");
            if (agreement.GetAttributeValue<OptionSetValue>(AgreementTable.RoutingMode)?.Value == (int)RoutingMode.SalesQueue
                && agreement.GetAttributeValue<EntityReference>(AgreementTable.SalesQueueId) == null)
            {
                throw new BusinessRuleException(
                    $"Agreement '{agreement.GetAttributeValue<string>(AgreementTable.Name) ?? "this agreement"}': Routing mode is Sales queue, but no Sales queue is set, so MQLs would have nowhere to wait. "
                    + "Choose the reps' lead queue in Sales queue, or set Routing mode to Round robin.");
            }

            var sqlColumns = target.GetAttributeValue<string>(AgreementTable.SqlRequiredColumns);
            if (string.IsNullOrWhiteSpace(sqlColumns))
            {
                return;
            }

            var unknown = LeadColumns.Unknown(ScoringModel.ParseRequiredColumns(sqlColumns), LeadColumns.Read(localPluginContext.SystemUserService));
            if (unknown.Count > 0)
            {
                var name = agreement.GetAttributeValue<string>(AgreementTable.Name) ?? "this agreement";
                throw new BusinessRuleException(
                    $"Agreement '{name}': the table lead has {LeadColumns.NoColumns(unknown)} (SQL required columns), so no lead could ever become an SQL. "
                    + "Give each column's logical name as the Lead columns list shows it, separated by commas, with | between alternatives: budgetamount|budgetstatus,decisionmaker,need,purchasetimeframe.");
            }
        }

        private static void CheckCommitments(Entity target, string name)
        {
            var problems = new List<string>();
            var share = target.GetAttributeValue<int?>(AgreementTable.PipelineSharePercent);
            if (share < 0 || share > 100)
            {
                problems.Add($"Pipeline share (%) is {share}: give the percent of new pipeline marketing commits to, from 0 to 100");
            }

            CheckCount(target, AgreementTable.MqlsPerWeek, "MQLs per week", problems);
            CheckCount(target, AgreementTable.SqlsPerMonth, "SQLs per month", problems);
            if (problems.Count > 0)
            {
                throw new BusinessRuleException($"Agreement '{name}': marketing's commitments are not valid. " + string.Join("; ", problems) + ".");
            }

            CheckMinutes(target, AgreementTable.AlertThrottleMinutes, "Alert throttle (minutes)", "the least minutes between two notifications of one rep alert about one lead", 10080, "60", problems);
            CheckMinutes(target, AgreementTable.HotLaneAcceptMinutes, "Hot-lane accept time (minutes)", "the business minutes a rep has to accept a lead handed off through a high-intent rule", 1440, "no hot lane", problems);
            var decisionDays = target.GetAttributeValue<int?>(AgreementTable.DecisionDays);
            if (decisionDays < 1 || decisionDays > 365)
            {
                problems.Add($"Decision within (business days) is {decisionDays}. Give the business days sales has to decide on an accepted lead (SQL, Rejected or Nurture) before it returns to marketing, from 1 to 365, or leave it empty for no such commitment");
            }

            if (problems.Count > 0)
            {
                throw new BusinessRuleException($"Agreement '{name}': " + string.Join("; ", problems) + ".");
            }
        }

        private static void CheckMinutes(Entity target, string column, string label, string meaning, int most, string whenEmpty, List<string> problems)
        {
            var minutes = target.GetAttributeValue<int?>(column);
            if (minutes < 1 || minutes > most)
            {
                problems.Add($"{label} is {minutes}: give {meaning}, from 1 to {most}, or leave it empty for {whenEmpty}");
            }
        }

        private static void CheckCount(Entity target, string column, string label, List<string> problems)
        {
            var count = target.GetAttributeValue<int?>(column);
            if (count < 0)
            {
                problems.Add($"{label} is {count}: give a count of 0 or more, or leave it empty for no commitment");
            }
        }
    }
}
