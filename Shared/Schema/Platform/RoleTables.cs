namespace LeadAlign.Schema
{
    /// <summary>The platform's security roles and user roles: who may accept a lead for someone else.</summary>
    internal static class RoleTables
    {
        public const string Role = "role";
        public const string RoleId = "roleid";
        public const string Name = "name";
        public const string SystemUserRoles = "systemuserroles";
        public const string SystemUserId = "systemuserid";
        public const string LeadAlignAdministrator = "LeadAlign Administrator";
        public const string SystemAdministrator = "System Administrator";
    }
}
