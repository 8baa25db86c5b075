using System;
using System.Threading;

namespace LeadAlign.Dataverse.Organization
{
    /// <summary>
    /// "Now" for the organization, UTC. It moves only when set or advanced: every operation takes its time from it (createdon,
    /// modifiedon, OperationCreatedOn, workflow waits), so time-dependent logic can be tested at any moment. Any thread reads it
    /// safely; set it from the test's own thread, between operations.
    /// </summary>
    internal sealed class OrganizationClock
    {
        private long _ticks;

        public OrganizationClock(DateTime start)
        {
            UtcNow = start;
        }

        public DateTime UtcNow
        {
            get => new(Volatile.Read(ref _ticks), DateTimeKind.Utc);
            set => Volatile.Write(ref _ticks, value.Kind == DateTimeKind.Utc ? value.Ticks : throw new ArgumentException("The clock is UTC: give a DateTime of kind Utc.", nameof(value)));
        }
    }
}
