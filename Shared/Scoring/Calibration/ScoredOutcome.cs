namespace LeadAlign.Scoring.Calibration
{
    /// <summary>One lead for calibration: the score it carried and whether it reached the outcome (SQL, or won).</summary>
    internal sealed class ScoredOutcome
    {
        public ScoredOutcome(int score, bool reached)
        {
            Score = score;
            Reached = reached;
        }

        public int Score { get; }

        public bool Reached { get; }
    }
}
