using System;
using System.Collections.Generic;

namespace LeadAlign.Dataverse.Ui
{
    /// <summary>A view (savedquery) of the solution: its table, name, the FetchXML a grid runs and the columns its layout shows.</summary>
    public sealed record ViewDefinition(Guid Id, string Table, string Name, string FetchXml, IReadOnlyList<string> LayoutColumns)
    {
        /// <summary>The solution file the view was read from, relative to the solution folder.</summary>
        public string File { get; init; } = string.Empty;
    }
}
