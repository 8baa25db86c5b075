// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    public class EntityImageCollection : DataCollection<string, Entity>
    {
        public EntityImageCollection()
        {
        }

        protected internal EntityImageCollection(IDictionary<string, Entity> collection)
            : base(collection)
        {
        }
    }
}
