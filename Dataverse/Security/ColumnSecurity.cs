using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Security
{
    /// <summary>
    /// Column security as the platform enforces it (Microsoft Learn, "Column-level security"; the PowerApps-Samples
    /// ColumnLevelSecurity sample): a secured column (<c>IsSecured</c>) is read, set on create or changed on update only by a user
    /// whom a field security profile, theirs or a team's, allows; System Administrators and SYSTEM always may. A column the user
    /// may not read is left out of what Retrieve and RetrieveMultiple return (the sample: it "appears null"); a create or update
    /// that sends one the user may not set is refused before any step runs, with the platform's fault. What a plug-in puts in the
    /// Target in PreValidation or PreOperation is not checked: the check is on the request as the caller sent it (D. Yack,
    /// "Working with Field Level Security from a Plugin", 2012: a pre-operation plug-in may set a secured column whatever the
    /// caller's rights; a create made from a plug-in with the user's service is refused).
    /// </summary>
    internal sealed class ColumnSecurity
    {
        private readonly MetadataCatalog _metadata;
        private readonly Func<Guid, UserAccess?> _userOf;
        private readonly Dictionary<Guid, FieldSecurityProfile> _profiles = new();
        private readonly Dictionary<Guid, HashSet<Guid>> _members = new();

        public ColumnSecurity(MetadataCatalog metadata, IEnumerable<FieldSecurityProfile> profiles, Func<Guid, UserAccess?> userOf)
        {
            _metadata = metadata;
            _userOf = userOf;
            foreach (var profile in profiles)
            {
                Declare(profile);
            }
        }

        /// <summary>The profiles of the organization: the solution's and those tests declared.</summary>
        public IReadOnlyCollection<FieldSecurityProfile> Profiles => _profiles.Values;

        /// <summary>Adds a profile, or replaces the one with its id.</summary>
        public void Declare(FieldSecurityProfile profile) => _profiles[profile.Id] = profile;

        /// <summary>The profile named <paramref name="name"/>.</summary>
        public FieldSecurityProfile Profile(string name) =>
            _profiles.Values.FirstOrDefault(profile => profile.Name == name)
            ?? throw new ArgumentException($"No field security profile is named '{name}': the solution's Other/FieldSecurityProfiles.xml has none, and no test declared one.", nameof(name));

        /// <summary>Makes a user or a team (<paramref name="principalId"/>) a member of the profile: a team's members get its permissions.</summary>
        public void AddMember(Guid profileId, Guid principalId)
        {
            if (!_members.TryGetValue(profileId, out var members))
            {
                _members[profileId] = members = new HashSet<Guid>();
            }

            members.Add(principalId);
        }

        /// <summary>
        /// Refuses a Create or Update whose <paramref name="target"/>, as the caller sent it, sets a secured column the caller may not
        /// set (create) or change (update). A null on Create sets nothing and is not checked.
        /// </summary>
        public void RequireWrite(Guid userId, Entity target, bool create)
        {
            if (_metadata.Table(target.LogicalName) is not { } table || !table.Columns.Any(column => column.IsSecured) || _userOf(userId) is not { IsSystemAdministrator: false } user)
            {
                return;
            }

            foreach (var attribute in target.Attributes)
            {
                if (table.Column(attribute.Key) is not { IsSecured: true } column || (create && attribute.Value == null))
                {
                    continue;
                }

                var permissions = PermissionsOf(user, table.Name, column.Name).ToList();
                if (!permissions.Any(permission => create ? permission.CanCreate : permission.CanUpdate))
                {
                    throw ColumnSecurityFaults.CannotWrite(userId, table, column, create);
                }
            }
        }

        /// <summary>The row without the secured columns the user may not read (the row itself when they may read them all).</summary>
        public Entity Readable(Guid userId, Entity row)
        {
            if (_metadata.Table(row.LogicalName) is not { } table || !table.Columns.Any(column => column.IsSecured) || _userOf(userId) is not { IsSystemAdministrator: false } user)
            {
                return row;
            }

            foreach (var column in table.Columns.Where(column => column.IsSecured && row.Contains(column.Name)).ToList())
            {
                if (!PermissionsOf(user, table.Name, column.Name).Any(permission => permission.CanRead))
                {
                    row.Attributes.Remove(column.Name);
                    row.FormattedValues.Remove(column.Name);
                }
            }

            return row;
        }

        /// <summary>The rows of a query's result without the secured columns the user may not read, aliased columns of linked tables included.</summary>
        public EntityCollection Readable(Guid userId, EntityCollection rows)
        {
            if (_userOf(userId) is not { IsSystemAdministrator: false } user)
            {
                return rows;
            }

            foreach (var row in rows.Entities)
            {
                Readable(userId, row);
                foreach (var aliased in row.Attributes.Where(attribute => attribute.Value is AliasedValue).ToList())
                {
                    var value = (AliasedValue)aliased.Value;
                    if (value.EntityLogicalName != null && value.AttributeLogicalName != null
                        && _metadata.Table(value.EntityLogicalName)?.Column(value.AttributeLogicalName) is { IsSecured: true }
                        && !PermissionsOf(user, value.EntityLogicalName, value.AttributeLogicalName).Any(permission => permission.CanRead))
                    {
                        row.Attributes.Remove(aliased.Key);
                        row.FormattedValues.Remove(aliased.Key);
                    }
                }
            }

            return rows;
        }

        private IEnumerable<FieldPermission> PermissionsOf(UserAccess user, string table, string column) =>
            _members.Where(members => members.Value.Contains(user.UserId) || members.Value.Overlaps(user.Teams))
                .Select(members => _profiles.TryGetValue(members.Key, out var profile) ? profile.On(table, column) : null)
                .OfType<FieldPermission>();
    }
}
