// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    public class ParameterCollection : DataCollection<string, object>
    {
        public ParameterCollection()
        {
        }

        protected ParameterCollection(IDictionary<string, object> collection)
            : base(collection)
        {
        }

        /// <summary>Sets the parameter when <paramref name="obj"/> is not null; a null leaves the collection unchanged.</summary>
        public void AddOrUpdateIfNotNull(string key, object obj)
        {
            if (obj != null)
            {
                this[key] = obj;
            }
        }
    }
}
