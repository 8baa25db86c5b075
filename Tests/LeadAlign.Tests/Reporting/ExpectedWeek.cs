using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Reporting
{
    /// <summary>
    /// A week's scorecard counted in the test straight from the organization's rows (every stage change, opportunity, SLA clock
    /// and feedback row, filtered here), to compare with what la_CloseAlignmentWeek wrote.
    /// </summary>
    internal sealed class ExpectedWeek
    {
        public ExpectedWeek(InMemoryDataverse org, DateTime start, DateTime end)
        {
            bool InWeek(DateTime? instant) => instant >= start && instant < end;
            var moves = org.All(LeadStageChangeTable.EntityName).ToList();
            int? Stage(Entity move) => move.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value;
            Guid Lead(Entity move) => move.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId).Id;
            DateTime On(Entity move) => move.GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn);

            var weekMoves = moves.Where(move => InWeek(On(move))).ToList();
            Columns[AlignmentWeekTable.Mqls] = weekMoves.Count(move => Stage(move) == (int)LeadStage.Mql);
            Columns[AlignmentWeekTable.Sqls] = weekMoves.Count(move => Stage(move) == (int)LeadStage.Sql);
            var handedOff = weekMoves.Where(move => Stage(move) == (int)LeadStage.Mql).GroupBy(Lead).ToDictionary(group => group.Key, group => group.Min(On));
            Columns[AlignmentWeekTable.MqlsAccepted] = handedOff.Count(lead => moves.Any(move => Lead(move) == lead.Key && Stage(move) == (int)LeadStage.Sal && On(move) >= lead.Value));
            Columns[AlignmentWeekTable.MqlsRejectedWithReason] = handedOff.Count(lead =>
                org.Get(LeadTable.EntityName, lead.Key)!.GetAttributeValue<OptionSetValue>(LeadTable.RejectionReason) != null
                && moves.Any(move => Lead(move) == lead.Key && Stage(move) == (int)LeadStage.Rejected && On(move) >= lead.Value));

            var marketingLeads = moves.Where(move => Stage(move) == (int)LeadStage.Mql).Select(Lead).ToHashSet();
            var opportunities = org.All(OpportunityTable.EntityName).Where(opportunity => InWeek(opportunity.GetAttributeValue<DateTime>(OpportunityTable.CreatedOn))).ToList();
            Columns[AlignmentWeekTable.Opportunities] = opportunities.Count;
            Columns[AlignmentWeekTable.OpportunitiesFromMarketing] = opportunities.Count(opportunity => opportunity.GetAttributeValue<EntityReference>(OpportunityTable.OriginatingLeadId) is { } lead && marketingLeads.Contains(lead.Id));

            var clocks = org.All(SlaKpiInstanceTable.EntityName).Where(clock => InWeek(clock.GetAttributeValue<DateTime?>(SlaKpiInstanceTable.FailureTime))).ToList();
            int Clocks(string name, SlaKpiStatus status) => clocks.Count(clock => clock.GetAttributeValue<string>(SlaKpiInstanceTable.Name) == name && clock.GetAttributeValue<OptionSetValue>(SlaKpiInstanceTable.Status)?.Value == (int)status);
            Columns[AlignmentWeekTable.AcceptSucceeded] = Clocks(SlaKpiInstanceTable.AcceptByName, SlaKpiStatus.Succeeded);
            Columns[AlignmentWeekTable.AcceptBreached] = Clocks(SlaKpiInstanceTable.AcceptByName, SlaKpiStatus.Noncompliant);
            Columns[AlignmentWeekTable.FirstContactSucceeded] = Clocks(SlaKpiInstanceTable.FirstContactByName, SlaKpiStatus.Succeeded);
            Columns[AlignmentWeekTable.FirstContactBreached] = Clocks(SlaKpiInstanceTable.FirstContactByName, SlaKpiStatus.Noncompliant);

            var feedback = org.All(LeadFeedbackTable.EntityName).Where(row => InWeek(row.GetAttributeValue<DateTime?>(LeadFeedbackTable.DueOn))).ToList();
            Columns[AlignmentWeekTable.FeedbackDue] = feedback.Count;
            Columns[AlignmentWeekTable.FeedbackInTime] = feedback.Count(row => row.GetAttributeValue<DateTime?>(LeadFeedbackTable.RespondedOn) <= row.GetAttributeValue<DateTime>(LeadFeedbackTable.DueOn));
            Columns[AlignmentWeekTable.NoDecisionReturns] = NoDecisionReturns(org, weekMoves);
        }

        /// <summary>
        /// The week's returns to Nurture for want of a decision, found without the history note: moves from SAL to Nurture made by
        /// SYSTEM, of a lead whose Decision by clock breached (noncompliant) by then.
        /// </summary>
        private static int NoDecisionReturns(InMemoryDataverse org, IEnumerable<Entity> weekMoves)
        {
            var breached = org.All(SlaKpiInstanceTable.EntityName)
                .Where(clock => clock.GetAttributeValue<string>(SlaKpiInstanceTable.Name) == SlaKpiInstanceTable.DecisionByName && clock.GetAttributeValue<OptionSetValue>(SlaKpiInstanceTable.Status)?.Value == (int)SlaKpiStatus.Noncompliant)
                .ToList();
            return weekMoves.Count(move => move.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.FromStage)?.Value == (int)LeadStage.Sal
                && move.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value == (int)LeadStage.Nurture
                && move.GetAttributeValue<EntityReference>(LeadStageChangeTable.ChangedBy)?.Id == org.SystemUserId
                && breached.Any(clock => clock.GetAttributeValue<EntityReference>(SlaKpiInstanceTable.Regarding)?.Id == move.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId).Id
                    && clock.GetAttributeValue<DateTime>(SlaKpiInstanceTable.FailureTime) <= move.GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn)));
        }

        /// <summary>The week row's count columns, as the test counted them.</summary>
        public Dictionary<string, int> Columns { get; } = new();

        public int this[string column] => Columns[column];

        /// <summary>A percent of 0 to 100 with one decimal, or null when there is nothing to divide by.</summary>
        public static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
    }
}
