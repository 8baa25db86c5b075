using System;
using LeadAlign.Plugins.Registration;

namespace LeadAlign.Plugins.Scoring.Calibration
{
    /// <summary>The request of la_GetScoringCalibration: the period, or none for the last 28 days.</summary>
    public sealed class GetScoringCalibrationRequest
    {
        [CustomApiParameter("PeriodStart", CustomApiParameterType.DateTime, IsOptional = true, Description = "The first instant of the period, UTC; when empty, 28 days before PeriodEnd.")]
        public DateTime? PeriodStart { get; set; }

        [CustomApiParameter("PeriodEnd", CustomApiParameterType.DateTime, IsOptional = true, Description = "The instant after the period, UTC (exclusive); when empty, 28 days after PeriodStart, or now when both are empty. At most 366 days after PeriodStart.")]
        public DateTime? PeriodEnd { get; set; }
    }
}
