using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using LeadAlign.Dataverse.Metadata;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// Checks the solution's field security profiles (<c>Other/FieldSecurityProfiles.xml</c>, the shape of the managed export
    /// meandtech2001/Apollo-HealthCare-Management-D365-CRM- @4af90e92) against its metadata, each finding with its file and line:
    /// a profile has a name and an id, once; each FieldPermission names a column of the metadata that is secured (IsSecured 1:
    /// a profile gives permissions on secured columns only, Microsoft Learn, "Column-level security"), once per profile; CanRead,
    /// CanCreate and CanUpdate are 4 (Allowed) or 0 (Not allowed); CanReadUnmasked is 0, as the PowerApps-Samples
    /// ColumnLevelSecurity sample requires until a masking rule is applied (LeadAlign ships none).
    /// </summary>
    public sealed class FieldSecurityProfileValidator
    {
        private static readonly string[] Permissions = { "CanRead", "CanCreate", "CanUpdate" };

        private readonly string _solution;
        private readonly MetadataCatalog _metadata;

        public FieldSecurityProfileValidator(string solutionFolder, MetadataCatalog metadata)
        {
            _solution = solutionFolder;
            _metadata = metadata;
        }

        public IReadOnlyList<string> Findings()
        {
            var findings = new List<string>();
            var file = Path.Combine(_solution, "Other", "FieldSecurityProfiles.xml");
            if (!File.Exists(file))
            {
                return findings;
            }

            var root = XDocument.Load(file, LoadOptions.SetLineInfo).Root!;
            void Add(XElement element, string finding) =>
                findings.Add($"{Path.GetRelativePath(_solution, file).Replace('\\', '/')}:{((IXmlLineInfo)element).LineNumber}: {finding}");

            if (root.Name.LocalName != "FieldSecurityProfiles")
            {
                Add(root, $"the root element is {root.Name.LocalName}; an unpacked solution's field security profiles are a FieldSecurityProfiles element.");
                return findings;
            }

            var ids = new HashSet<Guid>();
            foreach (var profile in root.Elements("FieldSecurityProfile"))
            {
                var name = (string?)profile.Attribute("name");
                if (string.IsNullOrWhiteSpace(name))
                {
                    Add(profile, "a FieldSecurityProfile has no name.");
                }

                if (!Guid.TryParse((string?)profile.Attribute("fieldsecurityprofileid"), out var id))
                {
                    Add(profile, $"the profile '{name}' has no fieldsecurityprofileid.");
                }
                else if (!ids.Add(id))
                {
                    Add(profile, $"the profile id {id} is given twice.");
                }

                var columns = new HashSet<string>(StringComparer.Ordinal);
                foreach (var permission in profile.Element("FieldPermissions")?.Elements("FieldPermission") ?? Enumerable.Empty<XElement>())
                {
                    var table = ((string?)permission.Element("EntityName"))?.Trim().ToLowerInvariant() ?? string.Empty;
                    var column = ((string?)permission.Element("AttributeName"))?.Trim().ToLowerInvariant() ?? string.Empty;
                    var definition = _metadata.Table(table)?.Column(column);
                    if (definition == null)
                    {
                        Add(permission, $"the profile '{name}' gives permissions on {table}.{column}, which does not exist.");
                    }
                    else if (!definition.IsSecured)
                    {
                        Add(permission, $"the profile '{name}' gives permissions on {table}.{column}, which is not secured: set IsSecured to 1 in its Entity.xml.");
                    }

                    if (!columns.Add(table + "." + column))
                    {
                        Add(permission, $"the profile '{name}' names {table}.{column} twice.");
                    }

                    foreach (var element in Permissions)
                    {
                        var value = ((string?)permission.Element(element))?.Trim();
                        if (value is not ("0" or "4"))
                        {
                            Add(permission, $"the profile '{name}' gives {table}.{column} {element} = '{value}'; a field permission is 4 (Allowed) or 0 (Not allowed).");
                        }
                    }

                    if (((string?)permission.Element("CanReadUnmasked"))?.Trim() is { } unmasked && unmasked != "0")
                    {
                        Add(permission, $"the profile '{name}' gives {table}.{column} CanReadUnmasked = '{unmasked}'; it must be 0 while the column has no masking rule.");
                    }
                }
            }

            return findings;
        }
    }
}
