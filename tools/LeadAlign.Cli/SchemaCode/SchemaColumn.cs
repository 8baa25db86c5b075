namespace LeadAlign.Cli.SchemaCode
{
    /// <summary>
    /// A column the solution declares on a table: <paramref name="Identifier"/> is the constant's name in the generated code,
    /// <paramref name="Type"/> the column type as the file gives it, <paramref name="Choice"/> the enum of its options, if any.
    /// </summary>
    public sealed record SchemaColumn(string Identifier, string LogicalName, string DisplayName, string Type, string? Choice);
}
