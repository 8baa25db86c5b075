using System;
using System.Globalization;
using System.Threading;

namespace LeadAlign.Dataverse.Organization
{
    /// <summary>
    /// Deterministic ids and row versions: the ids of one organization are <c>00000000-0000-4000-8000-000000000001</c>, then 2, ...,
    /// so two runs of a scenario produce the same rows (on one thread; threads share the sequence safely, in the order they ask). Organization ids are unique in the process, so caches keyed by organization
    /// (as plug-ins key them) never mix two test organizations.
    /// </summary>
    internal sealed class IdSequence
    {
        private static long _organizations;
        private long _nextId;
        private long _nextVersion = 1000;

        /// <summary>The next organization's id, unique in the process.</summary>
        public static Guid NextOrganizationId() =>
            new(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-a000-{Interlocked.Increment(ref _organizations):D12}"));

        public Guid NewId()
        {
            var next = Interlocked.Increment(ref _nextId);
            return new Guid(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{next:D12}"));
        }

        /// <summary>The next row version (versionnumber): every write changes it.</summary>
        public long NextVersion() => Interlocked.Increment(ref _nextVersion);
    }
}
