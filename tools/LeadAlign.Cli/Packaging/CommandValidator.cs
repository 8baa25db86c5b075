using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Registration;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// The command rules of <c>leadalign validate</c>, over each table's commands (Entities/&lt;table&gt;/RibbonDiff.xml, where
    /// SolutionPackager unpacks a table's &lt;RibbonDiffXml&gt;) and the scripts they run, each finding as <c>file:line: message</c>:
    /// <list type="bullet">
    /// <item>every JavaScriptFunction's Library ($webresource:&lt;name&gt;) is a web resource of the solution, and its FunctionName (a
    /// dotted path such as LeadAlign.LeadCommands.acceptFromForm) is defined in that script;</item>
    /// <item>every Custom API a script calls (a request built as <c>boundRequest("&lt;api&gt;", id, { Param: { typeName: … } })</c>,
    /// or an <c>operationName: "&lt;api&gt;"</c> of a prefixed name) exists in customapis/, bound to the table when the request is
    /// bound; every parameter it sends is a request parameter of the API whose Web API type matches, and it sends every required one;</item>
    /// <item>every EntityPrivilegeRule names a table and a privilege type the organization has, every MiscellaneousPrivilegeRule
    /// a privilege the organization has; a command's DisplayRule, EnableRule and a button's $LocLabels are defined in the file
    /// (rules of the platform's own, Mscrm.*, excepted).</item>
    /// </list>
    /// </summary>
    public sealed class CommandValidator
    {
        public const string RibbonFile = "RibbonDiff.xml";

        private const string WebResourcePrefix = "$webresource:";

        /// <summary>The Web API (Edm) type of each Custom API parameter type, as the Custom API tables reference on Microsoft Learn lists them.</summary>
        private static readonly IReadOnlyDictionary<CustomApiFieldType, string> EdmTypes = new Dictionary<CustomApiFieldType, string>
        {
            [CustomApiFieldType.Boolean] = "Edm.Boolean",
            [CustomApiFieldType.DateTime] = "Edm.DateTimeOffset",
            [CustomApiFieldType.Decimal] = "Edm.Decimal",
            [CustomApiFieldType.Float] = "Edm.Double",
            [CustomApiFieldType.Integer] = "Edm.Int32",
            [CustomApiFieldType.Money] = "Edm.Decimal",
            [CustomApiFieldType.Picklist] = "Edm.Int32",
            [CustomApiFieldType.String] = "Edm.String",
            [CustomApiFieldType.Guid] = "Edm.Guid",
        };

        private static readonly Regex BoundRequest = new(@"boundRequest\(\s*""(?<api>[^""]+)""\s*,", RegexOptions.CultureInvariant);

        private static readonly Regex OperationName = new(@"operationName\s*:\s*""(?<api>[A-Za-z0-9]+_[A-Za-z0-9]+)""", RegexOptions.CultureInvariant);

        private static readonly Regex TypeName = new(@"typeName\s*:\s*""(?<type>[^""]+)""", RegexOptions.CultureInvariant);

        private readonly string _solution;
        private readonly MetadataCatalog _metadata;

        public CommandValidator(string solutionFolder, MetadataCatalog metadata)
        {
            _solution = solutionFolder;
            _metadata = metadata;
        }

        public IReadOnlyList<string> Findings()
        {
            var findings = new List<string>();
            var webResources = WebResourceFiles.FromFolder(_solution).ToDictionary(webResource => webResource.Name, StringComparer.OrdinalIgnoreCase);
            var apis = CustomApiDefinition.FromSolutionFolder(_solution).ToDictionary(api => api.UniqueName, StringComparer.Ordinal);
            var scripts = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in RibbonFiles())
            {
                var table = Path.GetFileName(Path.GetDirectoryName(file)!).ToLowerInvariant();
                var document = XDocument.Load(file, LoadOptions.SetLineInfo);
                CheckFunctions(file, document, webResources, scripts, findings);
                CheckRules(file, document, findings);
                CheckReferences(file, document, findings);
                foreach (var script in scripts.Where(webResources.ContainsKey))
                {
                    CheckCalls(webResources[script], table, apis, findings);
                }

                scripts.Clear();
            }

            return findings;
        }

        private void CheckFunctions(string file, XDocument document, IReadOnlyDictionary<string, WebResourceFile> webResources, ISet<string> scripts, List<string> findings)
        {
            foreach (var function in document.Descendants().Where(element => element.Name.LocalName is "JavaScriptFunction" or "CustomRule"))
            {
                var library = (string?)function.Attribute("Library") ?? string.Empty;
                var name = (string?)function.Attribute("FunctionName") ?? string.Empty;
                if (!library.StartsWith(WebResourcePrefix, StringComparison.Ordinal))
                {
                    findings.Add(SolutionFinding.At(_solution, file, function, $"the command's Library '{library}' is not a web resource ($webresource:<name>)."));
                    continue;
                }

                var resource = library[WebResourcePrefix.Length..];
                if (!webResources.TryGetValue(resource, out var webResource))
                {
                    // A platform library (Main_system_library.js and its kin) is not in the solution: only the solution's own are checked.
                    if (resource.StartsWith("la_", StringComparison.Ordinal))
                    {
                        findings.Add(SolutionFinding.At(_solution, file, function, $"the command calls {name} in the web resource {resource}, which the solution does not have."));
                    }

                    continue;
                }

                scripts.Add(resource);
                var text = File.Exists(webResource.ContentFile) ? File.ReadAllText(webResource.ContentFile) : string.Empty;
                if (!Defines(text, name))
                {
                    findings.Add(SolutionFinding.At(_solution, file, function, $"the command calls {name}, which {resource} does not define."));
                }
            }
        }

        /// <summary>Whether the script defines the dotted function: its first part assigned or declared, its last defined as a function.</summary>
        private static bool Defines(string script, string dottedName)
        {
            var parts = dottedName.Split('.');
            if (parts.Length == 0 || parts.Any(part => !Regex.IsMatch(part, @"^[A-Za-z_$][A-Za-z0-9_$]*$")))
            {
                return false;
            }

            var root = Regex.Escape(parts[0]);
            var last = Regex.Escape(parts[^1]);
            var rootDefined = parts.Length == 1 || Regex.IsMatch(script, $@"(\bvar|\blet|\bconst|\bwindow\.)\s*{root}\b|^\s*{root}\s*=", RegexOptions.Multiline);
            var functionDefined = Regex.IsMatch(script, $@"\bfunction\s+{last}\s*\(|\b{last}\s*[:=]\s*(async\s+)?function\b|\b{last}\s*[:=]\s*(async\s*)?\([^)]*\)\s*=>");
            return rootDefined && functionDefined;
        }

        private void CheckCalls(WebResourceFile script, string table, IReadOnlyDictionary<string, CustomApiDefinition> apis, List<string> findings)
        {
            var text = File.ReadAllText(script.ContentFile);
            var where = SolutionFinding.Relative(_solution, script.ContentFile);
            foreach (Match call in BoundRequest.Matches(text))
            {
                var name = call.Groups["api"].Value;
                var line = Line(text, call.Index);
                if (!apis.TryGetValue(name, out var api))
                {
                    findings.Add($"{where}:{line}: the script calls the Custom API {name}, which is not in customapis/.");
                    continue;
                }

                if (api.BindingType != 1 || !string.Equals(api.BoundEntity, table, StringComparison.Ordinal))
                {
                    findings.Add($"{where}:{line}: the script calls {name} bound to {table}, but the API is {(api.BindingType == 1 ? "bound to " + api.BoundEntity : "not bound to a table")}.");
                }

                var sent = SentParameters(text, call.Index + call.Length);
                foreach (var (parameter, edmType) in sent)
                {
                    var declared = api.RequestParameters.FirstOrDefault(candidate => candidate.UniqueName == parameter);
                    if (declared == null)
                    {
                        findings.Add($"{where}:{line}: the script sends {name} the parameter {parameter}, which the API does not declare.");
                    }
                    else if (!EdmTypes.TryGetValue(declared.Type, out var expected) || expected != edmType)
                    {
                        findings.Add($"{where}:{line}: the script sends {name}.{parameter} as {edmType}, but the parameter is a {declared.Type} ({(EdmTypes.TryGetValue(declared.Type, out var type) ? type : "no primitive Web API type")}).");
                    }
                }

                foreach (var missing in api.RequestParameters.Where(parameter => !parameter.IsOptional && !sent.Any(pair => pair.Name == parameter.UniqueName)))
                {
                    findings.Add($"{where}:{line}: the script calls {name} without its required parameter {missing.UniqueName}.");
                }
            }

            foreach (Match operation in OperationName.Matches(text))
            {
                if (!apis.ContainsKey(operation.Groups["api"].Value))
                {
                    findings.Add($"{where}:{Line(text, operation.Index)}: the script calls the Custom API {operation.Groups["api"].Value}, which is not in customapis/.");
                }
            }
        }

        /// <summary>
        /// The parameters of a boundRequest call, from the text after its first argument: the top-level keys of its third argument (an
        /// object literal), each with the typeName its value gives.
        /// </summary>
        private static List<(string Name, string EdmType)> SentParameters(string text, int afterApi)
        {
            var parameters = new List<(string Name, string EdmType)>();
            var depth = 0;
            var open = -1;
            for (var index = afterApi; index < text.Length; index++)
            {
                var character = text[index];
                if (character == ')' && depth == 0)
                {
                    break;
                }

                if (character == '{')
                {
                    if (depth == 0)
                    {
                        open = index;
                    }

                    depth++;
                }
                else if (character == '}')
                {
                    depth--;
                    if (depth == 0 && open >= 0)
                    {
                        var body = text.Substring(open + 1, index - open - 1);
                        foreach (Match entry in Regex.Matches(body, @"(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*\{(?<value>[^{}]*)\}"))
                        {
                            var type = TypeName.Match(entry.Groups["value"].Value);
                            parameters.Add((entry.Groups["name"].Value, type.Success ? type.Groups["type"].Value : "(no typeName)"));
                        }

                        break;
                    }
                }
            }

            return parameters;
        }

        private void CheckRules(string file, XDocument document, List<string> findings)
        {
            foreach (var rule in document.Descendants("EntityPrivilegeRule"))
            {
                var table = (string?)rule.Attribute("EntityName");
                var type = (string?)rule.Attribute("PrivilegeType");
                if (table == null || _metadata.Table(table) == null)
                {
                    findings.Add(SolutionFinding.At(_solution, file, rule, $"the privilege rule names the table {table ?? "(none)"}, which does not exist."));
                }
                else if (!Enum.TryParse<AccessRight>(type, out var right) || !_metadata.PrivilegesOf(table).Any(privilege => privilege.AccessRight == right))
                {
                    findings.Add(SolutionFinding.At(_solution, file, rule, $"the privilege rule asks for {type ?? "(no PrivilegeType)"} on {table}, a privilege the organization does not have."));
                }
            }

            foreach (var rule in document.Descendants("MiscellaneousPrivilegeRule"))
            {
                var name = (string?)rule.Attribute("PrivilegeName");
                if (name == null || _metadata.Privilege(name) == null)
                {
                    findings.Add(SolutionFinding.At(_solution, file, rule, $"the privilege rule names the privilege {name ?? "(none)"}, which the organization does not have."));
                }
            }
        }

        private void CheckReferences(string file, XDocument document, List<string> findings)
        {
            var definitions = document.Root?.Element("RuleDefinitions");
            var displayRules = definitions?.Element("DisplayRules")?.Elements("DisplayRule").Select(rule => (string?)rule.Attribute("Id")).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string?>();
            var enableRules = definitions?.Element("EnableRules")?.Elements("EnableRule").Select(rule => (string?)rule.Attribute("Id")).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string?>();
            var labels = document.Root?.Element("LocLabels")?.Elements("LocLabel").Select(label => (string?)label.Attribute("Id")).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string?>();
            var commands = document.Root?.Element("CommandDefinitions")?.Elements("CommandDefinition").Select(command => (string?)command.Attribute("Id")).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string?>();
            foreach (var command in document.Root?.Element("CommandDefinitions")?.Elements("CommandDefinition") ?? Enumerable.Empty<XElement>())
            {
                CheckIds(file, command.Element("DisplayRules")?.Elements("DisplayRule"), displayRules, "display rule", findings);
                CheckIds(file, command.Element("EnableRules")?.Elements("EnableRule"), enableRules, "enable rule", findings);
            }

            foreach (var button in document.Descendants("Button"))
            {
                var command = (string?)button.Attribute("Command");
                if (command != null && !command.StartsWith("Mscrm.", StringComparison.Ordinal) && !commands.Contains(command))
                {
                    findings.Add(SolutionFinding.At(_solution, file, button, $"the button {(string?)button.Attribute("Id")} runs the command {command}, which the file does not define."));
                }

                foreach (var attribute in button.Attributes().Where(attribute => attribute.Value.StartsWith("$LocLabels:", StringComparison.Ordinal)))
                {
                    var label = attribute.Value["$LocLabels:".Length..];
                    if (!labels.Contains(label))
                    {
                        findings.Add(SolutionFinding.At(_solution, file, button, $"the button's {attribute.Name.LocalName} names the label {label}, which LocLabels does not define."));
                    }
                }
            }
        }

        private void CheckIds(string file, IEnumerable<XElement>? references, ISet<string?> defined, string what, List<string> findings)
        {
            foreach (var reference in references ?? Enumerable.Empty<XElement>())
            {
                var id = (string?)reference.Attribute("Id");
                if (id != null && !id.StartsWith("Mscrm.", StringComparison.Ordinal) && !defined.Contains(id))
                {
                    findings.Add(SolutionFinding.At(_solution, file, reference, $"the command uses the {what} {id}, which RuleDefinitions does not define."));
                }
            }
        }

        private IEnumerable<string> RibbonFiles()
        {
            var entities = Path.Combine(_solution, "Entities");
            return Directory.Exists(entities)
                ? Directory.EnumerateFiles(entities, RibbonFile, SearchOption.AllDirectories).OrderBy(file => file, StringComparer.Ordinal)
                : Enumerable.Empty<string>();
        }

        private static int Line(string text, int index) => text.Take(index).Count(character => character == '\n') + 1;
    }
}
