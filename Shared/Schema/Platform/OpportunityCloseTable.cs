namespace LeadAlign.Schema
{
    /// <summary>
    /// The platform's opportunityclose activity, which Win and Lose create to record a close, and the names of those two
    /// messages as plug-in steps and parent contexts see them (Learn: the opportunity table's messages list Win and Lose; the
    /// SDK requests are WinOpportunityRequest and LoseOpportunityRequest).
    /// </summary>
    internal static class OpportunityCloseTable
    {
        public const string EntityName = "opportunityclose";
        public const string OpportunityId = "opportunityid";
        public const string ActualRevenue = "actualrevenue";
        public const string ActualEnd = "actualend";

        public const string WinMessage = "Win";
        public const string LoseMessage = "Lose";
    }
}
