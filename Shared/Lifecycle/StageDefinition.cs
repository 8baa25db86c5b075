using System.Collections.Generic;
using LeadAlign.Schema;

namespace LeadAlign.Lifecycle
{
    /// <summary>
    /// One stage of the agreement, with every rule about it: its name, the stages it may move to, the column stamped when a
    /// lead enters it, whether a rep holds it as open work (counted against the cap, open to first contact), whether entering it
    /// ends the SLA clocks, what entering it requires, and what entering it does. <see cref="LeadStages.All"/> holds one per stage.
    /// </summary>
    internal sealed class StageDefinition
    {
        public StageDefinition(LeadStage stage, string name, IReadOnlyList<LeadStage> movesTo)
        {
            Stage = stage;
            Name = name;
            MovesTo = movesTo;
        }

        public LeadStage Stage { get; }

        /// <summary>As both teams say it: "MQL", "SAL", "SQL", or the stage's label.</summary>
        public string Name { get; }

        /// <summary>The stages a lead may move to from this one; any other move is refused.</summary>
        public IReadOnlyList<LeadStage> MovesTo { get; }

        /// <summary>The lead column set to the time the lead enters the stage; null when none.</summary>
        public string? StampColumn { get; set; }

        /// <summary>A rep holds a lead in this stage as open work: it counts against the agreement's cap per rep.</summary>
        public bool IsOpenWork { get; set; }

        /// <summary>Sales works the lead in this stage: its owner's first call or e-mail is its first contact.</summary>
        public bool IsWorkedBySales { get; set; }

        /// <summary>Entering the stage cancels the SLA clocks still running.</summary>
        public bool EndsClocks { get; set; }

        public StageRequirement Requirement { get; set; }

        public StageEntry OnEnter { get; set; }
    }
}
