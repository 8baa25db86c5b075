using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Security
{
    /// <summary>
    /// Security roles as the platform enforces them, when the organization's <see cref="DataverseOptions.EnforceSecurityRoles"/> is on.
    /// A user holds the roles associated with them (systemuserroles) and their teams' roles; each privilege counts at the deepest
    /// depth any of those grants. A row is reached at Basic when the user or their team owns it, Local in their business unit,
    /// Deep in a unit below it, Global anywhere. SYSTEM passes every check. Off, nothing is checked.
    /// </summary>
    internal sealed class AccessChecker
    {
        private readonly RecordStore _store;
        private readonly MetadataCatalog _metadata;
        private readonly Guid _systemUserId;
        private readonly Guid _rootBusinessUnitId;
        private readonly Dictionary<string, SecurityRole> _roles = new(StringComparer.Ordinal);
        private readonly Dictionary<Guid, HashSet<Guid>> _teamRoles = new();

        public AccessChecker(bool enabled, RecordStore store, MetadataCatalog metadata, Guid systemUserId, Guid rootBusinessUnitId, IEnumerable<SecurityRole> roles, IEnumerable<FieldSecurityProfile> profiles)
        {
            Enabled = enabled;
            Columns = new ColumnSecurity(metadata, profiles, userId => Checks(userId) ? For(userId) : null);
            _store = store;
            _metadata = metadata;
            _systemUserId = systemUserId;
            _rootBusinessUnitId = rootBusinessUnitId;
            Declare(SecurityRole.SystemAdministrator(metadata));
            foreach (var role in roles)
            {
                Declare(role);
            }
        }

        public bool Enabled { get; }

        /// <summary>Column security: secured columns, field security profiles and their members, checked with the same users.</summary>
        public ColumnSecurity Columns { get; }

        public void Declare(SecurityRole role) => _roles[role.Name] = role;

        public SecurityRole Role(string name) =>
            _roles.TryGetValue(name, out var role) ? role : throw new ArgumentException($"No role is named '{name}': the solution's Roles folder has none, and no test declared one.", nameof(name));

        /// <summary>The team's members hold <paramref name="roleId"/> through it.</summary>
        public void AssignToTeam(Guid teamId, Guid roleId)
        {
            if (!_teamRoles.TryGetValue(teamId, out var roles))
            {
                _teamRoles[teamId] = roles = new HashSet<Guid>();
            }

            roles.Add(roleId);
        }

        /// <summary>Whether <paramref name="userId"/> is checked at all: not when enforcement is off, nor for SYSTEM.</summary>
        public bool Checks(Guid userId) => Enabled && userId != _systemUserId;

        /// <summary>
        /// Fails with the platform's fault unless the user holds the privilege of <paramref name="right"/> on <paramref name="table"/>
        /// at a depth that reaches <paramref name="row"/> (any depth when there is no row yet, as for Create). A table without a
        /// privilege of its own (an intersect table, activityparty) is not checked.
        /// </summary>
        public void Require(Guid userId, AccessRight right, string table, Entity? row)
        {
            if (!Checks(userId) || PrivilegeFor(table, right) is not { } privilege)
            {
                return;
            }

            var user = For(userId);
            var granted = user.Granted(privilege.Name);
            var needed = row == null ? PrivilegeDepths.Basic : user.DepthNeeded(row);
            if (granted == PrivilegeDepths.None)
            {
                throw PrivilegeFaults.Missing(user, privilege, _metadata.RequireTable(table), needed);
            }

            if (granted < needed)
            {
                throw PrivilegeFaults.TooShallow(user, privilege, _metadata.RequireTable(table), row!, granted, needed);
            }
        }

        /// <summary>
        /// Whether the user's roles grant the privilege of <paramref name="right"/> on <paramref name="row"/>'s table at a depth that
        /// reaches it, as RetrievePrincipalAccess answers: without a fault. Unchecked users (SYSTEM, enforcement off) hold every right.
        /// </summary>
        public bool Holds(Guid userId, AccessRight right, Entity row)
        {
            if (!Checks(userId) || PrivilegeFor(row.LogicalName, right) is not { } privilege)
            {
                return true;
            }

            var user = For(userId);
            var granted = user.Granted(privilege.Name);
            return granted != PrivilegeDepths.None && granted >= user.DepthNeeded(row);
        }

        /// <summary>
        /// A Custom API's execute privilege (its customapi.xml executeprivilegename): the caller must hold it at any depth, or the
        /// call is refused with the platform's missing-privilege fault before its plug-in runs.
        /// </summary>
        public void RequireExecute(Guid userId, string privilegeName)
        {
            if (!Checks(userId))
            {
                return;
            }

            var privilege = _metadata.Privilege(privilegeName)
                ?? throw DataverseFault.Invalid($"The execute privilege {privilegeName} is no privilege of the organization.");
            var user = For(userId);
            if (user.Granted(privilege.Name) == PrivilegeDepths.None)
            {
                throw PrivilegeFaults.Missing(user, privilege, _metadata.RequireTable(privilege.Tables.First()), PrivilegeDepths.Basic);
            }
        }

        /// <summary>
        /// The new row's owner on Create: the user (or their team) may create rows they own with the Create privilege alone; a row
        /// for another owner needs Assign at the depth that reaches that owner's rows.
        /// </summary>
        public void RequireOwner(Guid userId, string table, EntityReference? owner)
        {
            if (!Checks(userId) || owner == null || For(userId).Owns(owner))
            {
                return;
            }

            var unit = _store.Read(owner.LogicalName, owner.Id, row => row.GetAttributeValue<EntityReference>("businessunitid") is { } bu ? new EntityReference(bu.LogicalName, bu.Id) : null, null);
            var ownedRow = new Entity(table) { ["ownerid"] = owner, ["owningbusinessunit"] = unit };
            Require(userId, AccessRight.Assign, table, ownedRow);
        }

        /// <summary>
        /// The lookups a Create or Update writes (Lookup and Customer columns; the owner is Assign's): the user needs Append on the
        /// row being written (<paramref name="written"/>, the stored row of an Update; null for a Create, whose owner is checked by
        /// <see cref="RequireOwner"/>) and AppendTo on every row a lookup refers to, at the depth that reaches it.
        /// </summary>
        public void RequireAppend(Guid userId, Entity target, Entity? written)
        {
            if (!Checks(userId) || _metadata.Table(target.LogicalName) is not { } table)
            {
                return;
            }

            var references = target.Attributes
                .Where(attribute => attribute.Value is EntityReference && table.Column(attribute.Key)?.Type is AttributeTypeCode.Lookup or AttributeTypeCode.Customer)
                .Select(attribute => (EntityReference)attribute.Value)
                .ToList();
            if (references.Count == 0)
            {
                return;
            }

            Require(userId, AccessRight.Append, table.Name, written);
            foreach (var reference in references)
            {
                if (_store.Get(reference.LogicalName, reference.Id) is { } referenced)
                {
                    Require(userId, AccessRight.AppendTo, reference.LogicalName, referenced);
                }
            }
        }

        /// <summary>The rows of <paramref name="table"/> the user can read; the rest are left out silently, as RetrieveMultiple leaves them.</summary>
        public Func<string, IEnumerable<Entity>> Readable(Guid userId, Func<string, IEnumerable<Entity>> rowsOf)
        {
            var readable = ReadableFilter(userId);
            return table => readable(table, rowsOf(table));
        }

        /// <summary>
        /// A filter keeping, of rows of a table, those the user can read (the user's access worked out once, for one query's many
        /// reads: its table, its links, its index seeks).
        /// </summary>
        public Func<string, IEnumerable<Entity>, IEnumerable<Entity>> ReadableFilter(Guid userId)
        {
            if (!Checks(userId))
            {
                return (_, rows) => rows;
            }

            var user = For(userId);
            return (table, rows) =>
            {
                if (PrivilegeFor(table, AccessRight.Read) is not { } privilege)
                {
                    return rows;
                }

                var granted = user.Granted(privilege.Name);
                return granted == PrivilegeDepths.Global ? rows
                    : granted == PrivilegeDepths.None ? Enumerable.Empty<Entity>()
                    : rows.Where(row => user.DepthNeeded(row) <= granted);
            };
        }

        /// <summary>The user's business unit, the units below it, their teams and the depth of every privilege their roles grant.</summary>
        public UserAccess For(Guid userId)
        {
            var unit = _store.Read("systemuser", userId, row => row.GetAttributeValue<EntityReference>("businessunitid")?.Id, null) ?? _rootBusinessUnitId;
            var teams = _store.Rows("teammembership").Where(row => row.GetAttributeValue<Guid>("systemuserid") == userId).Select(row => row.GetAttributeValue<Guid>("teamid")).ToHashSet();
            var roleIds = _store.Rows("systemuserroles").Where(row => row.GetAttributeValue<Guid>("systemuserid") == userId).Select(row => row.GetAttributeValue<Guid>("roleid")).ToList();
            roleIds.AddRange(teams.SelectMany(team => _teamRoles.TryGetValue(team, out var roles) ? roles : Enumerable.Empty<Guid>()));
            var granted = new Dictionary<string, PrivilegeDepths>(StringComparer.Ordinal);
            var held = roleIds.Distinct().Select(RoleOfRow).OfType<SecurityRole>().ToList();
            foreach (var role in held)
            {
                foreach (var privilege in role.Privileges)
                {
                    granted[privilege.Key] = granted.TryGetValue(privilege.Key, out var depth) && depth > privilege.Value ? depth : privilege.Value;
                }
            }

            return new UserAccess(userId, unit, ChildUnitsOf(unit), teams, roleIds.Distinct().Count(), granted, held.Any(role => role.Name == SecurityRole.SystemAdministratorName));
        }

        private SecurityRole? RoleOfRow(Guid roleId)
        {
            var name = _store.Read("role", roleId, row => row.GetAttributeValue<string>("name"), null);
            return name != null && _roles.TryGetValue(name, out var role) ? role : _roles.Values.FirstOrDefault(declared => declared.Id == roleId);
        }

        private HashSet<Guid> ChildUnitsOf(Guid unit)
        {
            var children = _store.Rows("businessunit")
                .Where(row => row.GetAttributeValue<EntityReference>("parentbusinessunitid") != null)
                .ToLookup(row => row.GetAttributeValue<EntityReference>("parentbusinessunitid").Id, row => row.Id);
            var below = new HashSet<Guid>();
            var pending = new Queue<Guid>(children[unit]);
            while (pending.Count > 0)
            {
                var next = pending.Dequeue();
                if (below.Add(next))
                {
                    foreach (var child in children[next])
                    {
                        pending.Enqueue(child);
                    }
                }
            }

            return below;
        }

        private PrivilegeDefinition? PrivilegeFor(string table, AccessRight right) =>
            _metadata.Table(table) == null ? null : _metadata.PrivilegesOf(table).FirstOrDefault(privilege => privilege.AccessRight == right);
    }
}
