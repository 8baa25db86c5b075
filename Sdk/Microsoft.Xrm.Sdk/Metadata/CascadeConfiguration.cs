// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Relationship metadata. Not modelled: associated-menu configuration and relationship attributes.
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>What an action on the referenced row does to the referencing rows.</summary>
    public sealed class CascadeConfiguration : IExtensibleDataObject
    {
        public CascadeType? Assign { get; set; }

        public CascadeType? Delete { get; set; }

        public CascadeType? Merge { get; set; }

        public CascadeType? Reparent { get; set; }

        public CascadeType? Share { get; set; }

        public CascadeType? Unshare { get; set; }

        public CascadeType? RollupView { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
