using LeadAlign.Plugins.Registration;

namespace LeadAlign.Plugins.Reporting
{
    /// <summary>The response of la_GetAlignmentReport.</summary>
    public sealed class GetAlignmentReportResponse
    {
        [CustomApiResponseProperty("Report", CustomApiParameterType.String, Description = "The alignment report as JSON (version 1; see the README, The alignment report).")]
        public string Report { get; set; } = string.Empty;

        [CustomApiResponseProperty("Complete", CustomApiParameterType.Boolean, Description = "False when the period is too large to compute in one call: then Report carries no figures and Notice says what to do.")]
        public bool Complete { get; set; }

        [CustomApiResponseProperty("Notice", CustomApiParameterType.String, Description = "Empty, or one sentence for the user.")]
        public string Notice { get; set; } = string.Empty;
    }
}
