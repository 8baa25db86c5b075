// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Option sets: the options of choice, state, status and yes/no columns.
using System.Collections.Generic;
using System.Linq;

namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>One option: its value and label. As in the official SDK, ExternalValue starts as an empty string except through the (label, value) constructor.</summary>
    public class OptionMetadata : MetadataBase
    {
        public OptionMetadata()
        {
            ExternalValue = string.Empty;
        }

        public OptionMetadata(int value)
            : this()
        {
            Value = value;
        }

        public OptionMetadata(int value, IEnumerable<int> parentOptionValues)
            : this(null, value, parentOptionValues)
        {
        }

        public OptionMetadata(Label label, int? value)
        {
            Label = label;
            Value = value;
        }

        public OptionMetadata(Label label, int? value, IEnumerable<int> parentOptionValues)
        {
            Label = label;
            Value = value;
            ExternalValue = string.Empty;
            if (parentOptionValues != null)
            {
                ParentValues = parentOptionValues as int[] ?? parentOptionValues.ToArray();
            }
        }

        public int? Value { get; set; }

        public Label Label { get; set; }

        public Label Description { get; set; }

        public string Color { get; set; }

        public string ExternalValue { get; set; }

        public int[] ParentValues { get; set; }

        public bool? IsManaged { get; internal set; }
    }
}
