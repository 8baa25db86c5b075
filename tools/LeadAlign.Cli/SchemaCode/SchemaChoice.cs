using System.Collections.Generic;

namespace LeadAlign.Cli.SchemaCode
{
    /// <summary>
    /// A choice of the solution: a global one (OptionSets/*.xml) or a local one declared on a column. <paramref name="Source"/> is
    /// the file that declares it, relative to the solution folder.
    /// </summary>
    public sealed record SchemaChoice(string EnumName, string LogicalName, string DisplayName, string Source, IReadOnlyList<SchemaOption> Options);
}
