// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Option sets: the options of choice, state, status and yes/no columns.
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk.Metadata
{
    public sealed class OptionMetadataCollection : DataCollection<OptionMetadata>
    {
        public OptionMetadataCollection()
        {
        }

        public OptionMetadataCollection(IList<OptionMetadata> list)
            : base(list)
        {
        }
    }
}
