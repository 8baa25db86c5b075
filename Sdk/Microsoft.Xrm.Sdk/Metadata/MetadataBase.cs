// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata
{
    public abstract class MetadataBase : IExtensibleDataObject
    {
        protected MetadataBase()
        {
        }

        public Guid? MetadataId { get; set; }

        public bool? HasChanged { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
