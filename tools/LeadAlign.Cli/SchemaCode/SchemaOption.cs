namespace LeadAlign.Cli.SchemaCode
{
    /// <summary>An option of a choice: its enum member, value and label.</summary>
    public sealed record SchemaOption(string Member, int Value, string Label);
}
