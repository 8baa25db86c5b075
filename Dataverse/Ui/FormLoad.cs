using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Ui
{
    /// <summary>What a form showed when it opened: its row with the form's columns the user may read, and each subgrid's rows by subgrid id.</summary>
    public sealed record FormLoad(Entity Row, IReadOnlyDictionary<string, EntityCollection> Subgrids);
}
