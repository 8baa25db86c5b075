using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Schema;
using LeadAlign.Scoring.Calibration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// The closed-loop alignment report of one period, computed from Dataverse rows (the contract of la_GetAlignmentReport).
    /// It is given the count of the period's leads (a FetchXML aggregate): when the platform refused the count (over the
    /// AggregateQueryRecordLimit) or the count is over it, the report says so and carries no figures. Otherwise it reads the
    /// cohort and the period's rows in pages (see <see cref="AlignmentReportQueries"/>): three metadata reads and nine
    /// queries of one or more pages of 5,000 each, whatever the number of leads
    /// (the ninth reads the agreement's closed weeks, <see cref="WeeksSection"/>), then the scoring calibration's five
    /// (<see cref="ScoringCalibration"/>, the same assembler as la_GetScoringCalibration).
    /// </summary>
    internal static class AlignmentReport
    {
        public const int Version = 1;

        public static readonly string TooManyLeadsNotice =
            "The period holds more than " + AlignmentReportReader.AggregateQueryRecordLimit.ToString("N0", CultureInfo.InvariantCulture)
            + " leads, more than one call can count: ask for a shorter period.";

        /// <param name="leadCount">The period's leads, or null when the platform refused to count them.</param>
        public static AlignmentReportResult Compute(AlignmentReportReader reader, ReportSettings settings, int? leadCount)
        {
            var count = leadCount;
            if (count == null || count > AlignmentReportReader.AggregateQueryRecordLimit)
            {
                return Incomplete(settings, TooManyLeadsNotice);
            }

            try
            {
                return new AlignmentReportResult(Whole(reader, settings), true, string.Empty);
            }
            catch (ReportTooLargeException tooLarge)
            {
                return Incomplete(settings, tooLarge.Message);
            }
        }

        private static string Whole(AlignmentReportReader reader, ReportSettings settings)
        {
            DateTime start = settings.Start, end = settings.End;
            var sources = reader.Options(LeadTable.EntityName, LeadTable.LeadSource);
            var bands = reader.Options(LeadTable.EntityName, LeadTable.ScoreBand);
            var reasons = reader.Options(LeadFeedbackTable.EntityName, LeadFeedbackTable.Reason);
            var journeys = LeadJourney.Build(
                reader.ReadAll(AlignmentReportQueries.Leads(start, end)),
                reader.ReadAll(AlignmentReportQueries.CohortHistory(start, end)),
                reader.ReadAll(AlignmentReportQueries.CohortOpportunities(start, end)));
            var cohort = journeys.Values.ToList();
            var periodMoves = reader.ReadAll(AlignmentReportQueries.PeriodHistory(start, end));
            var periodOpportunities = reader.ReadAll(AlignmentReportQueries.PeriodOpportunities(start, end));
            var handedOff = new HashSet<Guid>(reader.ReadAll(AlignmentReportQueries.PeriodOpportunityMqls(start, end))
                .Select(move => move.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId)?.Id ?? Guid.Empty));
            var clocks = reader.ReadAll(AlignmentReportQueries.CohortSlaClocks(start, end));
            var feedback = reader.ReadAll(AlignmentReportQueries.PeriodFeedback(start, end));
            var weeks = reader.ReadAll(AlignmentReportQueries.ClosedWeeks(settings.Agreement.Id, start, end));
            var calibration = ScoringCalibration.Assemble(reader, settings.Agreement, start, end);

            var json = Header(settings, true, string.Empty);
            FunnelSection.Write(json, cohort, sources);
            CommitmentSection.Write(json, settings, periodMoves, periodOpportunities, handedOff);
            SlaSection.Write(json, clocks);
            SlaSection.WriteRejections(json, feedback, reasons);
            FunnelSection.WriteScoreBands(json, cohort, bands);
            SpeedToLeadSection.Write(json, cohort);
            WeeksSection.Write(json, weeks, settings.Zone);
            json.Name("calibration").BeginObject();
            CalibrationJson.WriteProperties(json, calibration);
            json.EndObject();
            return json.EndObject().ToString();
        }

        private static AlignmentReportResult Incomplete(ReportSettings settings, string notice) =>
            new AlignmentReportResult(Header(settings, false, notice).EndObject().ToString(), false, notice);

        private static JsonWriter Header(ReportSettings settings, bool complete, string notice)
        {
            var agreement = settings.Agreement;
            var json = new JsonWriter().BeginObject()
                .Property("version", Version)
                .Name("generatedOn").Instant(settings.Now)
                .Property("complete", complete)
                .Property("notice", notice);
            json.Name("agreement").BeginObject()
                .Property("id", agreement.Id.ToString("D"))
                .Property("name", agreement.GetAttributeValue<string>(AgreementTable.Name))
                .Property("timeZone", settings.TimeZoneId)
                .Property("mqlsPerWeek", settings.MqlsPerWeek)
                .Property("pipelineSharePercent", settings.PipelineSharePercent)
                .Property("sqlsPerMonth", settings.SqlsPerMonth)
                .EndObject();
            json.Name("period").BeginObject().Name("start").Instant(settings.Start).Name("end").Instant(settings.End).EndObject();
            return json;
        }
    }
}
