using System;
using System.Collections.Generic;

namespace LeadAlign.Dataverse.Ui
{
    /// <summary>
    /// A form (systemform) of the solution: the columns it reads when it opens (its bound controls, and the columns its timers
    /// count down to and test) and its subgrids.
    /// </summary>
    public sealed record FormDefinition(Guid Id, string Table, string Name, IReadOnlyList<string> Columns, IReadOnlyList<SubgridDefinition> Subgrids)
    {
        /// <summary>The solution file the form was read from, relative to the solution folder.</summary>
        public string File { get; init; } = string.Empty;
    }
}
