// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Labels and managed properties live in Microsoft.Xrm.Sdk (not .Metadata), as in the official SDK.
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A metadata value with a flag saying whether a managed solution lets customizers change it. CanBeChanged starts true.</summary>
    public abstract class ManagedProperty<T> : IExtensibleDataObject
    {
        protected ManagedProperty()
            : this(null)
        {
        }

        protected ManagedProperty(string managedPropertyLogicalName)
        {
            ManagedPropertyLogicalName = managedPropertyLogicalName;
            CanBeChanged = true;
        }

        public T Value { get; set; }

        public bool CanBeChanged { get; set; }

        public string ManagedPropertyLogicalName { get; internal set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
