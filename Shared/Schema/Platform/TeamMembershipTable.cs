namespace LeadAlign.Schema
{
    /// <summary>The platform's team membership: who is on the agreement's sales team.</summary>
    internal static class TeamMembershipTable
    {
        public const string EntityName = "teammembership";
        public const string TeamId = "teamid";
        public const string SystemUserId = "systemuserid";
    }
}
