using LeadAlign.Plugins.Registration;

namespace LeadAlign.Plugins.Scoring.Calibration
{
    /// <summary>The response of la_GetScoringCalibration.</summary>
    public sealed class GetScoringCalibrationResponse
    {
        [CustomApiResponseProperty("Calibration", CustomApiParameterType.String, Description = "The scoring calibration as JSON (version 1; see the README, Scoring calibration).")]
        public string Calibration { get; set; } = string.Empty;

        [CustomApiResponseProperty("Complete", CustomApiParameterType.Boolean, Description = "False when the period holds too many rows to read in one call: then Calibration carries no figures and Notice says what to do.")]
        public bool Complete { get; set; }

        [CustomApiResponseProperty("Notice", CustomApiParameterType.String, Description = "Empty, or one sentence for the user.")]
        public string Notice { get; set; } = string.Empty;
    }
}
