using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// The rules of <c>leadalign validate</c> that keep every shipped component in the shape a real Dataverse export has, each
    /// finding as <c>file:line: message</c>:
    /// <list type="bullet">
    /// <item>Other/Solution.xml lists exactly the root components of <see cref="SolutionComponents"/>, with their behaviours;</item>
    /// <item>every Yes/No (bit) column carries its local option set: OptionSetType bit, the options 1 and 0 with their labels
    /// (Apollo-HealthCare-Management export, commit 4af90e9294495d736f1f1087e206d1b997e8bfa9, Entities/SystemUser/Entity.xml);</item>
    /// <item>every table the solution creates carries the system columns a real export carries for its ownership (same commit,
    /// Entities/apollo_Reward/Entity.xml, user-owned, and Entities/apollo_InsuranceClaim/Entity.xml, organization-owned);</item>
    /// <item>Custom API files have no empty elements, their folders are named by unique name, and their elements are the ones
    /// a real export writes, in its (alphabetical) order (PowerApps-Samples, commit 3297c082f229b0fd37220b5cb1d8d662aecc0d92,
    /// dataverse/orgsvc/CSharp/IsSystemAdminCustomAPI/IsSystemAdminFunction_1_0_0_0_managed.zip and
    /// dataverse/orgsvc/CSharp/ExportDataUsingFetchXmlToAnnotation/ExportDataUsingFetchXmlToAnnotation_1_0_0_0_managed.zip).</item>
    /// </list>
    /// </summary>
    public sealed class ExportShapeRules
    {
        /// <summary>The system columns a real export carries for every table a solution creates, whatever its ownership.</summary>
        public static readonly IReadOnlyList<string> SystemColumns = new[]
        {
            "createdby", "createdon", "createdonbehalfby", "importsequencenumber", "modifiedby", "modifiedon", "modifiedonbehalfby",
            "overriddencreatedon", "statecode", "statuscode", "timezoneruleversionnumber", "utcconversiontimezonecode",
        };

        /// <summary>The further system columns of a user- or team-owned table.</summary>
        public static readonly IReadOnlyList<string> UserOwnedColumns = new[] { "ownerid", "owningbusinessunit", "owningteam", "owninguser" };

        /// <summary>The further system column of an organization-owned table.</summary>
        public static readonly IReadOnlyList<string> OrganizationOwnedColumns = new[] { "organizationid" };

        private static readonly IReadOnlyDictionary<string, (string[] Elements, string[] Required)> CustomApiElements = new Dictionary<string, (string[], string[])>(StringComparer.Ordinal)
        {
            ["customapi"] = (
                new[] { "allowedcustomprocessingsteptype", "bindingtype", "boundentitylogicalname", "description", "displayname", "executeprivilegename", "iscustomizable", "isfunction", "isprivate", "name", "plugintypeid", "workflowsdkstepenabled" },
                new[] { "allowedcustomprocessingsteptype", "bindingtype", "description", "displayname", "iscustomizable", "isfunction", "isprivate", "name", "workflowsdkstepenabled" }),
            ["customapirequestparameter"] = (
                new[] { "description", "displayname", "iscustomizable", "isoptional", "logicalentityname", "name", "type" },
                new[] { "description", "displayname", "iscustomizable", "isoptional", "name", "type" }),
            ["customapiresponseproperty"] = (
                new[] { "description", "displayname", "iscustomizable", "logicalentityname", "name", "type" },
                new[] { "description", "displayname", "iscustomizable", "name", "type" }),
        };

        private readonly string _solution;
        private readonly IReadOnlyList<string> _assemblies;

        public ExportShapeRules(string solutionFolder, IEnumerable<string> assemblies)
        {
            _solution = solutionFolder;
            _assemblies = assemblies.ToList();
        }

        public IReadOnlyList<string> Findings()
        {
            var findings = new List<string>();
            findings.AddRange(RootComponentsFile.Differences(_solution, SolutionComponents.FromFolder(_solution, _assemblies), compareAssemblies: _assemblies.Count > 0));
            foreach (var file in Files("Entities", "Entity.xml"))
            {
                var document = XDocument.Load(file, LoadOptions.SetLineInfo);
                CheckBitColumns(file, document, findings);
                CheckSystemColumns(file, document, findings);
            }

            CheckCustomApis(findings);
            return findings;
        }

        private void CheckBitColumns(string file, XDocument document, List<string> findings)
        {
            foreach (var attribute in document.Descendants("attribute").Where(attribute => (string?)attribute.Element("Type") == "bit"))
            {
                var column = (string?)attribute.Element("LogicalName") ?? (string?)attribute.Attribute("PhysicalName");
                var optionSet = attribute.Element("optionset");
                if (optionSet == null)
                {
                    findings.Add(SolutionFinding.At(_solution, file, attribute, $"the Yes/No column {column} has no <optionset> with its two options: a real export writes OptionSetType bit with the options 1 and 0 and their labels."));
                    continue;
                }

                if ((string?)optionSet.Element("OptionSetType") != "bit")
                {
                    findings.Add(SolutionFinding.At(_solution, file, optionSet, $"the option set of the Yes/No column {column} is not of OptionSetType bit."));
                }

                var options = optionSet.Element("options")?.Elements("option").ToList() ?? new List<XElement>();
                var values = options.Select(option => (string?)option.Attribute("value")).ToList();
                if (!values.OrderBy(value => value, StringComparer.Ordinal).SequenceEqual(new[] { "0", "1" }))
                {
                    findings.Add(SolutionFinding.At(_solution, file, optionSet, $"the Yes/No column {column} has the options {string.Join(", ", values)}; it needs exactly 1 (true) and 0 (false)."));
                }

                foreach (var option in options.Where(option => string.IsNullOrWhiteSpace(option.Element("labels")?.Elements("label").Select(label => (string?)label.Attribute("description")).FirstOrDefault())))
                {
                    findings.Add(SolutionFinding.At(_solution, file, option, $"the option {(string?)option.Attribute("value")} of the Yes/No column {column} has no label."));
                }
            }
        }

        private void CheckSystemColumns(string file, XDocument document, List<string> findings)
        {
            var entity = document.Root?.Element("EntityInfo")?.Element("entity");
            var name = ((string?)entity?.Attribute("Name"))?.ToLowerInvariant();
            if (entity == null || name == null || !SolutionComponents.IsCustomTable(name) || (string?)entity.Element("IsActivity") == "1")
            {
                return;
            }

            var ownership = (string?)entity.Element("OwnershipTypeMask");
            var required = SystemColumns.Concat(ownership is "OrgOwned" or "OrganizationOwned" ? OrganizationOwnedColumns : UserOwnedColumns);
            var present = entity.Element("attributes")?.Elements("attribute").Select(attribute => ((string?)attribute.Element("LogicalName") ?? string.Empty).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal)
                ?? new HashSet<string>(StringComparer.Ordinal);
            var missing = required.Where(column => !present.Contains(column)).ToList();
            if (missing.Count > 0)
            {
                findings.Add(SolutionFinding.At(_solution, file, entity.Element("attributes") ?? entity, $"the table {name} lacks the system columns a real export carries for it: {string.Join(", ", missing)}."));
            }
        }

        private void CheckCustomApis(List<string> findings)
        {
            foreach (var file in Files("customapis", "*.xml"))
            {
                var document = XDocument.Load(file, LoadOptions.SetLineInfo);
                var root = document.Root!;
                if (!CustomApiElements.TryGetValue(root.Name.LocalName, out var shape))
                {
                    continue;
                }

                var uniqueName = (string?)root.Attribute("uniquename");
                var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
                if (!string.Equals(folder, uniqueName, StringComparison.Ordinal))
                {
                    findings.Add(SolutionFinding.At(_solution, file, root, $"the {root.Name.LocalName} {uniqueName} is in the folder {folder}: a real export names the folder by its unique name, {uniqueName}."));
                }

                foreach (var empty in root.Descendants().Where(element => !element.HasAttributes && !element.HasElements && string.IsNullOrWhiteSpace(element.Value)))
                {
                    findings.Add(SolutionFinding.At(_solution, file, empty, $"the empty <{empty.Name.LocalName}> element: a real export omits an element that has no value."));
                }

                var names = root.Elements().Select(element => element.Name.LocalName).ToList();
                foreach (var unknown in root.Elements().Where(element => !shape.Elements.Contains(element.Name.LocalName)))
                {
                    findings.Add(SolutionFinding.At(_solution, file, unknown, $"<{unknown.Name.LocalName}> is not an element a real export writes in {root.Name.LocalName}.xml."));
                }

                foreach (var absent in shape.Required.Where(required => !names.Contains(required)))
                {
                    findings.Add(SolutionFinding.At(_solution, file, root, $"the {root.Name.LocalName} {uniqueName} has no <{absent}>, which a real export always writes."));
                }

                var known = names.Where(shape.Elements.Contains).ToList();
                var outOfOrder = known.Zip(known.Skip(1)).FirstOrDefault(pair => string.CompareOrdinal(pair.First, pair.Second) >= 0);
                if (outOfOrder != default)
                {
                    findings.Add(SolutionFinding.At(_solution, file, root.Element(outOfOrder.Second)!, $"<{outOfOrder.Second}> comes after <{outOfOrder.First}>: a real export writes the elements of {root.Name.LocalName}.xml in alphabetical order."));
                }

                if (root.Name.LocalName == "customapi")
                {
                    var bound = ((string?)root.Element("bindingtype"))?.Trim() is "1" or "2";
                    if (bound && root.Element("boundentitylogicalname") == null)
                    {
                        findings.Add(SolutionFinding.At(_solution, file, root.Element("bindingtype") ?? root, $"the Custom API {uniqueName} is bound but names no <boundentitylogicalname>."));
                    }
                    else if (!bound && root.Element("boundentitylogicalname") is { } unbound && !string.IsNullOrWhiteSpace(unbound.Value))
                    {
                        findings.Add(SolutionFinding.At(_solution, file, unbound, $"the Custom API {uniqueName} is global (bindingtype 0) but names a bound table."));
                    }
                }
            }
        }

        private IEnumerable<string> Files(string folder, string pattern)
        {
            var path = Path.Combine(_solution, folder);
            return Directory.Exists(path) ? Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories).OrderBy(file => file, StringComparer.Ordinal) : Enumerable.Empty<string>();
        }
    }
}
