using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Handoffs
{
    /// <summary>
    /// A stage move <see cref="Lifecycle.LeadLifecyclePlugin"/> decided in PreOperation, handed to the PostOperation steps of the
    /// same save (the history row, the clocks) as shared variables of types the platform serializes (ints).
    /// </summary>
    internal sealed class StageChange
    {
        private const string Key = "LeadAlign.StageChange.";

        public StageChange(LeadStage from, LeadStage to, int minutesInPreviousStage, int score)
        {
            From = from;
            To = to;
            MinutesInPreviousStage = minutesInPreviousStage;
            Score = score;
        }

        public LeadStage From { get; }

        public LeadStage To { get; }

        public int MinutesInPreviousStage { get; }

        /// <summary>The lead's score as it moved.</summary>
        public int Score { get; }

        public void WriteTo(ParameterCollection shared)
        {
            shared[Key + nameof(From)] = (int)From;
            shared[Key + nameof(To)] = (int)To;
            shared[Key + nameof(MinutesInPreviousStage)] = MinutesInPreviousStage;
            shared[Key + nameof(Score)] = Score;
        }

        /// <summary>The stage change of this save, or null when the stage did not change.</summary>
        public static StageChange? ReadFrom(ParameterCollection shared) =>
            shared.TryGetValue(Key + nameof(To), out var to) && to is int toStage
                ? new StageChange((LeadStage)(int)shared[Key + nameof(From)], (LeadStage)toStage, (int)shared[Key + nameof(MinutesInPreviousStage)], (int)shared[Key + nameof(Score)])
                : null;
    }
}
