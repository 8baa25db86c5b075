namespace LeadAlign.Schema
{
    /// <summary>The lead's own (platform) columns LeadAlign reads and writes. The columns LeadAlign adds are generated (Generated/LeadTable.g.cs).</summary>
    internal static partial class LeadTable
    {
        public const string Id = "leadid";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const string FullName = "fullname";
        public const string OwnerId = "ownerid";
        public const string OwningUser = "owninguser";
        public const string Country = "address1_country";
        public const string LeadSource = "leadsourcecode";
        public const string CampaignId = "campaignid";
        public const string CreatedOn = "createdon";
        public const string LastName = "lastname";
        public const string CompanyName = "companyname";
        public const string Email = "emailaddress1";
        public const string BusinessPhone = "telephone1";
    }
}
