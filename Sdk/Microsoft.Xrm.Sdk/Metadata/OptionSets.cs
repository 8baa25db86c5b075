// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0: see ../DataCollection.cs.
// Option sets: the options of choice, state, status and yes/no columns.
using System.Collections.Generic;
using System.Linq;

namespace Microsoft.Xrm.Sdk.Metadata
{
    public abstract class OptionSetMetadataBase : MetadataBase
    {
        protected OptionSetMetadataBase()
        {
        }

        public string Name { get; set; }

        public Label DisplayName { get; set; }

        public Label Description { get; set; }

        public bool? IsGlobal { get; set; }

        public bool? IsCustomOptionSet { get; set; }

        public OptionSetType? OptionSetType { get; set; }

        public string ExternalTypeName { get; set; }

        public BooleanManagedProperty IsCustomizable { get; set; }

        public string IntroducedVersion { get; internal set; }

        public bool? IsManaged { get; internal set; }
    }

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

    /// <summary>A statecode option (Active, Inactive ...) and the status it defaults to.</summary>
    public sealed class StateOptionMetadata : OptionMetadata
    {
        public StateOptionMetadata()
        {
        }

        public int? DefaultStatus { get; set; }

        public string InvariantName { get; set; }
    }

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

    public sealed class OptionMetadataCollection : DataCollection<OptionMetadata>
    {
        public OptionMetadataCollection()
        {
        }

        public OptionMetadataCollection(IList<OptionMetadata> list)
            : base(list)
        {
        }
    }
}
