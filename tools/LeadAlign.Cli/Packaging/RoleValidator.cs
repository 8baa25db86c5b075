using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using LeadAlign.Dataverse.Metadata;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// Checks the solution's security roles (Roles/*.xml) against the privileges of its metadata, reporting each finding with
    /// its file and line: every privilege a role grants exists, spelled as the platform spells it (email's are prvReadActivity
    /// and its kin, not prvReadEmail), at a depth the platform allows for it (an organization-owned table's only at Global),
    /// and once.
    /// </summary>
    public sealed class RoleValidator
    {
        private static readonly string[] Levels = { "Basic", "Local", "Deep", "Global" };

        private static readonly AccessRight[] RightsByPrefixLength =
            Enum.GetValues<AccessRight>().OrderByDescending(right => right.ToString().Length).ToArray();

        private readonly string _solution;
        private readonly MetadataCatalog _metadata;

        public RoleValidator(string solutionFolder, MetadataCatalog metadata)
        {
            _solution = solutionFolder;
            _metadata = metadata;
        }

        public IReadOnlyList<string> Findings()
        {
            var findings = new List<string>();
            var folder = Path.Combine(_solution, "Roles");
            if (!Directory.Exists(folder))
            {
                return findings;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories).OrderBy(path => path, StringComparer.Ordinal))
            {
                var granted = new HashSet<string>(StringComparer.Ordinal);
                foreach (var element in XDocument.Load(file, LoadOptions.SetLineInfo).Descendants("RolePrivilege"))
                {
                    var name = (string?)element.Attribute("name") ?? string.Empty;
                    var level = (string?)element.Attribute("level") ?? string.Empty;
                    var finding = !granted.Add(name)
                        ? $"the role grants the privilege {name} twice."
                        : _metadata.Privilege(name) is { } privilege ? Depth(privilege, level) : Unknown(name);
                    if (finding != null)
                    {
                        findings.Add($"{Path.GetRelativePath(_solution, file).Replace('\\', '/')}:{((IXmlLineInfo)element).LineNumber}: {finding}");
                    }
                }
            }

            return findings;
        }

        private string? Depth(PrivilegeDefinition privilege, string level)
        {
            if (!Levels.Contains(level, StringComparer.Ordinal))
            {
                return $"the privilege {privilege.Name} has the level '{level}', which is not Basic, Local, Deep or Global.";
            }

            if (privilege.Allows(Enum.Parse<PrivilegeDepths>(level)))
            {
                return null;
            }

            return _metadata.Table(privilege.Table) is { Ownership: OwnershipTypes.OrganizationOwned }
                ? $"the privilege {privilege.Name} cannot be granted at {level}: {privilege.Table} is organization-owned, so its privileges exist only at Global."
                : $"the privilege {privilege.Name} cannot be granted at {level}: it exists only at {privilege.DepthList}.";
        }

        private string Unknown(string name)
        {
            if (_metadata.Privileges.FirstOrDefault(privilege => string.Equals(privilege.Name, name, StringComparison.OrdinalIgnoreCase)) is { } spelled)
            {
                return $"the privilege {name} does not exist: the platform writes it {spelled.Name}.";
            }

            foreach (var right in RightsByPrefixLength)
            {
                var prefix = "prv" + right;
                if (!name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var rest = name[prefix.Length..];
                var table = _metadata.Tables.FirstOrDefault(candidate =>
                    string.Equals(candidate.Name, rest, StringComparison.OrdinalIgnoreCase) || string.Equals(candidate.SchemaName, rest, StringComparison.OrdinalIgnoreCase));
                if (table == null)
                {
                    continue;
                }

                var privileges = _metadata.PrivilegesOf(table.Name).ToList();
                if (privileges.FirstOrDefault(privilege => privilege.AccessRight == right) is { } actual)
                {
                    return $"the privilege {name} does not exist: {table.Name}'s {right} privilege is {actual.Name}.";
                }

                return privileges.Count == 0
                    ? $"the privilege {name} does not exist: {table.Name} has no privileges of its own."
                    : table.Ownership == OwnershipTypes.OrganizationOwned
                        ? $"the privilege {name} does not exist: {table.Name} is organization-owned and has no {right} privilege."
                        : $"the privilege {name} does not exist: {table.Name} has no {right} privilege.";
            }

            return $"the privilege {name} names no table of the solution's metadata.";
        }
    }
}
