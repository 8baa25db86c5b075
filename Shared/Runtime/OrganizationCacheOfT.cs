using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Runtime
{
    /// <summary>
    /// Configuration read once and kept per organization for <see cref="MaxAge"/> of platform time (the operation's
    /// OperationCreatedOn), then read again; a clock that moved backwards also reloads. Thread-safe, as plug-in instances are
    /// shared by threads: the state is guarded by a lock, and loads run outside it.
    /// <para>
    /// Only committed configuration is kept. A plug-in cannot see its transaction commit, so a change is told in two steps:
    /// <list type="number">
    /// <item><see cref="Changing"/>, from the synchronous PostOperation step of the change, inside its transaction: the entry is
    /// dropped and the change is marked pending. While a change is pending, a load is used by the operation that made it but
    /// never kept, because it may have read the uncommitted change (a load in the same transaction does), and that transaction
    /// may still roll back.</item>
    /// <item><see cref="Committed"/>, from the asynchronous PostOperation step of the same change, which the platform queues
    /// only when the transaction commits: the pending mark is cleared and the entry dropped again, so the next load reads the
    /// committed configuration and is kept. A change that rolled back never gets here: its mark expires after
    /// <see cref="PendingLimit"/>, the platform's two-minute limit on a transaction, after which no transaction that could hold
    /// it is still open.</item>
    /// </list>
    /// Every change (either step) advances the organization's generation, and a load is kept only if the generation it began
    /// under is still current when it ends: a load that began before a change never overwrites what the change invalidated.
    /// </para>
    /// <para>
    /// All of it is per sandbox process. A process that runs neither step learns of a change when its entry ages out
    /// (<see cref="MaxAge"/>); a process that ran the synchronous step but not the asynchronous one (the platform may run the
    /// asynchronous step elsewhere) keeps reading without keeping until the mark expires, which costs one query per lookup for
    /// at most two minutes and is never wrong.
    /// </para>
    /// </summary>
    internal sealed class OrganizationCache<T>
        where T : class
    {
        /// <summary>
        /// How long a change is treated as possibly uncommitted, from the start of the operation that made it. "There's a hard
        /// 2-minute time limit for a Dataverse message operation to complete. This limit includes executing the intended message
        /// operation and all registered synchronous plug-ins", and past it the operation is rolled back (Microsoft Learn,
        /// <i>Analyze plug-in performance</i>, Time and resource constraints): after two minutes its transaction has ended.
        /// </summary>
        public static readonly TimeSpan PendingLimit = TimeSpan.FromMinutes(2);

        private readonly object _gate = new object();
        private readonly Dictionary<Guid, State> _states = new Dictionary<Guid, State>();

        public OrganizationCache(TimeSpan maxAge)
        {
            MaxAge = maxAge;
        }

        public TimeSpan MaxAge { get; }

        /// <summary>
        /// The cached value, or <paramref name="load"/>'s (which may be null: "none configured" is cached too). A loaded value is
        /// kept only when no change is pending and none happened while it loaded; <paramref name="notKept"/> hears why otherwise.
        /// </summary>
        public T? Get(Guid organizationId, DateTime now, Func<T?> load, Action<string>? notKept = null)
        {
            long generation;
            lock (_gate)
            {
                var state = StateOf(organizationId, now);
                if (state.HasValue && now >= state.LoadedAt && now - state.LoadedAt <= MaxAge)
                {
                    return state.Value;
                }

                generation = state.Generation;
            }

            var value = load();
            string? why = null;
            lock (_gate)
            {
                var state = StateOf(organizationId, now);
                if (state.Generation != generation)
                {
                    why = "the configuration changed while it was read";
                }
                else if (state.Pending.Count > 0)
                {
                    why = "a change of the configuration is not committed yet";
                }
                else
                {
                    state.Value = value;
                    state.HasValue = true;
                    state.LoadedAt = now;
                }
            }

            if (why != null)
            {
                notKept?.Invoke(why);
            }

            return value;
        }

        /// <summary>
        /// A change of the configuration is being saved (its synchronous PostOperation step, in its transaction): the entry is
        /// dropped and, until <see cref="Committed"/> with the same <paramref name="change"/> or <see cref="PendingLimit"/>, nothing loaded is kept.
        /// </summary>
        /// <param name="change">What identifies the change in both steps: its correlation id, table, row and message.</param>
        public void Changing(Guid organizationId, string change, DateTime now)
        {
            lock (_gate)
            {
                var state = StateOf(organizationId, now);
                state.Invalidate();
                state.Pending.Add(new KeyValuePair<string, DateTime>(change, now));
            }
        }

        /// <summary>The change committed (its asynchronous PostOperation step): its pending mark is cleared and the entry dropped.</summary>
        public void Committed(Guid organizationId, string change, DateTime now)
        {
            lock (_gate)
            {
                var state = StateOf(organizationId, now);
                state.Invalidate();
                var index = state.Pending.FindIndex(mark => mark.Key == change);
                if (index >= 0)
                {
                    state.Pending.RemoveAt(index);
                }
            }
        }

        /// <summary>Whether a change of the organization's configuration is pending in this process (for tests and traces).</summary>
        public bool IsPending(Guid organizationId, DateTime now)
        {
            lock (_gate)
            {
                return StateOf(organizationId, now).Pending.Count > 0;
            }
        }

        /// <summary>The organization's state, with the pending marks older than <see cref="PendingLimit"/> expired. Call under the lock.</summary>
        private State StateOf(Guid organizationId, DateTime now)
        {
            if (!_states.TryGetValue(organizationId, out var state))
            {
                state = new State();
                _states[organizationId] = state;
            }

            if (state.Pending.Any(mark => now - mark.Value > PendingLimit))
            {
                state.Pending.RemoveAll(mark => now - mark.Value > PendingLimit);
                state.Generation++;
            }

            return state;
        }

        /// <summary>One organization's entry, its generation and its pending changes. Guarded by the cache's lock.</summary>
        private sealed class State
        {
            public long Generation { get; set; }

            public bool HasValue { get; set; }

            public T? Value { get; set; }

            public DateTime LoadedAt { get; set; }

            /// <summary>Each change not known to be committed, with when it was saved.</summary>
            public List<KeyValuePair<string, DateTime>> Pending { get; } = new List<KeyValuePair<string, DateTime>>();

            public void Invalidate()
            {
                Generation++;
                HasValue = false;
                Value = null;
            }
        }
    }
}
