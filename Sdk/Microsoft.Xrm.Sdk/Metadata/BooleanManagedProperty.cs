// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Labels and managed properties live in Microsoft.Xrm.Sdk (not .Metadata), as in the official SDK.
namespace Microsoft.Xrm.Sdk
{
    public sealed class BooleanManagedProperty : ManagedProperty<bool>
    {
        public BooleanManagedProperty()
            : this(false)
        {
        }

        public BooleanManagedProperty(bool value)
        {
            Value = value;
        }
    }
}
