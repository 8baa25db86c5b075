using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse.Metadata;

namespace LeadAlign.Dataverse.Security
{
    /// <summary>
    /// A field security profile: its name, its id and its permissions on secured columns. The solution's come from
    /// <c>Other/FieldSecurityProfiles.xml</c>, the file <c>pac solution unpack</c> writes (a <c>FieldSecurityProfile</c> with
    /// <c>name</c>, <c>fieldsecurityprofileid</c> and <c>FieldPermissions/FieldPermission</c> rows of EntityName, AttributeName,
    /// CanRead, CanUpdate, CanCreate, CanReadUnmasked, as in the managed export meandtech2001/Apollo-HealthCare-Management-D365-CRM-
    /// @4af90e92, <c>Other/FieldSecurityProfiles.xml</c>); a test declares its own with the constructor. Members (users and teams)
    /// are never in a solution: an admin adds them in the organization (<see cref="InMemoryDataverse.AddFieldSecurityProfileMember"/>).
    /// </summary>
    public sealed class FieldSecurityProfile
    {
        /// <summary>The value of CanRead, CanCreate and CanUpdate that allows (the fieldpermission choice's Allowed); 0 is Not allowed.</summary>
        public const int Allowed = 4;

        public FieldSecurityProfile(string name, Guid id, IEnumerable<FieldPermission> permissions)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Id = id;
            Permissions = (permissions ?? throw new ArgumentNullException(nameof(permissions)))
                .ToDictionary(permission => Key(permission.Table, permission.Column), StringComparer.Ordinal);
        }

        public string Name { get; }

        public Guid Id { get; }

        /// <summary>The profile's permission on each column it names, by <c>table.column</c> (logical names).</summary>
        public IReadOnlyDictionary<string, FieldPermission> Permissions { get; }

        /// <summary>The profile's permission on the column, or null when it names none (which allows nothing).</summary>
        public FieldPermission? On(string table, string column) => Permissions.TryGetValue(Key(table, column), out var permission) ? permission : null;

        /// <summary>A profile with a stable id derived from its name.</summary>
        public static FieldSecurityProfile Declare(string name, IEnumerable<FieldPermission> permissions) =>
            new(name, MetadataCatalog.NameId("fieldsecurityprofile:" + name), permissions);

        /// <summary>The profiles of an unpacked solution's <c>Other/FieldSecurityProfiles.xml</c>; none when it has no such file.</summary>
        public static IReadOnlyList<FieldSecurityProfile> FromSolutionFolder(string solutionFolder)
        {
            var file = Path.Combine(solutionFolder, "Other", "FieldSecurityProfiles.xml");
            return File.Exists(file) ? FromXml(XDocument.Load(file, LoadOptions.SetLineInfo).Root, file) : Array.Empty<FieldSecurityProfile>();
        }

        /// <summary>The profiles of a <c>FieldSecurityProfiles</c> element (the unpacked file's root, or customizations.xml's element).</summary>
        public static IReadOnlyList<FieldSecurityProfile> FromXml(XElement? root, string source)
        {
            if (root == null || root.Name.LocalName != "FieldSecurityProfiles")
            {
                throw new InvalidOperationException($"{source}: the root element must be FieldSecurityProfiles.");
            }

            return root.Elements("FieldSecurityProfile").Select(profile =>
            {
                var name = (string?)profile.Attribute("name") ?? throw new InvalidOperationException($"{source}: a FieldSecurityProfile has no name.");
                var id = Guid.TryParse((string?)profile.Attribute("fieldsecurityprofileid"), out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{source}: the FieldSecurityProfile '{name}' has no fieldsecurityprofileid.");
                var permissions = profile.Element("FieldPermissions")?.Elements("FieldPermission").Select(permission => new FieldPermission(
                    Required(permission, "EntityName", source, name).ToLowerInvariant(),
                    Required(permission, "AttributeName", source, name).ToLowerInvariant(),
                    Permission(permission, "CanRead", source, name),
                    Permission(permission, "CanCreate", source, name),
                    Permission(permission, "CanUpdate", source, name))) ?? Enumerable.Empty<FieldPermission>();
                return new FieldSecurityProfile(name, id, permissions);
            }).ToList();
        }

        private static string Key(string table, string column) => table + "." + column;

        private static string Required(XElement permission, string element, string source, string profile) =>
            ((string?)permission.Element(element))?.Trim() is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException($"{source}: a FieldPermission of the profile '{profile}' has no {element}.");

        private static bool Permission(XElement permission, string element, string source, string profile) =>
            ((string?)permission.Element(element))?.Trim() switch
            {
                "4" => true,
                "0" or null => false,
                var other => throw new InvalidOperationException($"{source}: the profile '{profile}' gives {element} = '{other}'; a field permission is 4 (Allowed) or 0 (Not allowed)."),
            };
    }
}
