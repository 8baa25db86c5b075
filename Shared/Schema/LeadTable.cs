namespace LeadAlign.Schema
{
    /// <summary>What the code derives from the lead's generated columns.</summary>
    internal static partial class LeadTable
    {
        /// <summary>The columns the scoring step writes, and reads back from its pre-image.</summary>
        public static readonly string[] ScoringColumns = { FitScore, EngagementScore, Score, ScoreBand, ScoreReasons, ScoredOn, ScoringModelId, EngagementLedger };

        /// <summary>The name the code has used for <see cref="RoutedToId"/> (la_routedtoid).</summary>
        public const string RoutedTo = RoutedToId;
    }
}
