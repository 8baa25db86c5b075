using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>
    /// One table privilege as the platform defines it: its name, the access right it grants, the depths a role may grant it
    /// at, and the tables it governs. Most privileges govern one table; the activity privileges (prvReadActivity, …) govern
    /// activitypointer and every activity table, custom activity tables included.
    /// </summary>
    public sealed class PrivilegeDefinition
    {
        public PrivilegeDefinition(string name, AccessRight accessRight, PrivilegeDepths depths, IEnumerable<string> tables)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            AccessRight = accessRight;
            Depths = depths;
            Tables = (tables ?? throw new ArgumentNullException(nameof(tables))).ToList();
            if (Tables.Count == 0)
            {
                throw new ArgumentException($"The privilege {name} governs no table.", nameof(tables));
            }
        }

        public string Name { get; }

        public AccessRight AccessRight { get; }

        /// <summary>Every depth a role may grant this privilege at.</summary>
        public PrivilegeDepths Depths { get; }

        /// <summary>The table the privilege belongs to: the first of <see cref="Tables"/> (activitypointer for the activity privileges).</summary>
        public string Table => Tables[0];

        public IReadOnlyList<string> Tables { get; }

        /// <summary>True when a role may grant the privilege at <paramref name="depth"/>.</summary>
        public bool Allows(PrivilegeDepths depth) => depth != PrivilegeDepths.None && (Depths & depth) == depth;

        /// <summary>The same privilege, governing <paramref name="table"/> too.</summary>
        public PrivilegeDefinition WithTable(string table) =>
            Tables.Contains(table, StringComparer.Ordinal) ? this : new PrivilegeDefinition(Name, AccessRight, Depths, Tables.Append(table));

        /// <summary>The depths as a role file writes them: "Basic, Local, Deep, Global", or "Global".</summary>
        public string DepthList => string.Join(", ", new[] { PrivilegeDepths.Basic, PrivilegeDepths.Local, PrivilegeDepths.Deep, PrivilegeDepths.Global }.Where(depth => (Depths & depth) != 0));
    }
}
