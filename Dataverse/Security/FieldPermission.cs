namespace LeadAlign.Dataverse.Security
{
    /// <summary>
    /// What a field security profile lets its members do with one secured column: read it, set it on create, change it on update.
    /// In the export (<c>Other/FieldSecurityProfiles.xml</c>) each is <c>CanRead</c>, <c>CanCreate</c>, <c>CanUpdate</c> with 4
    /// (Allowed) or 0 (Not allowed), the fieldpermission table's values.
    /// </summary>
    public sealed record FieldPermission(string Table, string Column, bool CanRead, bool CanCreate, bool CanUpdate);
}
