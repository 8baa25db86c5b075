namespace LeadAlign.Dataverse.Organization
{
    /// <summary>One platform time zone definition: its code, standard name (the Windows id), display name and base bias in minutes.</summary>
    internal sealed record PlatformTimeZone(int Code, string StandardName, string UserInterfaceName, int Bias);
}
