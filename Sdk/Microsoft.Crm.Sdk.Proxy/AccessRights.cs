// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
using System;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>The access rights a principal holds on a row, as RetrievePrincipalAccess answers them (a combination of flags).</summary>
    [Flags]
    public enum AccessRights
    {
        None = 0,
        ReadAccess = 1,
        WriteAccess = 2,
        AppendAccess = 4,
        AppendToAccess = 16,
        CreateAccess = 32,
        DeleteAccess = 65536,
        ShareAccess = 262144,
        AssignAccess = 524288,
    }
}
