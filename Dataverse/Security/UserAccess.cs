using System;
using System.Collections.Generic;
using LeadAlign.Dataverse.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Security
{
    /// <summary>
    /// What one user may do, worked out once per request: their business unit and the units below it, their teams, and for each
    /// privilege the deepest depth any of their roles (their own and their teams') grants it at.
    /// </summary>
    internal sealed class UserAccess
    {
        private readonly IReadOnlyDictionary<string, PrivilegeDepths> _granted;

        public UserAccess(Guid userId, Guid businessUnitId, IReadOnlySet<Guid> childUnits, IReadOnlySet<Guid> teams, int roleCount, IReadOnlyDictionary<string, PrivilegeDepths> granted, bool isSystemAdministrator = false)
        {
            UserId = userId;
            BusinessUnitId = businessUnitId;
            ChildUnits = childUnits;
            Teams = teams;
            RoleCount = roleCount;
            _granted = granted;
            IsSystemAdministrator = isSystemAdministrator;
        }

        /// <summary>Whether the user holds System Administrator (their own or a team's): column security never hides a column from them.</summary>
        public bool IsSystemAdministrator { get; }

        public Guid UserId { get; }

        public Guid BusinessUnitId { get; }

        /// <summary>The business units below the user's, at any level (Deep reaches them; Local does not).</summary>
        public IReadOnlySet<Guid> ChildUnits { get; }

        public IReadOnlySet<Guid> Teams { get; }

        /// <summary>How many roles the user holds, their teams' included (the fault's roleCount).</summary>
        public int RoleCount { get; }

        /// <summary>The depth the user's roles grant <paramref name="privilege"/> at; None when none grants it.</summary>
        public PrivilegeDepths Granted(string privilege) => _granted.TryGetValue(privilege, out var depth) ? depth : PrivilegeDepths.None;

        /// <summary>Whether the user, or a team of theirs, owns the row (the principal <paramref name="owner"/>).</summary>
        public bool Owns(EntityReference? owner) => owner != null && (owner.Id == UserId || Teams.Contains(owner.Id));

        /// <summary>
        /// The depth a privilege must have for this user to reach <paramref name="row"/>: Basic for a row they or their team own, Local
        /// for a row of their business unit, Deep for a row of a unit below it, Global for any other row (and for a row of an
        /// organization-owned table, which has no business unit).
        /// </summary>
        public PrivilegeDepths DepthNeeded(Entity row)
        {
            if (Owns(row.GetAttributeValue<EntityReference>("ownerid")))
            {
                return PrivilegeDepths.Basic;
            }

            var unit = UnitOf(row);
            return unit == null ? PrivilegeDepths.Global
                : unit == BusinessUnitId ? PrivilegeDepths.Local
                : ChildUnits.Contains(unit.Value) ? PrivilegeDepths.Deep
                : PrivilegeDepths.Global;
        }

        /// <summary>The business unit a row belongs to: its owningbusinessunit (businessunitid for users, teams and roles; itself for a unit).</summary>
        public static Guid? UnitOf(Entity row) =>
            row.GetAttributeValue<EntityReference>("owningbusinessunit")?.Id
            ?? row.GetAttributeValue<EntityReference>("businessunitid")?.Id
            ?? (row.LogicalName == "businessunit" ? row.Id : null);
    }
}
