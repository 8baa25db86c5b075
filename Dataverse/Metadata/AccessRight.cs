namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>The eight operations a table privilege grants, as a security role names them (prvCreate…, prvRead…, …).</summary>
    public enum AccessRight
    {
        Create,
        Read,
        Write,
        Delete,
        Append,
        AppendTo,
        Assign,
        Share,
    }
}
