// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Option sets: the options of choice, state, status and yes/no columns.
namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>A statuscode option and the state it belongs to.</summary>
    public sealed class StatusOptionMetadata : OptionMetadata
    {
        public StatusOptionMetadata()
        {
        }

        public StatusOptionMetadata(int value, int? state)
            : base(value)
        {
            State = state;
        }

        public int? State { get; set; }

        public string TransitionData { get; set; }
    }
}
