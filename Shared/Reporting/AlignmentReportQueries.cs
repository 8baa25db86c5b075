using System;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// The queries of the alignment report, each for only the columns the report needs. The cohort (leads created in the period)
    /// is joined in by an inner link to lead with the creation filter, so history, opportunities and SLA clocks of other leads are
    /// never read; campaign names and rep names come by outer links in the same query, never one call per row.
    /// </summary>
    internal static class AlignmentReportQueries
    {
        public const string CampaignAlias = "campaign";
        public const string OwnerAlias = "owner";
        public const string RoutedToAlias = "routedto";
        public const string CohortAlias = "cohort";
        public const string LeadCountAlias = "leads";

        /// <summary>The count of the period's leads, as a FetchXML aggregate (one row, column "leads").</summary>
        public static string LeadCount(DateTime start, DateTime end) =>
            "<fetch aggregate=\"true\"><entity name=\"" + LeadTable.EntityName + "\"><attribute name=\"" + LeadTable.Id + "\" alias=\"" + LeadCountAlias + "\" aggregate=\"count\" />"
            + "<filter><condition attribute=\"" + LeadTable.CreatedOn + "\" operator=\"ge\" value=\"" + Fetch(start) + "\" />"
            + "<condition attribute=\"" + LeadTable.CreatedOn + "\" operator=\"lt\" value=\"" + Fetch(end) + "\" /></filter></entity></fetch>";

        /// <summary>
        /// The cohort: creation, campaign (with its name), source and score band; and its handoff (when, the rep it was routed to
        /// and its owner, with their names, minutes to accept and to first contact) for speed to lead.
        /// </summary>
        public static QueryExpression Leads(DateTime start, DateTime end)
        {
            var query = new QueryExpression(LeadTable.EntityName)
            {
                ColumnSet = new ColumnSet(LeadTable.Id, LeadTable.CreatedOn, LeadTable.CampaignId, LeadTable.LeadSource, LeadTable.ScoreBand, LeadTable.HandoffOn, LeadTable.RoutedToId, LeadTable.MinutesToAccept, LeadTable.MinutesToFirstContact, LeadTable.HotLane, LeadTable.MinutesInQueue),
            };
            Within(query.Criteria, LeadTable.CreatedOn, start, end);
            query.LinkEntities.Add(CampaignName(LeadTable.EntityName, LeadTable.CampaignId));
            query.LinkEntities.Add(UserName(LeadTable.EntityName, LeadTable.RoutedToId, RoutedToAlias));
            query.LinkEntities.Add(UserName(LeadTable.EntityName, LeadTable.OwnerId, OwnerAlias));
            query.AddOrder(LeadTable.Id, OrderType.Ascending);
            return query;
        }

        /// <summary>The cohort's moves to MQL, SAL and SQL, whenever they happened.</summary>
        public static QueryExpression CohortHistory(DateTime start, DateTime end)
        {
            var query = History((int)LeadStage.Mql, (int)LeadStage.Sal, (int)LeadStage.Sql);
            query.LinkEntities.Add(Cohort(LeadStageChangeTable.EntityName, LeadStageChangeTable.LeadId, start, end));
            return query;
        }

        /// <summary>Every lead's moves to MQL and SQL made in the period (the handoffs counted against marketing's commitments).</summary>
        public static QueryExpression PeriodHistory(DateTime start, DateTime end)
        {
            var query = History((int)LeadStage.Mql, (int)LeadStage.Sql);
            Within(query.Criteria, LeadStageChangeTable.ChangedOn, start, end);
            return query;
        }

        /// <summary>The opportunities of the cohort's leads.</summary>
        public static QueryExpression CohortOpportunities(DateTime start, DateTime end)
        {
            var query = Opportunities();
            query.LinkEntities.Add(Cohort(OpportunityTable.EntityName, OpportunityTable.OriginatingLeadId, start, end));
            return query;
        }

        /// <summary>The opportunities created in the period, whatever lead they came from.</summary>
        public static QueryExpression PeriodOpportunities(DateTime start, DateTime end)
        {
            var query = Opportunities();
            Within(query.Criteria, OpportunityTable.CreatedOn, start, end);
            return query;
        }

        /// <summary>The moves to MQL of the leads the period's opportunities originated from: those leads marketing handed off.</summary>
        public static QueryExpression PeriodOpportunityMqls(DateTime start, DateTime end)
        {
            var query = History((int)LeadStage.Mql);
            var opportunity = query.AddLink(OpportunityTable.EntityName, LeadStageChangeTable.LeadId, OpportunityTable.OriginatingLeadId, JoinOperator.Inner);
            opportunity.Columns = new ColumnSet(false);
            Within(opportunity.LinkCriteria, OpportunityTable.CreatedOn, start, end);
            return query;
        }

        /// <summary>The SLA clocks regarding the cohort's leads, with their owner's name.</summary>
        public static QueryExpression CohortSlaClocks(DateTime start, DateTime end)
        {
            var query = new QueryExpression(SlaKpiInstanceTable.EntityName) { ColumnSet = new ColumnSet(SlaKpiInstanceTable.Name, SlaKpiInstanceTable.Status, SlaKpiInstanceTable.OwnerId) };
            query.LinkEntities.Add(Cohort(SlaKpiInstanceTable.EntityName, SlaKpiInstanceTable.Regarding, start, end));
            var owner = query.AddLink(SystemUserTable.EntityName, SlaKpiInstanceTable.OwnerId, SystemUserTable.Id, JoinOperator.LeftOuter);
            owner.EntityAlias = OwnerAlias;
            owner.Columns = new ColumnSet(SystemUserTable.FullName);
            query.AddOrder(SlaKpiInstanceTable.Id, OrderType.Ascending);
            return query;
        }

        /// <summary>The rejection feedback created in the period, with its campaign's name.</summary>
        public static QueryExpression PeriodFeedback(DateTime start, DateTime end)
        {
            var query = new QueryExpression(LeadFeedbackTable.EntityName) { ColumnSet = new ColumnSet(LeadFeedbackTable.Reason, LeadFeedbackTable.CampaignId) };
            Within(query.Criteria, LeadFeedbackTable.CreatedOn, start, end);
            query.LinkEntities.Add(CampaignName(LeadFeedbackTable.EntityName, LeadFeedbackTable.CampaignId));
            query.AddOrder(LeadFeedbackTable.Id, OrderType.Ascending);
            return query;
        }

        /// <summary>
        /// The agreement's closed weeks (la_alignmentweek rows) that overlap the period, in week order, with every figure: as the
        /// weekly MQLs do, so a period from a Monday 00:00 UTC still shows the week that began an hour earlier in Central Europe.
        /// </summary>
        public static QueryExpression ClosedWeeks(Guid agreementId, DateTime start, DateTime end)
        {
            var query = new QueryExpression(AlignmentWeekTable.EntityName) { ColumnSet = new ColumnSet(WeeksSection.Columns) };
            query.Criteria.AddCondition(AlignmentWeekTable.AgreementId, ConditionOperator.Equal, agreementId);
            query.Criteria.AddCondition(AlignmentWeekTable.ClosedOn, ConditionOperator.NotNull);
            query.Criteria.AddCondition(AlignmentWeekTable.WeekStart, ConditionOperator.LessThan, end);
            query.Criteria.AddCondition(AlignmentWeekTable.WeekEnd, ConditionOperator.GreaterThan, start);
            query.AddOrder(AlignmentWeekTable.WeekStart, OrderType.Ascending);
            query.AddOrder(AlignmentWeekTable.Id, OrderType.Ascending);
            return query;
        }

        private static QueryExpression History(params int[] stages)
        {
            var query = new QueryExpression(LeadStageChangeTable.EntityName) { ColumnSet = new ColumnSet(LeadStageChangeTable.LeadId, LeadStageChangeTable.FromStage, LeadStageChangeTable.ToStage, LeadStageChangeTable.ChangedOn) };
            query.Criteria.AddCondition(LeadStageChangeTable.ToStage, ConditionOperator.In, Array.ConvertAll(stages, stage => (object)stage));
            query.AddOrder(LeadStageChangeTable.Id, OrderType.Ascending);
            return query;
        }

        private static QueryExpression Opportunities()
        {
            var query = new QueryExpression(OpportunityTable.EntityName)
            {
                ColumnSet = new ColumnSet(OpportunityTable.OriginatingLeadId, OpportunityTable.StateCode, OpportunityTable.ActualValue, OpportunityTable.ActualCloseDate, OpportunityTable.CreatedOn, OpportunityTable.EstimatedValue),
            };
            query.AddOrder(OpportunityTable.Id, OrderType.Ascending);
            return query;
        }

        private static LinkEntity Cohort(string table, string leadColumn, DateTime start, DateTime end)
        {
            var link = new LinkEntity(table, LeadTable.EntityName, leadColumn, LeadTable.Id, JoinOperator.Inner) { EntityAlias = CohortAlias, Columns = new ColumnSet(false) };
            Within(link.LinkCriteria, LeadTable.CreatedOn, start, end);
            return link;
        }

        private static LinkEntity CampaignName(string table, string campaignColumn) =>
            new LinkEntity(table, CampaignTable.EntityName, campaignColumn, CampaignTable.Id, JoinOperator.LeftOuter) { EntityAlias = CampaignAlias, Columns = new ColumnSet(CampaignTable.Name) };

        private static LinkEntity UserName(string table, string userColumn, string alias) =>
            new LinkEntity(table, SystemUserTable.EntityName, userColumn, SystemUserTable.Id, JoinOperator.LeftOuter) { EntityAlias = alias, Columns = new ColumnSet(SystemUserTable.FullName) };

        private static void Within(FilterExpression filter, string column, DateTime start, DateTime end)
        {
            filter.AddCondition(column, ConditionOperator.GreaterEqual, start);
            filter.AddCondition(column, ConditionOperator.LessThan, end);
        }

        private static string Fetch(DateTime instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }
}
