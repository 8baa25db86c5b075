// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// String constants that the official SDK models as classes (so that new values can arrive without breaking clients):
// they compare case-insensitively, with each other and with plain strings.
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata
{
    public abstract class ConstantsBase<T> : IExtensibleDataObject
    {
        /// <summary>Every value registered through <see cref="Add{T2}"/>; as in the official SDK the list is shared by all subclasses with the same T.</summary>
        protected static readonly IList<T> ValidValues = new List<T>();

        private static readonly object ValidValuesLock = new object();

        protected ConstantsBase()
        {
        }

        public T Value { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        protected static T2 Add<T2>(T value)
            where T2 : ConstantsBase<T>, new()
        {
            lock (ValidValuesLock)
            {
                ValidValues.Add(value);
            }

            return Create<T2>(value);
        }

        protected static T2 Create<T2>(T value)
            where T2 : ConstantsBase<T>, new()
        {
            return new T2 { Value = value };
        }

        protected abstract bool ValueExistsInList(T value);

        internal static bool IsRegistered(T value, IEqualityComparer<T> comparer)
        {
            lock (ValidValuesLock)
            {
                foreach (var valid in ValidValues)
                {
                    if (comparer.Equals(valid, value))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
