using System;
using LeadAlign.Plugins.Registration;

namespace LeadAlign.Plugins.Reporting
{
    /// <summary>The request of la_CloseAlignmentWeek: which week and, optionally, which agreement.</summary>
    public sealed class CloseAlignmentWeekRequest
    {
        [CustomApiParameter("WeekStart", CustomApiParameterType.DateTime, IsOptional = true, Description = "A date in the week to close (its Monday, or any day of it, read as a date in the agreement's time zone); the last full week when empty.")]
        public DateTime? WeekStart { get; set; }

        [CustomApiParameter("AgreementId", CustomApiParameterType.Guid, IsOptional = true, Description = "The sales and marketing agreement whose week to close; the active one when empty.")]
        public Guid? AgreementId { get; set; }
    }
}
