using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;

namespace LeadAlign.Lifecycle
{
    /// <summary>The stages both teams agreed on, and the moves allowed between them. Any other move is refused.</summary>
    internal static class LeadStages
    {
        private static readonly Dictionary<LeadStage, LeadStage[]> Allowed = new Dictionary<LeadStage, LeadStage[]>
        {
            [LeadStage.Inquiry] = new[] { LeadStage.Mql, LeadStage.Rejected },
            [LeadStage.Mql] = new[] { LeadStage.Sal, LeadStage.Rejected, LeadStage.Nurture },
            [LeadStage.Sal] = new[] { LeadStage.Sql, LeadStage.Rejected, LeadStage.Nurture },
            [LeadStage.Sql] = new[] { LeadStage.Converted, LeadStage.Rejected, LeadStage.Nurture },
            [LeadStage.Rejected] = new[] { LeadStage.Nurture },
            [LeadStage.Nurture] = new[] { LeadStage.Mql, LeadStage.Rejected },
            [LeadStage.Converted] = new LeadStage[0],
        };

        public static IReadOnlyList<LeadStage> AllowedFrom(LeadStage from) => Allowed[from];

        public static bool IsAllowed(LeadStage from, LeadStage to) => Allowed[from].Contains(to);

        /// <summary>The stages a rep holds as open work: counted against the agreement's cap.</summary>
        public static readonly LeadStage[] Open = { LeadStage.Mql, LeadStage.Sal };

        public static string Name(LeadStage stage)
        {
            switch (stage)
            {
                case LeadStage.Mql: return "MQL";
                case LeadStage.Sal: return "SAL";
                case LeadStage.Sql: return "SQL";
                default: return stage.ToString();
            }
        }

        public static string RefusalFor(LeadStage from, LeadStage to)
        {
            var allowed = AllowedFrom(from);
            return allowed.Count == 0
                ? $"This lead is {Name(from)}, which is final: it cannot move to {Name(to)}."
                : $"This lead is {Name(from)}: it cannot move to {Name(to)}. From {Name(from)} it can move to {string.Join(", ", allowed.Select(Name))}.";
        }
    }
}
