using System;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Scoring.Calibration
{
    /// <summary>
    /// The queries of the scoring calibration, each bounded by the period (or by the agreement's sales team) and read in pages of
    /// 5,000 by <see cref="Reporting.AlignmentReportReader.ReadAll"/>: the active model, the period's MQLs, their moves to MQL in the
    /// period (the score at MQL), the scores of the leads created in the period and in the one before it, and the reps.
    /// </summary>
    internal static class CalibrationQueries
    {
        /// <summary>The active scoring model: its name and thresholds (one row).</summary>
        public static QueryExpression ActiveModel()
        {
            var query = new QueryExpression(ScoringModelTable.EntityName)
            {
                ColumnSet = new ColumnSet(ScoringModelTable.Name, ScoringModelTable.MqlThreshold, ScoringModelTable.WarmThreshold, ScoringModelTable.HotThreshold),
                TopCount = 1,
            };
            query.Criteria.AddCondition(ScoringModelTable.IsActive, ConditionOperator.Equal, true);
            query.AddOrder(ScoringModelTable.Id, OrderType.Ascending);
            return query;
        }

        /// <summary>The leads that became MQL in the period (la_mqlon in [start, end)), with what their outcomes are read from.</summary>
        public static QueryExpression MqlLeads(DateTime start, DateTime end)
        {
            var query = new QueryExpression(LeadTable.EntityName)
            {
                ColumnSet = new ColumnSet(LeadTable.Id, LeadTable.Score, LeadTable.Stage, LeadTable.SqlOn, LeadTable.Outcome, LeadTable.StateCode),
            };
            Within(query.Criteria, LeadTable.MqlOn, start, end);
            query.AddOrder(LeadTable.Id, OrderType.Ascending);
            return query;
        }

        /// <summary>The moves to MQL made in the period by the period's MQLs, with the score each move recorded.</summary>
        public static QueryExpression MqlMoves(DateTime start, DateTime end)
        {
            var query = new QueryExpression(LeadStageChangeTable.EntityName)
            {
                ColumnSet = new ColumnSet(LeadStageChangeTable.LeadId, LeadStageChangeTable.Score, LeadStageChangeTable.ChangedOn),
            };
            query.Criteria.AddCondition(LeadStageChangeTable.ToStage, ConditionOperator.Equal, (int)LeadStage.Mql);
            Within(query.Criteria, LeadStageChangeTable.ChangedOn, start, end);
            var lead = query.AddLink(LeadTable.EntityName, LeadStageChangeTable.LeadId, LeadTable.Id, JoinOperator.Inner);
            lead.Columns = new ColumnSet(false);
            Within(lead.LinkCriteria, LeadTable.MqlOn, start, end);
            query.AddOrder(LeadStageChangeTable.Id, OrderType.Ascending);
            return query;
        }

        /// <summary>The scored leads created from <paramref name="start"/> up to <paramref name="end"/>: their current score and creation.</summary>
        public static QueryExpression CreatedScores(DateTime start, DateTime end)
        {
            var query = new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet(LeadTable.Score, LeadTable.CreatedOn) };
            Within(query.Criteria, LeadTable.CreatedOn, start, end);
            query.Criteria.AddCondition(LeadTable.Score, ConditionOperator.NotNull);
            query.AddOrder(LeadTable.Id, OrderType.Ascending);
            return query;
        }

        /// <summary>The enabled users on the sales team.</summary>
        public static QueryExpression SalesTeamReps(Guid teamId)
        {
            var query = new QueryExpression(SystemUserTable.EntityName) { ColumnSet = new ColumnSet(SystemUserTable.Id) };
            query.Criteria.AddCondition(SystemUserTable.IsDisabled, ConditionOperator.Equal, false);
            var membership = query.AddLink(TeamMembershipTable.EntityName, SystemUserTable.Id, TeamMembershipTable.SystemUserId, JoinOperator.Inner);
            membership.Columns = new ColumnSet(false);
            membership.LinkCriteria.AddCondition(TeamMembershipTable.TeamId, ConditionOperator.Equal, teamId);
            query.AddOrder(SystemUserTable.Id, OrderType.Ascending);
            return query;
        }

        /// <summary>The distinct owners of the leads handed off in the period.</summary>
        public static QueryExpression HandoffOwners(DateTime start, DateTime end)
        {
            var query = new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet(LeadTable.OwnerId), Distinct = true };
            Within(query.Criteria, LeadTable.HandoffOn, start, end);
            query.AddOrder(LeadTable.OwnerId, OrderType.Ascending);
            return query;
        }

        private static void Within(FilterExpression filter, string column, DateTime start, DateTime end)
        {
            filter.AddCondition(column, ConditionOperator.GreaterEqual, start);
            filter.AddCondition(column, ConditionOperator.LessThan, end);
        }
    }
}
