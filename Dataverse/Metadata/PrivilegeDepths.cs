using System;

namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>
    /// The depths (access levels) a role can grant a privilege at, as the platform's privilege depth mask: Basic (the user's
    /// own rows), Local (the user's business unit), Deep (the unit and its children), Global (the organization).
    /// </summary>
    [Flags]
    public enum PrivilegeDepths
    {
        None = 0,
        Basic = 1,
        Local = 2,
        Deep = 4,
        Global = 8,
        All = Basic | Local | Deep | Global,
    }
}
