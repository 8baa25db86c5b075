// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Option sets: the options of choice, state, status and yes/no columns.
namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>The options of a choice, choices, state or status column. <see cref="Options"/> is never null.</summary>
    public sealed class OptionSetMetadata : OptionSetMetadataBase
    {
        private OptionMetadataCollection _options;

        public OptionSetMetadata()
        {
        }

        public OptionSetMetadata(OptionMetadataCollection options)
        {
            _options = options;
        }

        public OptionMetadataCollection Options
        {
            get => _options ??= new OptionMetadataCollection();
            internal set => _options = value;
        }

        public string ParentOptionSetName { get; set; }
    }
}
