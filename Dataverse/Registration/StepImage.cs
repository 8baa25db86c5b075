using System;
using System.Collections.Generic;

namespace LeadAlign.Dataverse.Registration
{
    /// <summary>An image a step asks for: the columns of the row before (Pre) or after (Post) the operation.</summary>
    public sealed record StepImage(Guid Id, string Alias, bool IsPreImage, IReadOnlyList<string> Attributes);
}
