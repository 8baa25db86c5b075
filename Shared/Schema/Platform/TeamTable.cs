namespace LeadAlign.Schema
{
    /// <summary>The platform's team: the agreement's sales and marketing teams.</summary>
    internal static class TeamTable
    {
        public const string EntityName = "team";
        public const string QueueId = "queueid";
        public const string Name = "name";

        /// <summary>The team's administrator (the user primarily responsible for it): LeadAlign takes it as the team's manager.</summary>
        public const string AdministratorId = "administratorid";
    }
}
