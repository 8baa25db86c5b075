// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Option sets: the options of choice, state, status and yes/no columns.
namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>A statecode option (Active, Inactive ...) and the status it defaults to.</summary>
    public sealed class StateOptionMetadata : OptionMetadata
    {
        public StateOptionMetadata()
        {
        }

        public int? DefaultStatus { get; set; }

        public string InvariantName { get; set; }
    }
}
