using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;

namespace LeadAlign.Lifecycle
{
    /// <summary>
    /// The stages both teams agreed on, one row each with all its rules (<see cref="StageDefinition"/>). Adding a stage is
    /// adding its option to the la_stage choice (then <c>leadalign schema</c>) and its row here; a requirement or an entry
    /// effect of a new kind is one more <see cref="StageRequirement"/> or <see cref="StageEntry"/> value and its handler.
    /// </summary>
    internal static class LeadStages
    {
        public static readonly IReadOnlyList<StageDefinition> All = new[]
        {
            new StageDefinition(LeadStage.Inquiry, "Inquiry", new[] { LeadStage.Mql, LeadStage.Rejected }),
            new StageDefinition(LeadStage.Mql, "MQL", new[] { LeadStage.Sal, LeadStage.Rejected, LeadStage.Nurture })
            {
                StampColumn = LeadTable.MqlOn, IsOpenWork = true, IsWorkedBySales = true, OnEnter = StageEntry.HandOff,
            },
            new StageDefinition(LeadStage.Sal, "SAL", new[] { LeadStage.Sql, LeadStage.Rejected, LeadStage.Nurture })
            {
                StampColumn = LeadTable.AcceptedOn, IsOpenWork = true, IsWorkedBySales = true, Requirement = StageRequirement.OwnerOrAdministrator, OnEnter = StageEntry.CountMinutesToAccept,
            },
            new StageDefinition(LeadStage.Sql, "SQL", new[] { LeadStage.Converted, LeadStage.Rejected, LeadStage.Nurture })
            {
                StampColumn = LeadTable.SqlOn, IsWorkedBySales = true, Requirement = StageRequirement.AgreementSqlColumns,
            },
            new StageDefinition(LeadStage.Rejected, "Rejected", new[] { LeadStage.Nurture })
            {
                StampColumn = LeadTable.RejectedOn, EndsClocks = true, Requirement = StageRequirement.RejectionReason,
            },
            new StageDefinition(LeadStage.Nurture, "Nurture", new[] { LeadStage.Mql, LeadStage.Rejected })
            {
                StampColumn = LeadTable.NurturedOn, EndsClocks = true, OnEnter = StageEntry.RecycleToMarketing,
            },
            new StageDefinition(LeadStage.Converted, "Converted", new LeadStage[0]) { EndsClocks = true, Requirement = StageRequirement.Qualification },
        };

        private static readonly Dictionary<LeadStage, StageDefinition> ByStage = All.ToDictionary(definition => definition.Stage);

        /// <summary>The stages a rep holds as open work: counted against the agreement's cap.</summary>
        public static readonly LeadStage[] Open = All.Where(definition => definition.IsOpenWork).Select(definition => definition.Stage).ToArray();

        public static StageDefinition Of(LeadStage stage) => ByStage[stage];

        public static IReadOnlyList<LeadStage> AllowedFrom(LeadStage from) => Of(from).MovesTo;

        public static bool IsAllowed(LeadStage from, LeadStage to) => Of(from).MovesTo.Contains(to);

        public static string Name(LeadStage stage) => ByStage.TryGetValue(stage, out var definition) ? definition.Name : stage.ToString();

        public static string RefusalFor(LeadStage from, LeadStage to)
        {
            var allowed = AllowedFrom(from);
            return allowed.Count == 0
                ? $"This lead is {Name(from)}, which is final: it cannot move to {Name(to)}."
                : $"This lead is {Name(from)}: it cannot move to {Name(to)}. From {Name(from)} it can move to {string.Join(", ", allowed.Select(Name))}.";
        }
    }
}
