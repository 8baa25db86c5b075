namespace LeadAlign.Schema
{
    /// <summary>Columns every activity table has, and the one LeadAlign adds to the activity tables it scores.</summary>
    internal static class ActivityColumns
    {
        public const string Id = "activityid";
        public const string RegardingObjectId = "regardingobjectid";
        public const string DirectionCode = "directioncode";
        public const string ActualEnd = "actualend";
        public const string Subject = "subject";
        public const string OwnerId = "ownerid";
        public const string StateCode = "statecode";
        public const string CompletedState = "1";

        /// <summary>
        /// Engagement applied: the solution declares it on each activity table LeadAlign scores (email, phone call, appointment,
        /// task, marketing interaction), with the same name on each.
        /// </summary>
        public const string EngagementApplied = EmailTable.EngagementApplied;
    }
}
