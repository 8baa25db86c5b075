namespace LeadAlign.Schema
{
    /// <summary>The user's own (platform) columns LeadAlign reads. The columns LeadAlign adds are generated (Generated/SystemUserTable.g.cs).</summary>
    internal static partial class SystemUserTable
    {
        public const string Id = "systemuserid";
        public const string FullName = "fullname";
        public const string IsDisabled = "isdisabled";
        public const string Country = "address1_country";
        public const string ManagerId = "parentsystemuserid";
    }
}
