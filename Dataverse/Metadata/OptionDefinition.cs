namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>One choice of a choice, state or status column. State options name their default status; status options their state.</summary>
    public sealed class OptionDefinition
    {
        public OptionDefinition(int value, string label, int? state = null, int? defaultStatus = null)
        {
            Value = value;
            Label = label ?? string.Empty;
            State = state;
            DefaultStatus = defaultStatus;
        }

        public int Value { get; }

        public string Label { get; }

        public int? State { get; }

        public int? DefaultStatus { get; }
    }
}
