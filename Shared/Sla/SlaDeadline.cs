using System;
using LeadAlign.Lifecycle;

namespace LeadAlign.Sla
{
    /// <summary>When an SLA clock fails and when it warns, counted once in the agreement's business hours.</summary>
    internal sealed class SlaDeadline
    {
        public SlaDeadline(DateTime failure, DateTime warning)
        {
            Failure = failure;
            Warning = warning;
        }

        public DateTime Failure { get; }

        public DateTime Warning { get; }

        /// <summary><paramref name="businessHours"/> of the agreement's business time from <paramref name="startUtc"/>, warning at its Warn at share.</summary>
        public static SlaDeadline After(Agreement agreement, int businessHours, DateTime startUtc) => After(agreement, TimeSpan.FromHours(businessHours), startUtc);

        /// <summary>The deadline <paramref name="businessTime"/> of the agreement's business time after the start, its warning at the agreement's percent of it.</summary>
        public static SlaDeadline After(Agreement agreement, TimeSpan businessTime, DateTime startUtc) =>
            new SlaDeadline(
                agreement.Calendar.Add(startUtc, businessTime),
                agreement.Calendar.Add(startUtc, TimeSpan.FromTicks(businessTime.Ticks * agreement.WarningPercent / 100)));

        /// <summary>
        /// <paramref name="businessDays"/> of the agreement's business days from <paramref name="startUtc"/> (a business day is one
        /// working day's hours, so 2 days from Monday 15:00 with 09:00-17:00 hours end on Wednesday 15:00), warning at its Warn at share.
        /// </summary>
        public static SlaDeadline AfterBusinessDays(Agreement agreement, int businessDays, DateTime startUtc)
        {
            var total = TimeSpan.FromTicks((agreement.Calendar.End - agreement.Calendar.Start).Ticks * businessDays);
            return new SlaDeadline(
                agreement.Calendar.Add(startUtc, total),
                agreement.Calendar.Add(startUtc, TimeSpan.FromTicks(total.Ticks * agreement.WarningPercent / 100)));
        }
    }
}
