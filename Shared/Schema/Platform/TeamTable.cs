namespace LeadAlign.Schema
{
    /// <summary>The platform's team: the agreement's sales and marketing teams.</summary>
    internal static class TeamTable
    {
        public const string EntityName = "team";
        public const string QueueId = "queueid";
        public const string Name = "name";
        public const string AdministratorId = "administratorid";
    }
}
