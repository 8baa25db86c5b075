using System;
using System.Globalization;
using LeadAlign.Runtime;

namespace LeadAlign.Plugins.Reporting
{
    /// <summary>The period of a la_GetAlignmentReport request, checked: UTC instants, PeriodEnd after PeriodStart, at most 366 days.</summary>
    internal sealed class ReportPeriod
    {
        /// <summary>The longest period one call reports on.</summary>
        public const int MaximumDays = 366;

        private ReportPeriod(DateTime start, DateTime end)
        {
            Start = start;
            End = end;
        }

        public DateTime Start { get; }

        public DateTime End { get; }

        /// <exception cref="BusinessRuleException">A period missing, ending before it starts, or longer than 366 days, saying what to ask for.</exception>
        public static ReportPeriod Of(GetAlignmentReportRequest request)
        {
            var start = Utc(request.PeriodStart, "PeriodStart");
            var end = Utc(request.PeriodEnd, "PeriodEnd");
            if (end <= start)
            {
                throw new BusinessRuleException(
                    $"PeriodEnd ({Text(end)}) must be after PeriodStart ({Text(start)}): the period runs from PeriodStart up to, not including, PeriodEnd.");
            }

            if (end - start > TimeSpan.FromDays(MaximumDays))
            {
                throw new BusinessRuleException(
                    $"The period from {Text(start)} to {Text(end)} is {(end - start).TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days long; a report covers at most {MaximumDays} days: ask for a shorter period.");
            }

            return new ReportPeriod(start, end);
        }

        public override string ToString() => Text(Start) + " to " + Text(End);

        private static DateTime Utc(DateTime? value, string name)
        {
            if (!value.HasValue)
            {
                throw new BusinessRuleException($"{name} is required: give the period as UTC instants, PeriodStart inclusive and PeriodEnd exclusive.");
            }

            return value.Value.Kind == DateTimeKind.Local ? value.Value.ToUniversalTime() : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc);
        }

        private static string Text(DateTime instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
