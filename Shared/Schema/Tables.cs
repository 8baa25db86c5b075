namespace LeadAlign.Schema
{
    // One place per table for its column names and choice values, as the solution defines them. Handlers use these, never string literals.

    internal static class LeadTable
    {
        public const string EntityName = "lead";
        public const string Id = "leadid";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const string FitScore = "la_fitscore";
        public const string EngagementScore = "la_engagementscore";
        public const string Score = "la_score";
        public const string ScoreBand = "la_scoreband";
        public const string ScoreReasons = "la_scorereasons";
        public const string ScoredOn = "la_scoredon";
        public const string ScoringModelId = "la_scoringmodelid";
        public const string EngagementLedger = "la_engagementledger";

        public const string FullName = "fullname";
        public const string OwnerId = "ownerid";
        public const string Country = "address1_country";
        public const string Territory = "la_territory";
        public const string Stage = "la_stage";
        public const string StageEnteredOn = "la_stageenteredon";
        public const string MqlOn = "la_mqlon";
        public const string HandoffOn = "la_handoffon";
        public const string RoutedTo = "la_routedtoid";
        public const string AcceptedOn = "la_acceptedon";
        public const string SqlOn = "la_sqlon";
        public const string RejectedOn = "la_rejectedon";
        public const string NurturedOn = "la_nurturedon";
        public const string FirstContactOn = "la_firstcontacton";
        public const string MinutesToAccept = "la_minutestoaccept";
        public const string MinutesToFirstContact = "la_minutestofirstcontact";
        public const string RejectionReason = "la_rejectionreason";
        public const string RejectionNotes = "la_rejectionnotes";
        public const string RejectedBy = "la_rejectedby";
        public const string RecycleReason = "la_recyclereason";
        public const string LeadSource = "leadsourcecode";
        public const string CampaignId = "campaignid";
        public const string AcceptByKpiId = "la_acceptbykpiid";
        public const string FirstContactByKpiId = "la_firstcontactbykpiid";

        /// <summary>The columns the scoring step writes, and reads back from its pre-image.</summary>
        public static readonly string[] ScoringColumns = { FitScore, EngagementScore, Score, ScoreBand, ScoreReasons, ScoredOn, ScoringModelId, EngagementLedger };
    }

    internal static class AgreementTable
    {
        public const string EntityName = "la_agreement";
        public const string Id = "la_agreementid";
        public const string Name = "la_name";
        public const string IsActive = "la_isactive";
        public const string ScoringModelId = "la_scoringmodelid";
        public const string SqlRequiredColumns = "la_sqlrequiredcolumns";
        public const string SalesTeamId = "la_salesteamid";
        public const string MarketingTeamId = "la_marketingteamid";
        public const string RoutingFilter = "la_routingfilter";
        public const string MaxOpenLeadsPerRep = "la_maxopenleadsperrep";
        public const string MqlsPerWeek = "la_mqlsperweek";
        public const string AcceptHours = "la_accepthours";
        public const string FirstContactHours = "la_firstcontacthours";
        public const string WarningPercent = "la_warningpercent";
        public const string TimeZone = "la_timezone";
        public const string WorkDays = "la_workdays";
        public const string WorkHours = "la_workhours";
        public const string Holidays = "la_holidays";
        public const string MarketingQueueId = "la_marketingqueueid";
        public const string FeedbackResponseDays = "la_feedbackresponsedays";
        public const string SlaWarning = "la_slawarning";
    }

    internal static class LeadFeedbackTable
    {
        public const string EntityName = "la_leadfeedback";
        public const string Id = "la_leadfeedbackid";
        public const string Name = "la_name";
        public const string LeadId = "la_leadid";
        public const string Reason = "la_reason";
        public const string Notes = "la_notes";
        public const string RejectedBy = "la_rejectedby";
        public const string RejectedOn = "la_rejectedon";
        public const string LeadSource = "la_leadsource";
        public const string CampaignId = "la_campaignid";
        public const string ScoreAtRejection = "la_scoreatrejection";
        public const string BandAtRejection = "la_bandatrejection";
        public const string StageBeforeRejection = "la_stagebeforerejection";
        public const string RecipientUserId = "la_recipientuserid";
        public const string RecipientQueueId = "la_recipientqueueid";
        public const string DueOn = "la_dueon";
        public const string EmailId = "la_emailid";
        public const string Status = "la_status";
        public const string Outcome = "la_outcome";
        public const string Response = "la_response";
        public const string RespondedOn = "la_respondedon";
        public const string RespondedBy = "la_respondedby";
        public const string OwnerId = "ownerid";
    }

    internal enum FeedbackStatus
    {
        AwaitingResponse = 412500000,
        Responded = 412500001,
        Recycled = 412500002,
    }

    internal enum FeedbackOutcome
    {
        Accepted = 412500000,
        Disputed = 412500001,
        FixedAtSource = 412500002,
    }

    internal static class EmailTable
    {
        public const string EntityName = "email";
        public const string Subject = "subject";
        public const string Description = "description";
        public const string From = "from";
        public const string To = "to";
        public const string PartyId = "partyid";
        public const string ActivityParty = "activityparty";
    }

    internal static class CampaignTable
    {
        public const string EntityName = "campaign";
        public const string Name = "name";
        public const string OwnerId = "ownerid";
    }

    internal static class TeamTable
    {
        public const string EntityName = "team";
        public const string QueueId = "queueid";
        public const string Name = "name";
    }

    /// <summary>The platform's SLA KPI instance: LeadAlign's clocks are rows of it, regarding the lead.</summary>
    internal static class SlaKpiInstanceTable
    {
        public const string EntityName = "slakpiinstance";
        public const string Id = "slakpiinstanceid";
        public const string Name = "name";
        public const string Regarding = "regarding";
        public const string Status = "status";
        public const string FailureTime = "failuretime";
        public const string WarningTime = "warningtime";
        public const string SucceededOn = "succeededon";
        public const string OwnerId = "ownerid";
        public const string WarningTimeReached = "warningtimereached";
        public const string AcceptByName = "Accept by";
        public const string FirstContactByName = "First contact by";
    }

    /// <summary>The status of an SLA KPI instance, with the platform's values.</summary>
    internal enum SlaKpiStatus
    {
        InProgress = 0,
        Noncompliant = 1,
        NearingNoncompliance = 2,
        Paused = 3,
        Succeeded = 4,
        Canceled = 5,
    }

    internal static class LeadStageChangeTable
    {
        public const string EntityName = "la_leadstagechange";
        public const string Name = "la_name";
        public const string LeadId = "la_leadid";
        public const string FromStage = "la_fromstage";
        public const string ToStage = "la_tostage";
        public const string ChangedOn = "la_changedon";
        public const string ChangedBy = "la_changedby";
        public const string MinutesInPreviousStage = "la_minutesinpreviousstage";
        public const string Score = "la_score";
        public const string Note = "la_note";
    }

    internal static class SystemUserTable
    {
        public const string EntityName = "systemuser";
        public const string Id = "systemuserid";
        public const string FullName = "fullname";
        public const string IsDisabled = "isdisabled";
        public const string IsUnavailable = "la_isunavailable";
        public const string RoutingSequence = "la_routingsequence";
        public const string Country = "address1_country";
        public const string Territory = "la_territory";
        public const string ManagerId = "parentsystemuserid";
    }

    internal static class TeamMembershipTable
    {
        public const string EntityName = "teammembership";
        public const string TeamId = "teamid";
        public const string SystemUserId = "systemuserid";
    }

    internal static class RoleTables
    {
        public const string Role = "role";
        public const string RoleId = "roleid";
        public const string Name = "name";
        public const string SystemUserRoles = "systemuserroles";
        public const string SystemUserId = "systemuserid";
        public const string LeadAlignAdministrator = "LeadAlign Administrator";
        public const string SystemAdministrator = "System Administrator";
    }

    internal static class AppNotificationTable
    {
        public const string EntityName = "appnotification";
        public const string Title = "title";
        public const string Body = "body";
        public const string OwnerId = "ownerid";
        public const string IconType = "icontype";
        public const string ToastType = "toasttype";
        public const string Priority = "priority";
        public const string Data = "data";
        public const int IconInfo = 100000000;
        public const int IconWarning = 100000003;
        public const int IconFailure = 100000002;
        public const int ToastTimed = 200000000;
        public const int PriorityNormal = 200000000;
        public const int PriorityHigh = 200000001;
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
        public const string NurtureResetsEngagement = "la_nurtureresetsengagement";
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
    }

    /// <summary>Columns every activity table has, and the one LeadAlign adds to the activity tables it scores.</summary>
    internal static class ActivityColumns
    {
        public const string Id = "activityid";
        public const string RegardingObjectId = "regardingobjectid";
        public const string DirectionCode = "directioncode";
        public const string ActualEnd = "actualend";
        public const string EngagementApplied = "la_engagementapplied";
        public const string OwnerId = "ownerid";
        public const string StateCode = "statecode";
        public const string CompletedState = "1";
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

    internal enum LeadStage
    {
        Inquiry = 412500000,
        Mql = 412500001,
        Sal = 412500002,
        Sql = 412500003,
        Rejected = 412500004,
        Nurture = 412500005,
        Converted = 412500006,
    }

    internal enum RejectionReason
    {
        NotAFit = 412500000,
        NoBudget = 412500001,
        BadContactData = 412500002,
        Duplicate = 412500003,
        Competitor = 412500004,
        StudentOrJobSeeker = 412500005,
        NotReadyYet = 412500006,
        Other = 412500007,
    }

    internal enum RoutingFilter
    {
        None = 412500000,
        Country = 412500001,
        Territory = 412500002,
    }

    internal enum ScoreBand
    {
        Cold = 412500000,
        Warm = 412500001,
        Hot = 412500002,
    }
}
