// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
namespace Microsoft.Xrm.Sdk
{
    public sealed class AttributeCollection : DataCollection<string, object>
    {
        public AttributeCollection()
        {
        }

        /// <summary>
        /// Not in the official SDK (internal): an empty collection with room for <paramref name="capacity"/> columns, so the
        /// in-memory Dataverse builds a row of known width without growing its dictionary one column at a time.
        /// </summary>
        internal AttributeCollection(int capacity)
            : base(new System.Collections.Generic.Dictionary<string, object>(capacity))
        {
        }
    }
}
