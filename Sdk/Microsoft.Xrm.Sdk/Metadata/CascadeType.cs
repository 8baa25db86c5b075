// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Relationship metadata. Not modelled: associated-menu configuration and relationship attributes.
namespace Microsoft.Xrm.Sdk.Metadata
{
    public enum CascadeType
    {
        NoCascade = 0,
        Cascade = 1,
        Active = 2,
        UserOwned = 3,
        RemoveLink = 4,
        Restrict = 5,
    }
}
