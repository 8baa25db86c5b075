using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Reporting
{
    /// <summary>The response of la_CloseAlignmentWeek.</summary>
    public sealed class CloseAlignmentWeekResponse
    {
        [CustomApiResponseProperty("AlignmentWeek", CustomApiParameterType.EntityReference, Description = "The week's la_alignmentweek row.")]
        public EntityReference? AlignmentWeek { get; set; }

        [CustomApiResponseProperty("Created", CustomApiParameterType.Boolean, Description = "True when this call created the row; false when it updated the row an earlier close wrote.")]
        public bool Created { get; set; }

        [CustomApiResponseProperty("Changed", CustomApiParameterType.Boolean, Description = "True when the row is new or a figure changed (then the team managers were notified).")]
        public bool Changed { get; set; }

        [CustomApiResponseProperty("Summary", CustomApiParameterType.String, Description = "How many commitments the week met, and which it missed.")]
        public string Summary { get; set; } = string.Empty;
    }
}
