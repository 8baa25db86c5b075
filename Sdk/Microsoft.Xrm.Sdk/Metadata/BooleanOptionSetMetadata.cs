// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Option sets: the options of choice, state, status and yes/no columns.
namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>The two options of a yes/no column.</summary>
    public sealed class BooleanOptionSetMetadata : OptionSetMetadataBase
    {
        public BooleanOptionSetMetadata()
        {
        }

        public BooleanOptionSetMetadata(OptionMetadata trueOption, OptionMetadata falseOption)
        {
            TrueOption = trueOption;
            FalseOption = falseOption;
        }

        public OptionMetadata TrueOption { get; set; }

        public OptionMetadata FalseOption { get; set; }
    }
}
