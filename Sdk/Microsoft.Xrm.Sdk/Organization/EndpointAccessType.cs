// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
namespace Microsoft.Xrm.Sdk.Organization
{
    /// <summary>Which endpoint addresses RetrieveCurrentOrganization returns: the default, the internet or the intranet ones.</summary>
    public enum EndpointAccessType
    {
        Default = 0,
        Internet = 1,
        Intranet = 2,
    }
}
