namespace LeadAlign.Schema
{
    // One place per table for its column names and choice values, as the solution defines them. Handlers use these, never string literals.

    internal static class LeadTable
    {
        public const string EntityName = "lead";
        public const string Id = "leadid";
        public const string StateCode = "statecode";
        public const string FitScore = "la_fitscore";
        public const string EngagementScore = "la_engagementscore";
        public const string Score = "la_score";
        public const string ScoreBand = "la_scoreband";
        public const string ScoreReasons = "la_scorereasons";
        public const string ScoredOn = "la_scoredon";
        public const string ScoringModelId = "la_scoringmodelid";
        public const string EngagementLedger = "la_engagementledger";

        /// <summary>The columns the scoring step writes, and reads back from its pre-image.</summary>
        public static readonly string[] ScoringColumns = { FitScore, EngagementScore, Score, ScoreBand, ScoreReasons, ScoredOn, ScoringModelId, EngagementLedger };
    }

    internal static class ScoringModelTable
    {
        public const string EntityName = "la_scoringmodel";
        public const string Id = "la_scoringmodelid";
        public const string Name = "la_name";
        public const string IsActive = "la_isactive";
        public const string MqlThreshold = "la_mqlthreshold";
        public const string WarmThreshold = "la_warmthreshold";
        public const string HotThreshold = "la_hotthreshold";
        public const string HalfLifeDays = "la_halflifedays";
        public const string RequiredColumns = "la_requiredcolumns";
    }

    internal static class ScoringRuleTable
    {
        public const string EntityName = "la_scoringrule";
        public const string Id = "la_scoringruleid";
        public const string Name = "la_name";
        public const string ScoringModelId = "la_scoringmodelid";
        public const string Category = "la_category";
        public const string Points = "la_points";
        public const string Cap = "la_cap";
        public const string IsActive = "la_isactive";
        public const string Column = "la_column";
        public const string Operator = "la_operator";
        public const string Value = "la_value";
        public const string ActivityKind = "la_activitykind";
        public const string Direction = "la_direction";
        public const string InteractionType = "la_interactiontype";
        public const string NormalizedValue = "la_normalizedvalue";
        public const string ColumnType = "la_columntype";

        public static readonly string[] All = { Name, ScoringModelId, Category, Points, Cap, IsActive, Column, Operator, Value, ActivityKind, Direction, InteractionType, NormalizedValue, ColumnType };
    }

    /// <summary>Columns every activity table has, and the one LeadAlign adds to the activity tables it scores.</summary>
    internal static class ActivityColumns
    {
        public const string Id = "activityid";
        public const string RegardingObjectId = "regardingobjectid";
        public const string DirectionCode = "directioncode";
        public const string ActualEnd = "actualend";
        public const string EngagementApplied = "la_engagementapplied";
    }

    internal static class MarketingInteractionTable
    {
        public const string EntityName = "la_marketinginteraction";
        public const string InteractionType = "la_interactiontype";
        public const string Url = "la_url";
    }

    internal enum ScoreCategory
    {
        Fit = 412500000,
        Engagement = 412500001,
    }

    internal enum FitOperator
    {
        Equals = 412500000,
        NotEquals = 412500001,
        InList = 412500002,
        Contains = 412500003,
        BeginsWith = 412500004,
        GreaterThan = 412500005,
        LessThan = 412500006,
        Between = 412500007,
        HasValue = 412500008,
        IsEmpty = 412500009,
    }

    internal enum ActivityKind
    {
        Email = 412500000,
        PhoneCall = 412500001,
        Appointment = 412500002,
        Task = 412500003,
        MarketingInteraction = 412500004,
    }

    internal enum ActivityDirection
    {
        Any = 412500000,
        Incoming = 412500001,
        Outgoing = 412500002,
    }

    internal enum InteractionType
    {
        WebVisit = 412500000,
        FormSubmission = 412500001,
        EmailClick = 412500002,
        EmailOpen = 412500003,
        WebinarRegistration = 412500004,
        WebinarAttendance = 412500005,
        ContentDownload = 412500006,
    }

    internal enum ScoreBand
    {
        Cold = 412500000,
        Warm = 412500001,
        Hot = 412500002,
    }
}
