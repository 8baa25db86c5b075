using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Dataverse.Workflows;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// Checks an unpacked solution against its own metadata and the built assemblies, reporting each finding with its file
    /// and line: every step's table, filtering attributes and image columns exist; every step's plug-in type, every workflow's
    /// activity and every Custom API's plug-in type exist in the assemblies; every view and chart names existing columns; every
    /// form fits the metadata (<see cref="FormValidator"/>), and every view (<see cref="ViewValidator"/>); every web resource is complete and self-contained and every web resource control names one (<see cref="WebResourceValidator"/>);
    /// every cloud flow parses and calls only the solution's Custom APIs (<see cref="CloudFlowValidator"/>).
    /// </summary>
    public sealed class SolutionValidator
    {
        private readonly string _solution;
        private readonly MetadataCatalog _metadata;
        private readonly HashSet<string> _types;
        private readonly IReadOnlyList<string> _assemblies;

        public SolutionValidator(string solutionFolder, IEnumerable<string> assemblies)
        {
            _solution = solutionFolder;
            _metadata = MetadataCatalog.ForSolution(solutionFolder);
            _assemblies = assemblies.ToList();
            _types = _assemblies.SelectMany(TypeNames).ToHashSet(StringComparer.Ordinal);
        }

        public IReadOnlyList<string> Findings()
        {
            var findings = new List<string>();
            foreach (var file in Files("SdkMessageProcessingSteps", "*.xml"))
            {
                CheckStep(file, findings);
            }

            foreach (var file in Files("AppModuleSiteMaps", "*.xml"))
            {
                foreach (var subArea in Load(file).Descendants("SubArea").Where(subArea => subArea.Attribute("Entity") != null))
                {
                    if (_metadata.Table((string)subArea.Attribute("Entity")!) == null)
                    {
                        findings.Add(SolutionFinding.At(_solution, file, subArea, $"the site map names the table {(string)subArea.Attribute("Entity")!}, which does not exist."));
                    }
                }
            }

            foreach (var file in Files("Dashboards", "*.xml"))
            {
                foreach (var target in Load(file).Descendants("TargetEntityType"))
                {
                    if (_metadata.Table(target.Value) == null)
                    {
                        findings.Add(SolutionFinding.At(_solution, file, target, $"the dashboard shows the table {target.Value}, which does not exist."));
                    }
                }
            }

            findings.AddRange(new WebResourceValidator(_solution).Findings());
            findings.AddRange(new RoleValidator(_solution, _metadata).Findings());
            findings.AddRange(new FieldSecurityProfileValidator(_solution, _metadata).Findings());
            findings.AddRange(new CloudFlowValidator(_solution).Findings());
            findings.AddRange(new FormValidator(_solution, _metadata).Findings());
            findings.AddRange(new ViewValidator(_solution, _metadata).Findings());
            findings.AddRange(new CommandValidator(_solution, _metadata).Findings());

            foreach (var file in Files("customapis", "customapi.xml"))
            {
                var document = Load(file);
                var api = CustomApiDefinition.FromFolder(Path.GetDirectoryName(file)!);
                if (api.PluginTypeIdValue == null || !_types.Any(type => CustomApiDefinition.PluginTypeId(type) == api.PluginTypeIdValue))
                {
                    findings.Add(SolutionFinding.At(_solution, file, document.Root!.Element("plugintypeid") ?? document.Root!, $"the Custom API {api.UniqueName} names plug-in type {api.PluginTypeIdValue}, which no built assembly holds."));
                }
            }

            foreach (var file in Files("Workflows", "*.xaml.data.xml"))
            {
                // The same loader the in-memory Dataverse runs: it refuses what a workflow host could not load.
                var loadError = WorkflowDefinition.FromDataFile(file).LoadError(CustomActivityType);
                if (loadError != null)
                {
                    var fileEnd = loadError.IndexOf(".xaml:", StringComparison.Ordinal) + ".xaml".Length;
                    findings.Add(fileEnd < ".xaml".Length ? loadError : Path.GetRelativePath(_solution, loadError[..fileEnd]).Replace('\\', '/') + loadError[fileEnd..]);
                }
            }

            foreach (var file in Files("Workflows", "*.xaml"))
            {
                var document = Load(file);
                // The platform calls a custom activity through an ActivityReference naming it by assembly-qualified name.
                foreach (var reference in document.Descendants().Where(element => element.Name.LocalName == "ActivityReference"))
                {
                    var qualifiedName = (string?)reference.Attribute("AssemblyQualifiedName") ?? string.Empty;
                    var type = qualifiedName.Split(',')[0].Trim();
                    if (type.StartsWith("LeadAlign.", StringComparison.Ordinal) && !_types.Contains(type))
                    {
                        findings.Add(SolutionFinding.At(_solution, file, reference, $"the workflow calls {type}, which no built assembly holds."));
                    }
                }

                foreach (var property in document.Descendants().Where(element => element.Name.LocalName == "GetEntityProperty"))
                {
                    CheckColumn(file, property, (string?)property.Attribute("EntityName"), (string?)property.Attribute("Attribute"), findings);
                }
            }

            foreach (var entityFolder in Directory.Exists(Path.Combine(_solution, "Entities")) ? Directory.EnumerateDirectories(Path.Combine(_solution, "Entities")).OrderBy(path => path, StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                var table = Path.GetFileName(entityFolder).ToLowerInvariant();
                foreach (var file in Directory.EnumerateFiles(entityFolder, "*.xml", SearchOption.AllDirectories).Where(path => Path.GetFileName(path) != "Entity.xml" && !FormValidator.IsForm(entityFolder, path)).OrderBy(path => path, StringComparer.Ordinal))
                {
                    var document = Load(file);
                    foreach (var control in document.Descendants("control").Where(control => control.Attribute("datafieldname") != null))
                    {
                        CheckColumn(file, control, table, (string?)control.Attribute("datafieldname"), findings);
                    }

                    foreach (var cell in document.Descendants("cell").Where(cell => cell.Attribute("name") != null && cell.Parent?.Name.LocalName == "row"))
                    {
                        CheckColumn(file, cell, table, (string?)cell.Attribute("name"), findings);
                    }

                    foreach (var fetchEntity in document.Descendants("entity").Where(entity => entity.Parent?.Name.LocalName == "fetch"))
                    {
                        CheckFetch(file, fetchEntity, (string?)fetchEntity.Attribute("name"), findings);
                    }
                }
            }

            findings.AddRange(new ExportShapeRules(_solution, _assemblies).Findings());
            return findings;
        }

        private void CheckStep(string file, List<string> findings)
        {
            var document = Load(file);
            var root = document.Root!;
            var step = StepRegistration.FromXml(document, file);
            if (!_types.Contains(step.PluginTypeFullName))
            {
                findings.Add(SolutionFinding.At(_solution, file, root.Element("PluginTypeName") ?? root, $"the step's plug-in type {step.PluginTypeFullName} is not in the built assemblies."));
            }

            if (step.PrimaryEntity == "none")
            {
                return;
            }

            if (_metadata.Table(step.PrimaryEntity) == null)
            {
                findings.Add(SolutionFinding.At(_solution, file, root.Element("PrimaryEntity") ?? root, $"the step's table {step.PrimaryEntity} does not exist."));
                return;
            }

            foreach (var column in step.FilteringAttributes)
            {
                CheckColumn(file, root.Element("FilteringAttributes") ?? root, step.PrimaryEntity, column, findings, "filtering attribute");
            }

            foreach (var image in root.Descendants("SdkMessageProcessingStepImage"))
            {
                foreach (var column in ((string?)image.Element("Attributes") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    CheckColumn(file, image.Element("Attributes") ?? image, step.PrimaryEntity, column, findings, "image column");
                }
            }
        }

        private void CheckFetch(string file, XElement entity, string? table, List<string> findings)
        {
            if (table == null || _metadata.Table(table) == null)
            {
                findings.Add(SolutionFinding.At(_solution, file, entity, $"the query's table {table} does not exist."));
                return;
            }

            foreach (var element in entity.Elements())
            {
                switch (element.Name.LocalName)
                {
                    case "attribute":
                    case "order":
                        CheckColumn(file, element, table, (string?)element.Attribute(element.Name.LocalName == "order" && element.Attribute("attribute") == null ? "alias" : element.Name.LocalName == "order" ? "attribute" : "name"), findings, "query column", element.Name.LocalName == "order" && element.Attribute("attribute") == null);
                        break;
                    case "filter":
                        foreach (var condition in element.Descendants("condition").Where(condition => condition.Attribute("entityname") == null))
                        {
                            CheckColumn(file, condition, table, (string?)condition.Attribute("attribute"), findings, "query column");
                        }

                        break;
                    case "link-entity":
                        CheckColumn(file, element, (string?)element.Attribute("name"), (string?)element.Attribute("from"), findings, "link column");
                        CheckColumn(file, element, table, (string?)element.Attribute("to"), findings, "link column");
                        CheckFetch(file, element, (string?)element.Attribute("name"), findings);
                        break;
                }
            }
        }

        private void CheckColumn(string file, XElement element, string? table, string? column, List<string> findings, string what = "column", bool isAlias = false)
        {
            if (isAlias || table == null || column == null || _metadata.Table(table) is not { } definition || definition.HasColumn(column.ToLowerInvariant()))
            {
                return;
            }

            findings.Add(SolutionFinding.At(_solution, file, element, $"the {what} {table}.{column} does not exist."));
        }

        private static IEnumerable<string> TypeNames(string assembly)
        {
            using var reader = new PEReader(File.OpenRead(assembly));
            var metadata = reader.GetMetadataReader();
            return metadata.TypeDefinitions.Select(handle => metadata.GetTypeDefinition(handle))
                .Where(type => (type.Attributes & TypeAttributes.Public) != 0)
                .Select(type => metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name))
                .ToList();
        }

        /// <summary>A custom workflow activity of LeadAlign's assemblies by full name (the net10.0 build the tool carries).</summary>
        private static Type? CustomActivityType(string fullName) =>
            typeof(LeadAlign.WorkflowActivities.WorkflowActivityBase).Assembly.GetType(fullName) ?? typeof(LeadAlign.Plugins.PluginBase).Assembly.GetType(fullName);

        private static XDocument Load(string file) => XDocument.Load(file, LoadOptions.SetLineInfo);

        private IEnumerable<string> Files(string folder, string pattern)
        {
            var path = Path.Combine(_solution, folder);
            return Directory.Exists(path) ? Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories).OrderBy(file => file, StringComparer.Ordinal) : Enumerable.Empty<string>();
        }
    }
}
