using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// Checks the solution's cloud flows (modern flows: Workflows/*.json.data.xml with Category 5 beside the definition
    /// Workflows/*.json, the export shape of microsoft/coe-starter-kit's CenterofExcellenceALMAccelerator/SolutionPackage/src/
    /// Workflows): the data file names its JSON file, which exists and parses; every connector action's connectionName is a
    /// key of the flow's connectionReferences, whose connectionReferenceLogicalName is declared in Other/ConnectionReferences.xml;
    /// and every Dataverse "Perform an unbound action" (operationId PerformUnboundAction) names a Custom API of the solution's
    /// customapis/ folder, with only parameters that API declares.
    /// </summary>
    public sealed class CloudFlowValidator
    {
        /// <summary>The Dataverse connector's operation that runs a Custom API or unbound action.</summary>
        public const string PerformUnboundAction = "PerformUnboundAction";

        /// <summary>The file, under Other/, that holds the solution's connection references (merged into customizations.xml).</summary>
        public const string ConnectionReferencesFile = "ConnectionReferences.xml";

        private readonly string _solution;

        public CloudFlowValidator(string solutionFolder)
        {
            _solution = solutionFolder;
        }

        /// <summary>The data files of the solution's cloud flows, in name order.</summary>
        public static IReadOnlyList<string> DataFiles(string solutionFolder)
        {
            var folder = Path.Combine(solutionFolder, "Workflows");
            return Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.json.data.xml").OrderBy(path => path, StringComparer.Ordinal).ToList()
                : new List<string>();
        }

        /// <summary>The connection reference logical names declared in Other/ConnectionReferences.xml.</summary>
        public static IReadOnlySet<string> ConnectionReferences(string solutionFolder)
        {
            var file = Path.Combine(solutionFolder, "Other", ConnectionReferencesFile);
            return File.Exists(file)
                ? XDocument.Load(file).Root!.Elements("connectionreference").Select(reference => (string?)reference.Attribute("connectionreferencelogicalname") ?? string.Empty).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
        }

        public IReadOnlyList<string> Findings()
        {
            var findings = new List<string>();
            var references = ConnectionReferences(_solution);
            var apis = CustomApiParameters();
            foreach (var dataFile in DataFiles(_solution))
            {
                var name = Path.GetRelativePath(_solution, dataFile).Replace('\\', '/');
                var workflow = XDocument.Load(dataFile).Root!;
                if ((string?)workflow.Element("Category") != "5")
                {
                    findings.Add($"{name}:{Line(dataFile, "<Category>")}: a cloud flow is a workflow of Category 5 (modern flow).");
                }

                var jsonName = ((string?)workflow.Element("JsonFileName") ?? string.Empty).TrimStart('/');
                var jsonFile = Path.Combine(_solution, jsonName.Replace('/', Path.DirectorySeparatorChar));
                if (jsonName.Length == 0 || !File.Exists(jsonFile))
                {
                    findings.Add($"{name}:{Line(dataFile, "<JsonFileName>")}: JsonFileName '{jsonName}' names no file of the solution.");
                    continue;
                }

                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(File.ReadAllText(jsonFile));
                }
                catch (JsonException malformed)
                {
                    findings.Add($"{jsonName}:{(malformed.LineNumber ?? 0) + 1}: the flow definition is not valid JSON ({malformed.Message}).");
                    continue;
                }

                using (document)
                {
                    CheckFlow(jsonName, File.ReadAllText(jsonFile), document.RootElement, references, apis, findings);
                }
            }

            return findings;
        }

        /// <summary>Every action of a definition, nested ones (in Until, Scope, If, Foreach) included, with its name.</summary>
        public static IEnumerable<KeyValuePair<string, JsonElement>> Actions(JsonElement actions)
        {
            if (actions.ValueKind != JsonValueKind.Object)
            {
                yield break;
            }

            foreach (var action in actions.EnumerateObject())
            {
                yield return new KeyValuePair<string, JsonElement>(action.Name, action.Value);
                foreach (var nested in new[] { "actions", "else" })
                {
                    if (action.Value.TryGetProperty(nested, out var inner))
                    {
                        var children = nested == "else" && inner.TryGetProperty("actions", out var elseActions) ? elseActions : inner;
                        foreach (var child in Actions(children))
                        {
                            yield return child;
                        }
                    }
                }
            }
        }

        private static void CheckFlow(string jsonName, string text, JsonElement root, IReadOnlySet<string> references, IReadOnlyDictionary<string, ISet<string>> apis, List<string> findings)
        {
            if (!root.TryGetProperty("properties", out var properties) || !properties.TryGetProperty("definition", out var definition))
            {
                findings.Add($"{jsonName}:1: the flow has no properties.definition.");
                return;
            }

            var connections = new Dictionary<string, string>(StringComparer.Ordinal);
            if (properties.TryGetProperty("connectionReferences", out var connectionReferences) && connectionReferences.ValueKind == JsonValueKind.Object)
            {
                foreach (var connection in connectionReferences.EnumerateObject())
                {
                    var logicalName = connection.Value.TryGetProperty("connection", out var target) && target.TryGetProperty("connectionReferenceLogicalName", out var logical) ? logical.GetString() ?? string.Empty : string.Empty;
                    connections[connection.Name] = logicalName;
                    if (!references.Contains(logicalName))
                    {
                        findings.Add($"{jsonName}:{Line(text, "\"" + logicalName + "\"")}: the connection '{connection.Name}' uses the connection reference '{logicalName}', which Other/{ConnectionReferencesFile} does not declare.");
                    }
                }
            }

            if (!definition.TryGetProperty("actions", out var actions))
            {
                return;
            }

            foreach (var action in Actions(actions))
            {
                if (!action.Value.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Object || !inputs.TryGetProperty("host", out var host))
                {
                    continue;
                }

                var connectionName = host.TryGetProperty("connectionName", out var connectionValue) ? connectionValue.GetString() ?? string.Empty : string.Empty;
                if (!connections.ContainsKey(connectionName))
                {
                    findings.Add($"{jsonName}:{Line(text, "\"" + action.Key + "\"")}: the action '{action.Key}' uses the connection '{connectionName}', which is not in the flow's connectionReferences.");
                }

                if (!host.TryGetProperty("operationId", out var operation) || operation.GetString() != PerformUnboundAction)
                {
                    continue;
                }

                var parameters = inputs.TryGetProperty("parameters", out var values) && values.ValueKind == JsonValueKind.Object ? values : default;
                var apiName = parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("actionName", out var actionName) ? actionName.GetString() ?? string.Empty : string.Empty;
                if (!apis.TryGetValue(apiName, out var declared))
                {
                    findings.Add($"{jsonName}:{Line(text, "\"" + apiName + "\"")}: the action '{action.Key}' runs '{apiName}', which is not a Custom API of the solution (customapis/).");
                    continue;
                }

                foreach (var parameter in parameters.EnumerateObject().Where(parameter => parameter.Name.StartsWith("item/", StringComparison.Ordinal)))
                {
                    if (!declared.Contains(parameter.Name["item/".Length..]))
                    {
                        findings.Add($"{jsonName}:{Line(text, "\"" + parameter.Name + "\"")}: the action '{action.Key}' passes '{parameter.Name["item/".Length..]}', which {apiName} does not declare.");
                    }
                }
            }
        }

        /// <summary>The 1-based line of the first occurrence of <paramref name="needle"/> in a file's text (or in the file a path names), or 1.</summary>
        private static int Line(string textOrPath, string needle)
        {
            var text = File.Exists(textOrPath) ? File.ReadAllText(textOrPath) : textOrPath;
            var at = text.IndexOf(needle, StringComparison.Ordinal);
            return at < 0 ? 1 : text.Take(at).Count(character => character == '\n') + 1;
        }

        /// <summary>Each Custom API of customapis/ with the unique names of its request parameters.</summary>
        private IReadOnlyDictionary<string, ISet<string>> CustomApiParameters()
        {
            var apis = new Dictionary<string, ISet<string>>(StringComparer.Ordinal);
            var folder = Path.Combine(_solution, "customapis");
            if (!Directory.Exists(folder))
            {
                return apis;
            }

            foreach (var apiFolder in Directory.EnumerateDirectories(folder))
            {
                var parameters = Path.Combine(apiFolder, "customapirequestparameters");
                apis[Path.GetFileName(apiFolder)] = Directory.Exists(parameters)
                    ? Directory.EnumerateDirectories(parameters).Select(Path.GetFileName).Select(name => name!).ToHashSet(StringComparer.Ordinal)
                    : new HashSet<string>(StringComparer.Ordinal);
            }

            return apis;
        }
    }
}
