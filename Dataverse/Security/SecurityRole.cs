using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse.Metadata;

namespace LeadAlign.Dataverse.Security
{
    /// <summary>
    /// A security role: its name, its id, and the depth at which it grants each privilege (by the privilege's name, as
    /// <see cref="MetadataCatalog.Privilege"/> knows it). The solution's roles come from <c>Roles/*.xml</c>
    /// (<c>&lt;RolePrivilege name="prvReadLead" level="Local" /&gt;</c>); a test declares its own with the constructor.
    /// </summary>
    public sealed class SecurityRole
    {
        /// <summary>The platform's role every organization has: every privilege at the deepest depth it allows.</summary>
        public const string SystemAdministratorName = "System Administrator";

        public SecurityRole(string name, Guid id, IReadOnlyDictionary<string, PrivilegeDepths> privileges)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Id = id;
            Privileges = privileges ?? throw new ArgumentNullException(nameof(privileges));
            foreach (var privilege in privileges)
            {
                if (privilege.Value is not (PrivilegeDepths.Basic or PrivilegeDepths.Local or PrivilegeDepths.Deep or PrivilegeDepths.Global))
                {
                    throw new ArgumentException($"The role '{name}' grants {privilege.Key} at {privilege.Value}: a role grants a privilege at one depth, Basic, Local, Deep or Global.", nameof(privileges));
                }
            }
        }

        public string Name { get; }

        public Guid Id { get; }

        /// <summary>The depth of each privilege the role grants, by privilege name.</summary>
        public IReadOnlyDictionary<string, PrivilegeDepths> Privileges { get; }

        /// <summary>A role with a stable id derived from its name.</summary>
        public static SecurityRole Declare(string name, IReadOnlyDictionary<string, PrivilegeDepths> privileges) =>
            new(name, MetadataCatalog.NameId("role:" + name), privileges);

        /// <summary>System Administrator: every privilege of the catalog at the deepest depth it allows (Global for all but a few).</summary>
        public static SecurityRole SystemAdministrator(MetadataCatalog metadata)
        {
            ArgumentNullException.ThrowIfNull(metadata);
            return Declare(SystemAdministratorName, metadata.Privileges.ToDictionary(privilege => privilege.Name, privilege => Deepest(privilege.Depths), StringComparer.Ordinal));
        }

        /// <summary>The roles of an unpacked solution's <c>Roles/*.xml</c>: each <c>Role</c>'s id and name, and its RolePrivileges.</summary>
        public static IReadOnlyList<SecurityRole> FromSolutionFolder(string solutionFolder)
        {
            var folder = Path.Combine(solutionFolder, "Roles");
            if (!Directory.Exists(folder))
            {
                return Array.Empty<SecurityRole>();
            }

            var roles = new List<SecurityRole>();
            foreach (var file in Directory.GetFiles(folder, "*.xml").OrderBy(path => path, StringComparer.Ordinal))
            {
                var root = XDocument.Load(file).Root ?? throw new InvalidOperationException($"{file}: the role file is empty.");
                var name = (string?)root.Attribute("name") ?? throw new InvalidOperationException($"{file}: the Role has no name.");
                var id = Guid.Parse((string?)root.Attribute("id") ?? throw new InvalidOperationException($"{file}: the Role '{name}' has no id."));
                var privileges = new Dictionary<string, PrivilegeDepths>(StringComparer.Ordinal);
                foreach (var privilege in root.Descendants("RolePrivilege"))
                {
                    var level = (string?)privilege.Attribute("level");
                    privileges[(string?)privilege.Attribute("name") ?? string.Empty] = Enum.TryParse<PrivilegeDepths>(level, out var depth)
                        ? depth
                        : throw new InvalidOperationException($"{file}: the Role '{name}' grants a privilege at level '{level}', which is not Basic, Local, Deep or Global.");
                }

                roles.Add(new SecurityRole(name, id, privileges));
            }

            return roles;
        }

        private static PrivilegeDepths Deepest(PrivilegeDepths depths) =>
            new[] { PrivilegeDepths.Global, PrivilegeDepths.Deep, PrivilegeDepths.Local, PrivilegeDepths.Basic }.First(depth => (depths & depth) != 0);
    }
}
