// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Labels and managed properties live in Microsoft.Xrm.Sdk (not .Metadata), as in the official SDK.
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    public sealed class LocalizedLabelCollection : DataCollection<LocalizedLabel>
    {
        public LocalizedLabelCollection()
        {
        }

        public LocalizedLabelCollection(IList<LocalizedLabel> list)
            : base(list)
        {
        }
    }
}
