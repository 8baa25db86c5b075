using System;

namespace LeadAlign.Dataverse.Organization
{
    /// <summary>
    /// "Now" for the organization, UTC. It moves only when set or advanced: every operation takes its time from it (createdon,
    /// modifiedon, OperationCreatedOn, workflow waits), so time-dependent logic can be tested at any moment.
    /// </summary>
    internal sealed class OrganizationClock
    {
        private DateTime _utcNow;

        public OrganizationClock(DateTime start)
        {
            UtcNow = start;
        }

        public DateTime UtcNow
        {
            get => _utcNow;
            set => _utcNow = value.Kind == DateTimeKind.Utc ? value : throw new ArgumentException("The clock is UTC: give a DateTime of kind Utc.", nameof(value));
        }
    }
}
