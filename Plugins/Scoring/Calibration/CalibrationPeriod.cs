using System;
using System.Globalization;
using LeadAlign.Runtime;

namespace LeadAlign.Plugins.Scoring.Calibration
{
    /// <summary>
    /// The period of a la_GetScoringCalibration request: UTC instants, PeriodStart inclusive, PeriodEnd exclusive; the last 28 days
    /// up to now when both are empty, 28 days from the one given when only one is; PeriodEnd after PeriodStart, at most 366 days.
    /// </summary>
    internal sealed class CalibrationPeriod
    {
        public const int DefaultDays = 28;

        public const int MaximumDays = 366;

        private CalibrationPeriod(DateTime start, DateTime end)
        {
            Start = start;
            End = end;
        }

        public DateTime Start { get; }

        public DateTime End { get; }

        /// <exception cref="BusinessRuleException">A period ending before it starts, or longer than 366 days, saying what to ask for.</exception>
        public static CalibrationPeriod Of(GetScoringCalibrationRequest request, DateTime now)
        {
            var givenStart = Utc(request.PeriodStart);
            var givenEnd = Utc(request.PeriodEnd);
            var end = givenEnd ?? (givenStart.HasValue ? givenStart.Value.AddDays(DefaultDays) : DateTime.SpecifyKind(now, DateTimeKind.Utc));
            var start = givenStart ?? end.AddDays(-DefaultDays);
            if (end <= start)
            {
                throw new BusinessRuleException(
                    $"PeriodEnd ({Text(end)}) must be after PeriodStart ({Text(start)}): the period runs from PeriodStart up to, not including, PeriodEnd.");
            }

            if (end - start > TimeSpan.FromDays(MaximumDays))
            {
                throw new BusinessRuleException(
                    $"The period from {Text(start)} to {Text(end)} is {(end - start).TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days long; a calibration covers at most {MaximumDays} days: ask for a shorter period.");
            }

            return new CalibrationPeriod(start, end);
        }

        public override string ToString() => Text(Start) + " to " + Text(End);

        private static DateTime? Utc(DateTime? value) =>
            !value.HasValue ? (DateTime?)null : value.Value.Kind == DateTimeKind.Local ? value.Value.ToUniversalTime() : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc);

        private static string Text(DateTime instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
