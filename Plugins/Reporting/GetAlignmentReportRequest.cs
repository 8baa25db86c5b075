using System;
using LeadAlign.Plugins.Registration;

namespace LeadAlign.Plugins.Reporting
{
    /// <summary>The request of la_GetAlignmentReport: the period and, optionally, the agreement.</summary>
    public sealed class GetAlignmentReportRequest
    {
        [CustomApiParameter("PeriodStart", CustomApiParameterType.DateTime, Description = "The first instant of the period, UTC.")]
        public DateTime? PeriodStart { get; set; }

        [CustomApiParameter("PeriodEnd", CustomApiParameterType.DateTime, Description = "The instant after the period, UTC (exclusive): after PeriodStart, at most 366 days later.")]
        public DateTime? PeriodEnd { get; set; }

        [CustomApiParameter("AgreementId", CustomApiParameterType.Guid, IsOptional = true, Description = "The sales and marketing agreement whose commitments and time zone the report uses; the active one when empty.")]
        public Guid? AgreementId { get; set; }
    }
}
