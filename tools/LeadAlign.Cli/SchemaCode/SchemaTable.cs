using System.Collections.Generic;

namespace LeadAlign.Cli.SchemaCode
{
    /// <summary>
    /// A table of the solution's Entities folder: a table LeadAlign creates, with every column it declares, or a standard
    /// table with the columns LeadAlign adds to it. <paramref name="Source"/> is the Entity.xml, relative to the solution folder.
    /// </summary>
    public sealed record SchemaTable(string ClassName, string LogicalName, string DisplayName, string Source, IReadOnlyList<SchemaColumn> Columns);
}
