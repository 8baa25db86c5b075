using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Lifecycle
{
    /// <summary>A rep the handoff may go to, with what routing needs to know.</summary>
    internal sealed class RoutingCandidate
    {
        public RoutingCandidate(Guid userId, string name, int sequence, int? openLeads)
        {
            UserId = userId;
            Name = name;
            Sequence = sequence;
            OpenLeads = openLeads;
        }

        public Guid UserId { get; }

        public string Name { get; }

        /// <summary>The round-robin position of the rep's last handoff (0: never).</summary>
        public int Sequence { get; }

        public int? OpenLeads { get; }
    }
}
