// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A list collection (Collection&lt;T&gt;) with AddRange and ToArray, as in the official SDK. Only the SDK creates the base type.</summary>
    public class DataCollection<T> : Collection<T>
    {
        internal DataCollection()
        {
        }

        internal DataCollection(IList<T> list)
            : base(list)
        {
        }

        public void AddRange(params T[] items)
        {
            AddRange((IEnumerable<T>)items);
        }

        public void AddRange(IEnumerable<T> items)
        {
            if (items == null)
            {
                return;
            }

            foreach (var item in items)
            {
                Add(item);
            }
        }

        public T[] ToArray()
        {
            var array = new T[Count];
            CopyTo(array, 0);
            return array;
        }
    }
}
