using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// One week's scorecard: both teams' commitments beside the actuals, computed from the rows. Marketing: the week's moves to MQL
    /// against la_mqlsperweek; of the leads handed off that week, those sales accepted (a move to SAL after the MQL) and those it
    /// rejected with a reason (a move to Rejected after the MQL, the lead carrying a rejection reason); the share of the week's
    /// new opportunities whose lead reached MQL against la_pipelinesharepercent; feedback due in the week answered by its due
    /// date. Sales: SQLs; the Accept by and First contact by clocks due (failure time) in the week, compliance = succeeded of
    /// succeeded and noncompliant; the leads the decision clock returned to Nurture in the week (met when none, measured when the
    /// agreement has decision days). A commitment is Met or Missed, or Not measured when there is no commitment or nothing due.
    /// </summary>
    internal sealed class AlignmentWeekFigures
    {
        public int Mqls { get; private set; }

        public int? MqlCommitment { get; private set; }

        public int MqlsAccepted { get; private set; }

        public int MqlsRejectedWithReason { get; private set; }

        public int Opportunities { get; private set; }

        public int OpportunitiesFromMarketing { get; private set; }

        public int? PipelineShareCommitment { get; private set; }

        public int Sqls { get; private set; }

        public int AcceptSucceeded { get; private set; }

        public int AcceptBreached { get; private set; }

        public int FirstContactSucceeded { get; private set; }

        public int FirstContactBreached { get; private set; }

        public int FeedbackDue { get; private set; }

        public int FeedbackInTime { get; private set; }

        /// <summary>Leads the decision clock's breach returned to Nurture in the week.</summary>
        public int NoDecisionReturns { get; private set; }

        /// <summary>The agreement's decision business days: sales commits to decide on accepted leads when it has them.</summary>
        public int? DecisionDays { get; private set; }

        public decimal? PipelineShare => ReportMath.Percent(OpportunitiesFromMarketing, Opportunities);

        public CommitmentResult MqlResult => MqlCommitment == null ? CommitmentResult.NotMeasured : Result(Mqls >= MqlCommitment.Value);

        public CommitmentResult PipelineShareResult =>
            PipelineShareCommitment == null || PipelineShare == null ? CommitmentResult.NotMeasured : Result(PipelineShare.Value >= PipelineShareCommitment.Value);

        public CommitmentResult AcceptResult => AcceptSucceeded + AcceptBreached == 0 ? CommitmentResult.NotMeasured : Result(AcceptBreached == 0);

        public CommitmentResult FirstContactResult => FirstContactSucceeded + FirstContactBreached == 0 ? CommitmentResult.NotMeasured : Result(FirstContactBreached == 0);

        public CommitmentResult FeedbackResult => FeedbackDue == 0 ? CommitmentResult.NotMeasured : Result(FeedbackInTime == FeedbackDue);

        public CommitmentResult NoDecisionResult => DecisionDays == null ? CommitmentResult.NotMeasured : Result(NoDecisionReturns == 0);

        /// <summary>The commitments measured this week, in the order a summary names them.</summary>
        public IReadOnlyList<KeyValuePair<string, CommitmentResult>> Results => new[]
        {
            new KeyValuePair<string, CommitmentResult>("MQLs delivered", MqlResult),
            new KeyValuePair<string, CommitmentResult>("pipeline share", PipelineShareResult),
            new KeyValuePair<string, CommitmentResult>("feedback answered in time", FeedbackResult),
            new KeyValuePair<string, CommitmentResult>("accepted in time", AcceptResult),
            new KeyValuePair<string, CommitmentResult>("first contact in time", FirstContactResult),
            new KeyValuePair<string, CommitmentResult>("decided in time", NoDecisionResult),
        };

        /// <summary>Computes the week's figures through <paramref name="reader"/> (paged reads, one query per kind of row and per 500 MQL leads).</summary>
        public static AlignmentWeekFigures Compute(AlignmentReportReader reader, Entity agreement, AlignmentWeekSpan week)
        {
            var figures = new AlignmentWeekFigures
            {
                MqlCommitment = agreement.GetAttributeValue<int?>(AgreementTable.MqlsPerWeek),
                PipelineShareCommitment = agreement.GetAttributeValue<int?>(AgreementTable.PipelineSharePercent),
                DecisionDays = agreement.GetAttributeValue<int?>(AgreementTable.DecisionDays),
            };

            var moves = reader.ReadAll(AlignmentReportQueries.PeriodHistory(week.Start, week.End)).Where(StageMove.IsMove).ToList();
            var handedOff = moves.Where(move => Stage(move) == LeadStage.Mql)
                .GroupBy(Lead)
                .ToDictionary(group => group.Key, group => group.Min(On));
            figures.Mqls = moves.Count(move => Stage(move) == LeadStage.Mql);
            figures.Sqls = moves.Count(move => Stage(move) == LeadStage.Sql);

            var leads = handedOff.Keys.OrderBy(id => id).ToList();
            var decisions = AlignmentWeekQueries.Decisions(leads).SelectMany(reader.ReadAll).Where(StageMove.IsMove).ToList();
            var withReason = new HashSet<Guid>(AlignmentWeekQueries.RejectionReasons(leads).SelectMany(reader.ReadAll).Select(lead => lead.Id));
            figures.MqlsAccepted = handedOff.Count(lead => decisions.Any(move => Lead(move) == lead.Key && Stage(move) == LeadStage.Sal && On(move) >= lead.Value));
            figures.MqlsRejectedWithReason = handedOff.Count(lead => withReason.Contains(lead.Key)
                && decisions.Any(move => Lead(move) == lead.Key && Stage(move) == LeadStage.Rejected && On(move) >= lead.Value));

            var opportunities = reader.ReadAll(AlignmentReportQueries.PeriodOpportunities(week.Start, week.End));
            var marketingLeads = new HashSet<Guid>(reader.ReadAll(AlignmentReportQueries.PeriodOpportunityMqls(week.Start, week.End)).Select(Lead));
            figures.Opportunities = opportunities.Count;
            figures.OpportunitiesFromMarketing = opportunities.Count(opportunity => opportunity.GetAttributeValue<EntityReference>(OpportunityTable.OriginatingLeadId) is { } lead && marketingLeads.Contains(lead.Id));

            var clocks = reader.ReadAll(AlignmentWeekQueries.ClocksDue(week.Start, week.End));
            figures.AcceptSucceeded = Clocks(clocks, SlaKpiInstanceTable.AcceptByName, SlaKpiStatus.Succeeded);
            figures.AcceptBreached = Clocks(clocks, SlaKpiInstanceTable.AcceptByName, SlaKpiStatus.Noncompliant);
            figures.FirstContactSucceeded = Clocks(clocks, SlaKpiInstanceTable.FirstContactByName, SlaKpiStatus.Succeeded);
            figures.FirstContactBreached = Clocks(clocks, SlaKpiInstanceTable.FirstContactByName, SlaKpiStatus.Noncompliant);

            var feedback = reader.ReadAll(AlignmentWeekQueries.FeedbackDue(week.Start, week.End));
            figures.FeedbackDue = feedback.Count;
            figures.FeedbackInTime = feedback.Count(row => row.GetAttributeValue<DateTime?>(LeadFeedbackTable.RespondedOn) is { } responded
                && responded <= row.GetAttributeValue<DateTime>(LeadFeedbackTable.DueOn));
            figures.NoDecisionReturns = reader.ReadAll(AlignmentWeekQueries.NoDecisionReturns(week.Start, week.End)).Count;
            return figures;
        }

        /// <summary>The figures as the week row's columns (everything but the name, the agreement, the week and when it was closed).</summary>
        public Dictionary<string, object?> Columns() => new Dictionary<string, object?>
        {
            [AlignmentWeekTable.Mqls] = Mqls,
            [AlignmentWeekTable.MqlCommitment] = MqlCommitment,
            [AlignmentWeekTable.MqlResult] = new OptionSetValue((int)MqlResult),
            [AlignmentWeekTable.MqlsAccepted] = MqlsAccepted,
            [AlignmentWeekTable.AcceptedPercent] = ReportMath.Percent(MqlsAccepted, Mqls),
            [AlignmentWeekTable.MqlsRejectedWithReason] = MqlsRejectedWithReason,
            [AlignmentWeekTable.RejectedWithReasonPercent] = ReportMath.Percent(MqlsRejectedWithReason, Mqls),
            [AlignmentWeekTable.Opportunities] = Opportunities,
            [AlignmentWeekTable.OpportunitiesFromMarketing] = OpportunitiesFromMarketing,
            [AlignmentWeekTable.PipelineShare] = PipelineShare,
            [AlignmentWeekTable.PipelineShareCommitment] = PipelineShareCommitment,
            [AlignmentWeekTable.PipelineShareResult] = new OptionSetValue((int)PipelineShareResult),
            [AlignmentWeekTable.Sqls] = Sqls,
            [AlignmentWeekTable.AcceptSucceeded] = AcceptSucceeded,
            [AlignmentWeekTable.AcceptBreached] = AcceptBreached,
            [AlignmentWeekTable.AcceptCompliance] = ReportMath.Percent(AcceptSucceeded, AcceptSucceeded + AcceptBreached),
            [AlignmentWeekTable.AcceptResult] = new OptionSetValue((int)AcceptResult),
            [AlignmentWeekTable.FirstContactSucceeded] = FirstContactSucceeded,
            [AlignmentWeekTable.FirstContactBreached] = FirstContactBreached,
            [AlignmentWeekTable.FirstContactCompliance] = ReportMath.Percent(FirstContactSucceeded, FirstContactSucceeded + FirstContactBreached),
            [AlignmentWeekTable.FirstContactResult] = new OptionSetValue((int)FirstContactResult),
            [AlignmentWeekTable.FeedbackDue] = FeedbackDue,
            [AlignmentWeekTable.FeedbackInTime] = FeedbackInTime,
            [AlignmentWeekTable.FeedbackInTimePercent] = ReportMath.Percent(FeedbackInTime, FeedbackDue),
            [AlignmentWeekTable.FeedbackResult] = new OptionSetValue((int)FeedbackResult),
            [AlignmentWeekTable.NoDecisionReturns] = NoDecisionReturns,
            [AlignmentWeekTable.NoDecisionResult] = new OptionSetValue((int)NoDecisionResult),
        };

        /// <summary>Whether a stored week row holds other figures than these.</summary>
        public bool DifferFrom(Entity row) => Columns().Any(column => !Equals(Normalize(column.Value), Normalize(row.Contains(column.Key) ? row[column.Key] : null)));

        private static object? Normalize(object? value) => value switch
        {
            OptionSetValue option => option.Value,
            decimal number => decimal.Round(number, 1),
            _ => value,
        };

        private static CommitmentResult Result(bool met) => met ? CommitmentResult.Met : CommitmentResult.Missed;

        private static LeadStage? Stage(Entity move) => (LeadStage?)move.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value;

        private static Guid Lead(Entity move) => move.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId)?.Id ?? Guid.Empty;

        private static DateTime On(Entity move) => move.GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn);

        private static int Clocks(IEnumerable<Entity> clocks, string name, SlaKpiStatus status) =>
            clocks.Count(clock => clock.GetAttributeValue<string>(SlaKpiInstanceTable.Name) == name && clock.GetAttributeValue<OptionSetValue>(SlaKpiInstanceTable.Status)?.Value == (int)status);
    }
}
