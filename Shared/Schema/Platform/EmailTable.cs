namespace LeadAlign.Schema
{
    /// <summary>The email's own (platform) columns LeadAlign writes. The column LeadAlign adds is generated (Generated/EmailTable.g.cs).</summary>
    internal static partial class EmailTable
    {
        public const string Subject = "subject";
        public const string Description = "description";
        public const string From = "from";
        public const string To = "to";
        public const string PartyId = "partyid";
        public const string ActivityParty = "activityparty";
    }
}
