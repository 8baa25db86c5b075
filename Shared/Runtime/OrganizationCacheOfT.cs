using System;
using System.Collections.Concurrent;

namespace LeadAlign.Runtime
{
    /// <summary>
    /// Configuration read once and kept per organization for <see cref="MaxAge"/> of platform time (the operation's
    /// OperationCreatedOn), then read again; a clock that moved backwards also reloads. Thread-safe, as plug-in instances are
    /// shared by threads. <see cref="Invalidate"/> drops an organization's entry in this process when its configuration changes;
    /// other sandbox processes see the change when their entry ages out.
    /// </summary>
    internal sealed class OrganizationCache<T>
        where T : class
    {
        private readonly ConcurrentDictionary<Guid, Entry> _entries = new ConcurrentDictionary<Guid, Entry>();

        public OrganizationCache(TimeSpan maxAge)
        {
            MaxAge = maxAge;
        }

        public TimeSpan MaxAge { get; }

        /// <summary>The cached value, or <paramref name="load"/>'s (which may be null: "none configured" is cached too).</summary>
        public T? Get(Guid organizationId, DateTime now, Func<T?> load)
        {
            if (_entries.TryGetValue(organizationId, out var entry) && now >= entry.LoadedAt && now - entry.LoadedAt <= MaxAge)
            {
                return entry.Value;
            }

            var value = load();
            _entries[organizationId] = new Entry(value, now);
            return value;
        }

        public void Invalidate(Guid organizationId) => _entries.TryRemove(organizationId, out _);

        private sealed class Entry
        {
            public Entry(T? value, DateTime loadedAt)
            {
                Value = value;
                LoadedAt = loadedAt;
            }

            public T? Value { get; }

            public DateTime LoadedAt { get; }
        }
    }
}
