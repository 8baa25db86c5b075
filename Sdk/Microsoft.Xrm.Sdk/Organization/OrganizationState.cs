// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
namespace Microsoft.Xrm.Sdk.Organization
{
    /// <summary>Whether the organization is enabled.</summary>
    public enum OrganizationState
    {
        Enabled = 0,
        Disabled = 1,
    }
}
