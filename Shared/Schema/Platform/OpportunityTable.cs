namespace LeadAlign.Schema
{
    /// <summary>The platform's (Dynamics 365 Sales) opportunity: the columns LeadAlign reads to bring its outcome back to the lead and to report the pipeline.</summary>
    internal static class OpportunityTable
    {
        public const string EntityName = "opportunity";
        public const string StateCode = "statecode";
        public const string OriginatingLeadId = "originatingleadid";
        public const string ActualValue = "actualvalue";
        public const string ActualCloseDate = "actualclosedate";
        public const string Id = "opportunityid";
        public const string CreatedOn = "createdon";
        public const string EstimatedValue = "estimatedvalue";

        /// <summary>The opportunity's statecode options: Open, Won, Lost.</summary>
        public const int StateOpen = 0;
        public const int StateWon = 1;
        public const int StateLost = 2;
    }
}
