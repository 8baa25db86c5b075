namespace LeadAlign.Cli.SchemaCode
{
    /// <summary>One generated source file: its name in the generated folder, the solution file it comes from, and its text.</summary>
    public sealed record SchemaCodeFile(string FileName, string Source, string Text);
}
