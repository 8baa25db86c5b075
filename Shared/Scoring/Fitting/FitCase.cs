using System;
using System.Collections.Generic;

namespace LeadAlign.Scoring.Fitting
{
    /// <summary>
    /// One lead in the fit: its rule hits at the moment it became MQL (or when it was last scored), by rule key, in units. A fit
    /// rule that matched is 1; an engagement rule is its (decayed, capped) points divided by the rule's points, so 2.5 is two and a
    /// half activities' worth. A rule not in <see cref="Hits"/> did not fire.
    /// </summary>
    internal sealed class FitCase
    {
        public FitCase(IReadOnlyDictionary<Guid, double> hits, bool reached, bool accepted, DateTime on)
            : this(hits, reached, accepted, on, handedOff: true)
        {
        }

        public FitCase(IReadOnlyDictionary<Guid, double> hits, bool reached, bool accepted, DateTime on, bool handedOff)
        {
            Hits = hits ?? throw new ArgumentNullException(nameof(hits));
            Reached = reached;
            Accepted = accepted;
            On = on;
            HandedOff = handedOff;
        }

        /// <summary>Units per rule key; a rule absent or at 0 did not fire.</summary>
        public IReadOnlyDictionary<Guid, double> Hits { get; }

        /// <summary>The outcome fitted: the lead reached SQL (or was won).</summary>
        public bool Reached { get; }

        /// <summary>The lead reached SAL: sales accepted it.</summary>
        public bool Accepted { get; }

        /// <summary>When the lead became MQL, or was last scored.</summary>
        public DateTime On { get; }

        /// <summary>The lead became an MQL, so whether sales accepted it (<see cref="Accepted"/>) is known.</summary>
        public bool HandedOff { get; }

        /// <summary>The units of rule <paramref name="key"/> for this lead; 0 when it did not fire.</summary>
        public double UnitsOf(Guid key) => Hits.TryGetValue(key, out var units) ? units : 0;
    }
}
