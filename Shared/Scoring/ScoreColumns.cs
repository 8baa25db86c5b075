using System;

namespace LeadAlign.Scoring
{
    /// <summary>
    /// What the scoring columns can hold (the lead's, and the activities' record of what they applied), as Solution/Entities/Lead/Entity.xml declares them (MinValue, MaxValue,
    /// MaxLength): a score is clamped to its column's range and the texts are kept within their lengths, so no model, however
    /// many rules or points it has, can make a lead save fail. The generated schema carries names only, so these are
    /// constants; ScoreColumnsTests pins each one against the solution's metadata.
    /// </summary>
    internal static class ScoreColumns
    {
        /// <summary>la_fitscore (int): -100,000 to 100,000.</summary>
        public const int FitMin = -100000;

        public const int FitMax = 100000;

        /// <summary>la_engagementscore (decimal, 2 decimals): -100,000 to 100,000.</summary>
        public const int EngagementMin = -100000;

        public const int EngagementMax = 100000;

        /// <summary>la_score (int): -100,000 to 100,000.</summary>
        public const int ScoreMin = -100000;

        public const int ScoreMax = 100000;

        /// <summary>la_scorereasons (multiline text): 4,000 characters.</summary>
        public const int ReasonsMaxLength = 4000;

        /// <summary>la_rulehits (multiline text): 4,000 characters.</summary>
        public const int RuleHitsMaxLength = 4000;

        /// <summary>la_engagementledger (multiline text): 100,000 characters.</summary>
        public const int LedgerMaxLength = 100000;

        /// <summary>la_engagementapplied on each activity table (email, phone call, appointment, task, marketing interaction): 2,000 characters.</summary>
        public const int AppliedMaxLength = 2000;

        public static int Clamp(long value, int min, int max) => (int)Math.Max(min, Math.Min(max, value));

        public static decimal Clamp(decimal value, int min, int max) => Math.Max(min, Math.Min(max, value));
    }
}
