namespace LeadAlign.Scoring.Calibration
{
    /// <summary>One lead of the calibration population: its score at MQL and its outcomes, null while an outcome is still open.</summary>
    internal sealed class CalibrationLead
    {
        public CalibrationLead(int score, bool? reachedSql, bool? won)
        {
            Score = score;
            ReachedSql = reachedSql;
            Won = won;
        }

        /// <summary>The score the lead carried when it moved to MQL.</summary>
        public int Score { get; }

        /// <summary>True: reached SQL; false: rejected, sent to Nurture or disqualified without reaching it; null: still MQL or SAL (open).</summary>
        public bool? ReachedSql { get; }

        /// <summary>True: outcome Won; false: outcome Lost; null: no outcome yet.</summary>
        public bool? Won { get; }
    }
}
