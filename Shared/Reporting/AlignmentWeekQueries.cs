using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// The queries of a week's scorecard beside those it shares with the alignment report (<see cref="AlignmentReportQueries"/>):
    /// the week's MQLs' later moves to SAL or Rejected and their rejection reason, the SLA clocks due in the week, the
    /// rejection feedback due in the week, and the decision clock's returns to Nurture in the week. Each reads only the columns the scorecard needs.
    /// </summary>
    internal static class AlignmentWeekQueries
    {
        /// <summary>How many lead ids one In condition names.</summary>
        public const int LeadsPerQuery = 500;

        /// <summary>The moves to SAL and to Rejected of the given leads, whenever they happened, in chunks of <see cref="LeadsPerQuery"/> leads.</summary>
        public static IEnumerable<QueryExpression> Decisions(IReadOnlyList<Guid> leads)
        {
            foreach (var chunk in Chunks(leads))
            {
                var query = new QueryExpression(LeadStageChangeTable.EntityName) { ColumnSet = new ColumnSet(LeadStageChangeTable.LeadId, LeadStageChangeTable.FromStage, LeadStageChangeTable.ToStage, LeadStageChangeTable.ChangedOn) };
                query.Criteria.AddCondition(LeadStageChangeTable.ToStage, ConditionOperator.In, (int)LeadStage.Sal, (int)LeadStage.Rejected);
                query.Criteria.AddCondition(LeadStageChangeTable.LeadId, ConditionOperator.In, chunk);
                query.AddOrder(LeadStageChangeTable.Id, OrderType.Ascending);
                yield return query;
            }
        }

        /// <summary>The given leads that carry a rejection reason.</summary>
        public static IEnumerable<QueryExpression> RejectionReasons(IReadOnlyList<Guid> leads)
        {
            foreach (var chunk in Chunks(leads))
            {
                var query = new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet(LeadTable.Id, LeadTable.RejectionReason) };
                query.Criteria.AddCondition(LeadTable.Id, ConditionOperator.In, chunk);
                query.Criteria.AddCondition(LeadTable.RejectionReason, ConditionOperator.NotNull);
                query.AddOrder(LeadTable.Id, OrderType.Ascending);
                yield return query;
            }
        }

        /// <summary>The Accept by and First contact by clocks whose failure time is in the week.</summary>
        public static QueryExpression ClocksDue(DateTime start, DateTime end)
        {
            var query = new QueryExpression(SlaKpiInstanceTable.EntityName) { ColumnSet = new ColumnSet(SlaKpiInstanceTable.Name, SlaKpiInstanceTable.Status) };
            query.Criteria.AddCondition(SlaKpiInstanceTable.Name, ConditionOperator.In, SlaKpiInstanceTable.AcceptByName, SlaKpiInstanceTable.FirstContactByName);
            query.Criteria.AddCondition(SlaKpiInstanceTable.FailureTime, ConditionOperator.GreaterEqual, start);
            query.Criteria.AddCondition(SlaKpiInstanceTable.FailureTime, ConditionOperator.LessThan, end);
            query.AddOrder(SlaKpiInstanceTable.Id, OrderType.Ascending);
            return query;
        }

        /// <summary>The week's returns to Nurture made by the decision clock's breach: the history rows carrying <see cref="Sla.NoDecisionReturn.HistoryNote"/>.</summary>
        public static QueryExpression NoDecisionReturns(DateTime start, DateTime end)
        {
            var query = new QueryExpression(LeadStageChangeTable.EntityName) { ColumnSet = new ColumnSet(LeadStageChangeTable.LeadId) };
            query.Criteria.AddCondition(LeadStageChangeTable.ToStage, ConditionOperator.Equal, (int)LeadStage.Nurture);
            query.Criteria.AddCondition(LeadStageChangeTable.Note, ConditionOperator.Equal, Sla.NoDecisionReturn.HistoryNote);
            query.Criteria.AddCondition(LeadStageChangeTable.ChangedOn, ConditionOperator.GreaterEqual, start);
            query.Criteria.AddCondition(LeadStageChangeTable.ChangedOn, ConditionOperator.LessThan, end);
            query.AddOrder(LeadStageChangeTable.Id, OrderType.Ascending);
            return query;
        }

        /// <summary>The rejection feedback due in the week, with when it was answered.</summary>
        public static QueryExpression FeedbackDue(DateTime start, DateTime end)
        {
            var query = new QueryExpression(LeadFeedbackTable.EntityName) { ColumnSet = new ColumnSet(LeadFeedbackTable.DueOn, LeadFeedbackTable.RespondedOn) };
            query.Criteria.AddCondition(LeadFeedbackTable.DueOn, ConditionOperator.GreaterEqual, start);
            query.Criteria.AddCondition(LeadFeedbackTable.DueOn, ConditionOperator.LessThan, end);
            query.AddOrder(LeadFeedbackTable.Id, OrderType.Ascending);
            return query;
        }

        private static IEnumerable<object[]> Chunks(IReadOnlyList<Guid> leads)
        {
            for (var index = 0; index < leads.Count; index += LeadsPerQuery)
            {
                yield return leads.Skip(index).Take(LeadsPerQuery).Cast<object>().ToArray();
            }
        }
    }
}
