using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Lifecycle;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>What the report's sections read, taken from the in-memory Dataverse once: the rows, and how they are labelled.</summary>
    internal sealed class ReportData
    {
        private static readonly Dictionary<int, string> ReasonLabels = new()
        {
            [(int)RejectionReason.NotAFit] = "Not a fit", [(int)RejectionReason.NoBudget] = "No budget", [(int)RejectionReason.BadContactData] = "Bad contact data", [(int)RejectionReason.Duplicate] = "Duplicate",
            [(int)RejectionReason.Competitor] = "Competitor", [(int)RejectionReason.StudentOrJobSeeker] = "Student or job seeker", [(int)RejectionReason.NotReadyYet] = "Not ready yet", [(int)RejectionReason.Other] = "Other",
        };

        /// <summary>The platform's lead source choice (leadsourcecode).</summary>
        private static readonly Dictionary<int, string> SourceLabels = new()
        {
            [1] = "Advertisement", [2] = "Employee Referral", [3] = "External Referral", [4] = "Partner", [5] = "Public Relations",
            [6] = "Seminar", [7] = "Trade Show", [8] = "Web", [9] = "Word of Mouth", [10] = "Other",
        };

        public ReportData(InMemoryDataverse org, IReadOnlyList<Simulator.Rep> reps)
        {
            Leads = org.All(LeadTable.EntityName);
            History = org.All(LeadStageChangeTable.EntityName);
            Feedback = org.All(LeadFeedbackTable.EntityName);
            Clocks = org.All(SlaKpiInstanceTable.EntityName);
            CampaignNames = org.All("campaign").ToDictionary(row => row.Id, row => row.GetAttributeValue<string>("name"));
            Agreement = org.All(AgreementTable.EntityName).Single(row => row.GetAttributeValue<bool>(AgreementTable.IsActive));
            ScoringModel = org.All(ScoringModelTable.EntityName).Single(row => row.GetAttributeValue<bool>(ScoringModelTable.IsActive));
            Reps = reps;
            Start = Leads.Select(row => row.GetAttributeValue<DateTime>("createdon")).DefaultIfEmpty(org.UtcNow).Min().Date;
        }

        public IReadOnlyList<Entity> Leads { get; }

        public IReadOnlyList<Entity> History { get; }

        public IReadOnlyList<Entity> Feedback { get; }

        public IReadOnlyList<Entity> Clocks { get; }

        public IReadOnlyDictionary<Guid, string> CampaignNames { get; }

        public Entity Agreement { get; }

        public Entity ScoringModel { get; }

        public IReadOnlyList<Simulator.Rep> Reps { get; }

        /// <summary>The day the first lead arrived: week 1 starts then.</summary>
        public DateTime Start { get; }

        /// <summary>How many distinct leads reached each stage, from the stage history.</summary>
        public int Reached(LeadStage stage) =>
            History.Where(row => row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value == (int)stage)
                .Select(row => row.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId).Id).Distinct().Count();

        public static string Reason(Entity feedback) => ReasonLabels.GetValueOrDefault(feedback.GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Reason)?.Value ?? 0, "?");

        public static string Source(Entity feedback) =>
            SourceLabels.GetValueOrDefault(int.TryParse(feedback.GetAttributeValue<string>(LeadFeedbackTable.LeadSource), out var source) ? source : 0, "(none)");

        public static string StageName(int stage) => LeadStages.Name((LeadStage)stage);

        public static int? Percentile(IEnumerable<int?> values, double share)
        {
            var sorted = values.Where(value => value != null).Select(value => value!.Value).OrderBy(value => value).ToList();
            return sorted.Count == 0 ? null : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(share * (sorted.Count - 1) + 0.5))];
        }

        public static string Minutes(int? minutes) => minutes?.ToString(CultureInfo.InvariantCulture) ?? "-";
    }
}
