namespace LeadAlign.Schema
{
    /// <summary>The platform's campaign: the lead's campaign, whose owner receives rejection feedback.</summary>
    internal static class CampaignTable
    {
        public const string EntityName = "campaign";
        public const string Id = "campaignid";
        public const string Name = "name";
        public const string OwnerId = "ownerid";
    }
}
