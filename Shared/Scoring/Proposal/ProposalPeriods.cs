using System;
using LeadAlign.Runtime;

namespace LeadAlign.Scoring.Proposal
{
    /// <summary>The training period and the later held-out period of a proposal, and the outcome fitted.</summary>
    internal sealed class ProposalPeriods
    {
        public ProposalPeriods(DateTime trainingStart, DateTime heldOutStart, DateTime heldOutEnd, bool toWins)
        {
            if (heldOutStart <= trainingStart || heldOutEnd <= heldOutStart)
            {
                throw new BusinessRuleException(
                    $"The periods are out of order (training from {trainingStart:yyyy-MM-dd HH:mm}, held out from {heldOutStart:yyyy-MM-dd HH:mm} to {heldOutEnd:yyyy-MM-dd HH:mm} UTC): "
                    + "give a TrainingStart before HeldOutStart, and a HeldOutEnd after it (or none, for now).");
            }

            TrainingStart = DateTime.SpecifyKind(trainingStart, DateTimeKind.Utc);
            HeldOutStart = DateTime.SpecifyKind(heldOutStart, DateTimeKind.Utc);
            HeldOutEnd = DateTime.SpecifyKind(heldOutEnd, DateTimeKind.Utc);
            ToWins = toWins;
        }

        public DateTime TrainingStart { get; }

        public DateTime HeldOutStart { get; }

        public DateTime HeldOutEnd { get; }

        public bool ToWins { get; }

        /// <summary>"SQL" or "won", as the texts name the outcome.</summary>
        public string Outcome => ToWins ? "won" : "SQL";
    }
}
