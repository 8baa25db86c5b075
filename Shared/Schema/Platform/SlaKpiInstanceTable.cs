namespace LeadAlign.Schema
{
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
        public const string DecisionByName = "Decision by";
        public const string FeedbackAnsweredByName = "Feedback answered by";
    }
}
