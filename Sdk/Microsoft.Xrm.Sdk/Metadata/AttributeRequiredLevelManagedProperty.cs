// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>How strongly a column is required; a managed solution may lock it (<see cref="ManagedProperty{T}.CanBeChanged"/>).</summary>
    public sealed class AttributeRequiredLevelManagedProperty : ManagedProperty<AttributeRequiredLevel>
    {
        public AttributeRequiredLevelManagedProperty(AttributeRequiredLevel value)
        {
            Value = value;
        }
    }
}
