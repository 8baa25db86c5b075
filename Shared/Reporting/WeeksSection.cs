using System;
using System.Collections.Generic;
using System.Globalization;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// Both teams' commitments side by side: the report's "weeks", one entry per closed la_alignmentweek row of the agreement whose
    /// week starts in the period, as the week's close wrote it (never recomputed). Each week carries, per commitment, the team
    /// ("Marketing" or "Sales"), the commitment's name, the actual (a count or a percent with one decimal, null when there was
    /// nothing to measure), the unit ("count" or "percent"), the target (null without one) and the result ("Met", "Missed" or
    /// "Not measured"). Marketing: MQLs delivered, handoff quality (accepted %), pipeline share, feedback answered in time; sales:
    /// accept compliance, first-contact compliance, no-decision returns.
    /// </summary>
    internal static class WeeksSection
    {
        public const string Marketing = "Marketing";

        public const string Sales = "Sales";

        /// <summary>The week row's columns the section reads.</summary>
        public static readonly string[] Columns =
        {
            AlignmentWeekTable.WeekStart, AlignmentWeekTable.WeekEnd, AlignmentWeekTable.ClosedOn,
            AlignmentWeekTable.Mqls, AlignmentWeekTable.MqlCommitment, AlignmentWeekTable.MqlResult,
            AlignmentWeekTable.MqlsAccepted, AlignmentWeekTable.AcceptedPercent,
            AlignmentWeekTable.PipelineShare, AlignmentWeekTable.PipelineShareCommitment, AlignmentWeekTable.PipelineShareResult,
            AlignmentWeekTable.FeedbackDue, AlignmentWeekTable.FeedbackInTimePercent, AlignmentWeekTable.FeedbackResult,
            AlignmentWeekTable.AcceptCompliance, AlignmentWeekTable.AcceptResult,
            AlignmentWeekTable.FirstContactCompliance, AlignmentWeekTable.FirstContactResult,
            AlignmentWeekTable.NoDecisionReturns, AlignmentWeekTable.NoDecisionResult,
        };

        public static void Write(JsonWriter json, IEnumerable<Entity> weeks, TimeZoneInfo zone)
        {
            json.Name("weeks").BeginArray();
            foreach (var week in weeks)
            {
                var start = week.GetAttributeValue<DateTime>(AlignmentWeekTable.WeekStart);
                json.BeginObject()
                    .Property("id", week.Id.ToString("D"))
                    .Property("weekStart", TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(start, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    .Name("start").Instant(start)
                    .Name("closedOn").Instant(week.GetAttributeValue<DateTime>(AlignmentWeekTable.ClosedOn));
                json.Name("commitments").BeginArray();
                Commitment(json, Marketing, "MQLs delivered", week.GetAttributeValue<int?>(AlignmentWeekTable.Mqls), "count", week.GetAttributeValue<int?>(AlignmentWeekTable.MqlCommitment), Result(week, AlignmentWeekTable.MqlResult));
                Commitment(json, Marketing, "Handoff quality (accepted %)", week.GetAttributeValue<decimal?>(AlignmentWeekTable.AcceptedPercent), "percent", null, null);
                Commitment(json, Marketing, "Pipeline share", week.GetAttributeValue<decimal?>(AlignmentWeekTable.PipelineShare), "percent", week.GetAttributeValue<int?>(AlignmentWeekTable.PipelineShareCommitment), Result(week, AlignmentWeekTable.PipelineShareResult));
                Commitment(json, Marketing, "Feedback answered in time", week.GetAttributeValue<decimal?>(AlignmentWeekTable.FeedbackInTimePercent), "percent", 100, Result(week, AlignmentWeekTable.FeedbackResult));
                Commitment(json, Sales, "Accept compliance", week.GetAttributeValue<decimal?>(AlignmentWeekTable.AcceptCompliance), "percent", 100, Result(week, AlignmentWeekTable.AcceptResult));
                Commitment(json, Sales, "First-contact compliance", week.GetAttributeValue<decimal?>(AlignmentWeekTable.FirstContactCompliance), "percent", 100, Result(week, AlignmentWeekTable.FirstContactResult));
                Commitment(json, Sales, "No-decision returns", week.GetAttributeValue<int?>(AlignmentWeekTable.NoDecisionReturns), "count", 0, Result(week, AlignmentWeekTable.NoDecisionResult));
                json.EndArray().EndObject();
            }

            json.EndArray();
        }

        /// <summary>How the report names a result: "Met", "Missed", or "Not measured" (also for a row closed before the result existed).</summary>
        public static string Name(CommitmentResult? result) => result switch
        {
            CommitmentResult.Met => "Met",
            CommitmentResult.Missed => "Missed",
            _ => "Not measured",
        };

        private static void Commitment(JsonWriter json, string team, string commitment, decimal? actual, string unit, int? target, CommitmentResult? result)
        {
            json.BeginObject()
                .Property("team", team)
                .Property("commitment", commitment)
                .Name("actual");
            if (unit == "percent")
            {
                json.OneDecimal(actual);
            }
            else
            {
                json.Value(actual);
            }

            json.Property("unit", unit)
                .Property("target", target)
                .Property("result", Name(result))
                .EndObject();
        }

        private static CommitmentResult? Result(Entity week, string column) => (CommitmentResult?)week.GetAttributeValue<OptionSetValue>(column)?.Value;
    }
}
