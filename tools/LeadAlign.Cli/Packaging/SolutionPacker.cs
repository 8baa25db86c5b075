using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using LeadAlign.Dataverse.Registration;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// Packs the unpacked solution and the net462 assemblies into the zips an admin imports, in the platform's layout:
    /// [Content_Types].xml, solution.xml (Managed 1 or 0), customizations.xml (validated against the 2018
    /// CustomizationsSolution.xsd, with the newer elements it lacks listed as named exceptions), PluginAssemblies/,
    /// Workflows/ and customapis/. The output is deterministic: the same input gives the same bytes. It refuses to pack an
    /// SDK stand-in (or any assembly carrying Microsoft's public key token): they are build-time references only.
    /// </summary>
    public sealed class SolutionPacker
    {
        /// <summary>
        /// Elements the 2018 schema does not know, which newer platforms export, as parent/element: removed from a copy before
        /// validating, each named here, never silently. Any other schema error stops the pack.
        /// </summary>
        public static readonly IReadOnlyList<string> NewerThanTheSchema = new[]
        {
            "entity/IsSLAEnabled", "entity/IsDocumentRecommendationsEnabled", "entity/IsBPFEntity", "entity/IsInteractionCentricEnabled",
            "entity/IsOfflineInMobileClient", "entity/DaysSinceRecordLastModified", "entity/MobileOfflineFilters", "entity/SyncToExternalSearchIndex",
            "entity/CanModifyMobileClientOffline", "entity/CanEnableSyncToExternalSearchIndex", "entity/IsEnabledForExternalChannels", "entity/EntityColor",
            "Workflow/BusinessProcessType", "Workflow/JsonFileName", "Workflow/IsCustomProcessingStepAllowedForOtherPublishers", "Workflow/ModernFlowType", "Workflow/LocalizedNames", "Workflow/Descriptions",
            "EntityRelationship/CascadeRollupView", "EntityRelationship/CascadeArchive", "EntityRelationshipRole/NavigationPropertyName", "EntityRelationshipRole/RelationshipRoleType",
            "ImportExportXml/AppModuleSiteMaps", "ImportExportXml/AppModules", "ImportExportXml/connectionreferences",
            "Role/IsAutoAssigned", "FieldPermission/CanReadUnmasked", "WebResource/IsAvailableForMobileOffline",
            "optionset/ExternalTypeName", "option/@ExternalValue", "option/@IsHidden", "PluginAssembly/@PluginAssemblyId", "PluginType/@PluginTypeId",
            "SdkMessageProcessingStep/PluginTypeId",
            "control/@indicationOfSubgrid",
        };

        /// <summary>
        /// The 2018 schema's sequence of a step's elements. A 2026 export writes them in another order (SdkMessageId first:
        /// StepRegistration.ToXml) and the message id without braces, so the validation copy puts them in this order and the
        /// id in braces first; the packed file keeps the export's shape.
        /// </summary>
        private static readonly string[] SchemaStepOrder =
        {
            "PluginTypeName", "PrimaryEntity", "SecondaryEntity", "AsyncAutoDelete", "Configuration", "Description", "FilteringAttributes",
            "ImpersonatingUserIdName", "InvocationSource", "Mode", "Rank", "SdkMessageId", "EventHandler", "EventHandlerTypeCode", "Stage",
            "IsCustomizable", "IsHidden", "SupportedDeployment", "IntroducedVersion", "SdkMessageProcessingStepImages",
        };

        /// <summary>
        /// Values the 2018 schema's enumerations lack, which newer platforms export, as parent/element=value, each with the value
        /// of that schema it stands in for when validating a copy. A choices column (multi-select) is exported with
        /// <c>&lt;Type&gt;multiselectpicklist&lt;/Type&gt;</c> (the Apollo 2026 managed export's apollo_timings), a type the 2018
        /// CrmDataType enumeration does not list; validated as the picklist it otherwise is.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string> NewerValuesThanTheSchema = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["attribute/Type=multiselectpicklist"] = "picklist",
        };

        private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly string[] StandIns = { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow", "System.Activities" };
        private const string MicrosoftToken = "31bf3856ad364e35";
        private readonly string _solution;
        private readonly string _schemas;

        public SolutionPacker(string solutionFolder, string schemaFolder)
        {
            _solution = solutionFolder;
            _schemas = schemaFolder;
        }

        public string Version => (string?)XDocument.Load(Path.Combine(_solution, "Other", "Solution.xml")).Descendants("Version").FirstOrDefault() ?? throw new InvalidDataException("Other/Solution.xml has no Version.");

        public string UniqueName => (string?)XDocument.Load(Path.Combine(_solution, "Other", "Solution.xml")).Descendants("UniqueName").FirstOrDefault() ?? "LeadAlign";

        /// <summary>The zip's file name: LeadAlign_1_0_0_0_managed.zip, as the platform names exports.</summary>
        public string FileName(bool managed) => $"{UniqueName}_{Version.Replace('.', '_')}{(managed ? "_managed" : string.Empty)}.zip";

        /// <summary>The data package's file name: LeadAlign_1_0_0_0_data.zip.</summary>
        public string DataFileName => $"{UniqueName}_{Version.Replace('.', '_')}_data.zip";

        /// <summary>Writes the zip and returns its path. Throws <see cref="InvalidDataException"/> naming what is wrong.</summary>
        public string Pack(bool managed, IReadOnlyList<string> assemblies, string outputFolder)
        {
            foreach (var assembly in assemblies)
            {
                RefuseStandIn(assembly);
            }

            var entries = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            var pluginAssemblies = new List<XElement>();
            foreach (var assembly in assemblies)
            {
                var (element, path) = PluginAssemblyElement(assembly);
                pluginAssemblies.Add(element);
                entries[path] = File.ReadAllBytes(assembly);
            }

            var customizations = Customizations(pluginAssemblies);
            Validate(customizations);
            entries["customizations.xml"] = Bytes(customizations);
            entries["solution.xml"] = Bytes(SolutionManifest(managed, assemblies));
            var webResources = WebResourceFiles.FromFolder(_solution);
            entries["[Content_Types].xml"] = Bytes(ContentTypes(webResources));
            foreach (var file in Files("Workflows", "*.xaml").Concat(Files("Workflows", "*.json")).Concat(Files("customapis", "*.xml")))
            {
                entries[Path.GetRelativePath(_solution, file).Replace('\\', '/')] = File.ReadAllBytes(file);
            }

            foreach (var webResource in webResources)
            {
                entries[webResource.EntryName] = File.ReadAllBytes(webResource.ContentFile);
            }

            Directory.CreateDirectory(outputFolder);
            var zipPath = Path.Combine(outputFolder, FileName(managed));
            File.WriteAllBytes(zipPath, Zip(entries));
            return zipPath;
        }

        /// <summary>
        /// The solution's data (Data/*.xml: the default scoring model and agreement) as a Configuration Migration tool package:
        /// data.xml, data_schema.xml and [Content_Types].xml, for an admin to import after the solution. A solution zip cannot
        /// carry rows. Deterministic like the solution zips.
        /// </summary>
        public string PackData(string outputFolder)
        {
            var metadata = LeadAlign.Dataverse.Metadata.MetadataCatalog.ForSolution(_solution);
            var entities = Files("Data", "*.xml").SelectMany(path => XDocument.Load(path).Root!.Elements("entity")).ToList();
            var data = new XDocument(new XElement("entities", new XAttribute(XNamespace.Xmlns + "xsd", "http://www.w3.org/2001/XMLSchema"), new XAttribute(XNamespace.Xmlns + "xsi", "http://www.w3.org/2001/XMLSchema-instance"), entities.Select(entity => new XElement(entity))));
            var schema = new XDocument(new XElement("entities", entities.Select(entity =>
            {
                var table = metadata.Table((string)entity.Attribute("name")!)!;
                var fields = entity.Descendants("field").Select(field => (string)field.Attribute("name")!).Distinct(StringComparer.Ordinal).OrderBy(name => name, StringComparer.Ordinal);
                return new XElement("entity",
                    new XAttribute("name", table.Name),
                    new XAttribute("displayname", (string?)entity.Attribute("displayname") ?? table.Name),
                    new XAttribute("primaryidfield", table.PrimaryId),
                    new XAttribute("primarynamefield", table.PrimaryName ?? string.Empty),
                    new XAttribute("disableplugins", "false"),
                    new XElement("fields", fields.Select(field =>
                    {
                        var column = table.Column(field)!;
                        return new XElement("field",
                            new XAttribute("displayname", column.DisplayName ?? field),
                            new XAttribute("name", field),
                            new XAttribute("type", column.Type switch
                            {
                                Microsoft.Xrm.Sdk.Metadata.AttributeTypeCode.Uniqueidentifier => "guid",
                                Microsoft.Xrm.Sdk.Metadata.AttributeTypeCode.Lookup => "entityreference",
                                Microsoft.Xrm.Sdk.Metadata.AttributeTypeCode.Picklist => "optionsetvalue",
                                Microsoft.Xrm.Sdk.Metadata.AttributeTypeCode.Boolean => "bool",
                                Microsoft.Xrm.Sdk.Metadata.AttributeTypeCode.Integer => "number",
                                Microsoft.Xrm.Sdk.Metadata.AttributeTypeCode.Decimal => "decimal",
                                Microsoft.Xrm.Sdk.Metadata.AttributeTypeCode.Memo => "string",
                                _ => "string",
                            }),
                            column.Targets.Count > 0 ? new XAttribute("lookupType", string.Join("|", column.Targets)) : null,
                            field == table.PrimaryId ? new XAttribute("primaryKey", "true") : null);
                    })));
            })));
            var entries = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
            {
                ["data.xml"] = Bytes(data),
                ["data_schema.xml"] = Bytes(schema),
                ["[Content_Types].xml"] = Bytes(new XDocument(new XElement(XName.Get("Types", "http://schemas.openxmlformats.org/package/2006/content-types"),
                    new XElement(XName.Get("Default", "http://schemas.openxmlformats.org/package/2006/content-types"), new XAttribute("Extension", "xml"), new XAttribute("ContentType", "application/octet-stream"))))),
            };
            Directory.CreateDirectory(outputFolder);
            var zipPath = Path.Combine(outputFolder, DataFileName);
            File.WriteAllBytes(zipPath, Zip(entries));
            return zipPath;
        }

        /// <summary>
        /// [Content_Types].xml: every extension the zip holds as application/octet-stream, and each web resource (its entry has
        /// no extension of its own) as an Override naming its part, as the Apollo export writes them (commit
        /// ad50cef8aeb53488a377dce335da326cbc75acb1, ApolloHospitalProject_1_0_0_3_managed/[Content_Types].xml).
        /// </summary>
        private static XDocument ContentTypes(IReadOnlyList<WebResourceFile> webResources)
        {
            var ns = XNamespace.Get("http://schemas.openxmlformats.org/package/2006/content-types");
            return new XDocument(new XElement(ns + "Types",
                new[] { "xml", "xaml", "json", "dll" }.Select(extension => new XElement(ns + "Default", new XAttribute("Extension", extension), new XAttribute("ContentType", "application/octet-stream"))),
                webResources.Select(webResource => new XElement(ns + "Override", new XAttribute("PartName", "/" + webResource.EntryName), new XAttribute("ContentType", "application/octet-stream")))));
        }

        private static byte[] Zip(SortedDictionary<string, byte[]> entries)
        {
            using var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var entry in entries)
                {
                    var zipped = zip.CreateEntry(entry.Key, CompressionLevel.Optimal);
                    zipped.LastWriteTime = EntryTime;
                    using var content = zipped.Open();
                    content.Write(entry.Value, 0, entry.Value.Length);
                }
            }

            return stream.ToArray();
        }

        /// <summary>Refuses an SDK stand-in: by name, or by Microsoft's public key token on an assembly that is not LeadAlign's.</summary>
        public static void RefuseStandIn(string assemblyPath)
        {
            using var reader = new PEReader(File.OpenRead(assemblyPath));
            var metadata = reader.GetMetadataReader();
            var definition = metadata.GetAssemblyDefinition();
            var name = metadata.GetString(definition.Name);
            var key = metadata.GetBlobBytes(definition.PublicKey);
            var token = key.Length == 0 ? string.Empty : PluginAssemblyIdentity.Token(key);
            if (StandIns.Contains(name, StringComparer.OrdinalIgnoreCase) || token == MicrosoftToken)
            {
                throw new InvalidDataException($"{Path.GetFileName(assemblyPath)} ({name}, token {token}) is a Dataverse SDK assembly: the SDK stand-ins are build-time references only and never go into the solution. Pack only LeadAlign's assemblies.");
            }
        }

        private (XElement Element, string Path) PluginAssemblyElement(string assemblyPath)
        {
            var (name, fullName, id) = PluginAssemblyIdentity.Read(assemblyPath);
            using var reader = new PEReader(File.OpenRead(assemblyPath));
            var metadata = reader.GetMetadataReader();
            var folder = $"PluginAssemblies/{name.Replace(".", string.Empty, StringComparison.Ordinal)}-{id.ToString("D").ToUpperInvariant()}";
            var file = $"{folder}/{name.Replace(".", string.Empty, StringComparison.Ordinal)}.dll";
            var types = new List<XElement>();
            foreach (var handle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(handle);
                var typeName = metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name);
                if ((type.Attributes & TypeAttributes.Public) == 0 || (type.Attributes & TypeAttributes.Abstract) != 0 || !IsHandler(metadata, type))
                {
                    continue;
                }

                var activity = BaseName(metadata, type) == "WorkflowActivityBase";
                types.Add(new XElement("PluginType",
                    new XAttribute("AssemblyQualifiedName", typeName + ", " + fullName),
                    new XAttribute("PluginTypeId", CustomApiDefinition.PluginTypeId(typeName).ToString("D")),
                    new XAttribute("Name", typeName),
                    new XElement("FriendlyName", typeName.Split('.').Last()),
                    activity ? new XElement("WorkflowActivityGroupName", "LeadAlign") : null));
            }

            var element = new XElement("PluginAssembly",
                new XAttribute("FullName", fullName),
                new XAttribute("PluginAssemblyId", id.ToString("D")),
                new XAttribute("CustomizationLevel", "1"),
                new XElement("IsolationMode", 2),
                new XElement("SourceType", 0),
                new XElement("IntroducedVersion", "1.0"),
                new XElement("FileName", "/" + file),
                new XElement("PluginTypes", types.OrderBy(type => (string)type.Attribute("Name")!, StringComparer.Ordinal)));
            return (element, file);
        }

        private static bool IsHandler(MetadataReader metadata, TypeDefinition type)
        {
            var baseName = BaseName(metadata, type);
            if (baseName is "PluginBase" or "WorkflowActivityBase")
            {
                return true;
            }

            return type.GetInterfaceImplementations().Select(handle => metadata.GetInterfaceImplementation(handle).Interface)
                .Any(handle => handle.Kind == HandleKind.TypeReference && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)handle).Name) == "IPlugin");
        }

        private static string BaseName(MetadataReader metadata, TypeDefinition type) => type.BaseType.Kind switch
        {
            HandleKind.TypeDefinition => metadata.GetString(metadata.GetTypeDefinition((TypeDefinitionHandle)type.BaseType).Name),
            HandleKind.TypeReference => metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)type.BaseType).Name),
            _ => string.Empty,
        };

        /// <summary>customizations.xml, assembled from the unpacked folders in the order the schema gives.</summary>
        public XDocument Customizations(IReadOnlyList<XElement> pluginAssemblies)
        {
            var root = new XElement("ImportExportXml", new XAttribute(XNamespace.Xmlns + "xsi", "http://www.w3.org/2001/XMLSchema-instance"));
            root.Add(new XElement("Entities", Files("Entities", "Entity.xml").Select(Entity)));
            root.Add(new XElement("Roles", Files("Roles", "*.xml").Select(path => XDocument.Load(path).Root!)));
            root.Add(new XElement("Workflows", Files("Workflows", "*.xaml.data.xml").Concat(CloudFlowValidator.DataFiles(_solution)).OrderBy(path => path, StringComparer.Ordinal).Select(path => XDocument.Load(path).Root!)));
            var profiles = Path.Combine(_solution, "Other", "FieldSecurityProfiles.xml");
            root.Add(File.Exists(profiles) ? XDocument.Load(profiles).Root! : new XElement("FieldSecurityProfiles"));
            root.Add(new XElement("Templates"));
            root.Add(new XElement("EntityMaps"));
            root.Add(new XElement("EntityRelationships", Files(Path.Combine("Other", "Relationships"), "*.xml").SelectMany(path => XDocument.Load(path).Root!.Elements("EntityRelationship"))));
            root.Add(new XElement("OrganizationSettings"));
            root.Add(new XElement("optionsets", Files("OptionSets", "*.xml").Select(path => XDocument.Load(path).Root!)));
            root.Add(new XElement("Dashboards", Files("Dashboards", "*.xml").Select(path => XDocument.Load(path).Root!)));
            root.Add(new XElement("WebResources", WebResourceFiles.FromFolder(_solution).Select(webResource => webResource.CustomizationsElement)));
            root.Add(new XElement("SolutionPluginAssemblies", pluginAssemblies));
            // Inline, a step carries no namespace declaration of its own: customizations.xml's root declares xsi (as the 2026 export does).
            root.Add(new XElement("SdkMessageProcessingSteps", Files(StepFiles.FolderName, "*.xml").Select(path => WithoutNamespaceDeclarations(XDocument.Load(path).Root!))));
            root.Add(new XElement("AppModuleSiteMaps", Files("AppModuleSiteMaps", "AppModuleSiteMap.xml").Select(path => XDocument.Load(path).Root!)));
            root.Add(new XElement("AppModules", Files("AppModules", "AppModule.xml").Select(path => XDocument.Load(path).Root!)));
            // Connection references (of the cloud flows) after AppModules, as microsoft/coe-starter-kit's exported
            // CenterofExcellenceALMAccelerator/SolutionPackage/src/Other/Customizations.xml places them.
            var connectionReferences = Path.Combine(_solution, "Other", CloudFlowValidator.ConnectionReferencesFile);
            if (File.Exists(connectionReferences))
            {
                root.Add(new XElement("connectionreferences", XDocument.Load(connectionReferences).Root!.Elements()));
            }

            root.Add(new XElement("Languages", new XElement("Language", 1033)));
            return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        }

        private XElement Entity(string entityFile)
        {
            var entity = new XElement(XDocument.Load(entityFile).Root!);
            var folder = Path.GetDirectoryName(entityFile)!;
            var forms = Directory.Exists(Path.Combine(folder, "FormXml"))
                ? Directory.EnumerateDirectories(Path.Combine(folder, "FormXml")).OrderBy(path => path, StringComparer.Ordinal)
                    .Select(kind => new XElement("forms", new XAttribute("type", Path.GetFileName(kind)),
                        Directory.EnumerateFiles(kind, "*.xml").OrderBy(path => path, StringComparer.Ordinal).SelectMany(path => XDocument.Load(path).Root!.Elements("systemform"))))
                    .ToList()
                : new List<XElement>();
            if (forms.Count > 0)
            {
                entity.Add(new XElement("FormXml", forms));
            }

            var views = Directory.Exists(Path.Combine(folder, "SavedQueries"))
                ? Directory.EnumerateFiles(Path.Combine(folder, "SavedQueries"), "*.xml").OrderBy(path => path, StringComparer.Ordinal).SelectMany(path => XDocument.Load(path).Root!.Elements("savedquery")).ToList()
                : new List<XElement>();
            if (views.Count > 0)
            {
                entity.Add(new XElement("SavedQueries", new XElement("savedqueries", views)));
            }

            var charts = Directory.Exists(Path.Combine(folder, "Visualizations"))
                ? Directory.EnumerateFiles(Path.Combine(folder, "Visualizations"), "*.xml").OrderBy(path => path, StringComparer.Ordinal).Select(path => XDocument.Load(path).Root!).ToList()
                : new List<XElement>();
            if (charts.Count > 0)
            {
                entity.Add(new XElement("Visualizations", charts));
            }

            // The table's commands: SolutionPackager unpacks <RibbonDiffXml> to Entities/<table>/RibbonDiff.xml.
            var ribbon = Path.Combine(folder, "RibbonDiff.xml");
            if (File.Exists(ribbon))
            {
                entity.Add(WithoutNamespaceDeclarations(XDocument.Load(ribbon).Root!));
            }

            return entity;
        }

        /// <summary>A copy of an unpacked file's root without its own namespace declarations: inline, customizations.xml's root declares them.</summary>
        private static XElement WithoutNamespaceDeclarations(XElement element)
        {
            var copy = new XElement(element);
            copy.Attributes().Where(attribute => attribute.IsNamespaceDeclaration).Remove();
            return copy;
        }

        /// <summary>Validates customizations.xml against the 2018 schema, the named newer elements removed first.</summary>
        public IReadOnlyList<string> ValidationErrors(XDocument customizations)
        {
            var copy = new XDocument(customizations);
            copy.Descendants().Where(element => element.Parent != null && NewerThanTheSchema.Contains(element.Parent.Name.LocalName + "/" + element.Name.LocalName)).ToList().ForEach(element => element.Remove());

            copy.Descendants().SelectMany(element => element.Attributes()).Where(attribute => NewerThanTheSchema.Contains(attribute.Parent!.Name.LocalName + "/@" + attribute.Name.LocalName)).ToList().ForEach(attribute => attribute.Remove());

            foreach (var step in copy.Descendants("SdkMessageProcessingStep"))
            {
                step.ReplaceNodes(step.Elements().OrderBy(element => Array.IndexOf(SchemaStepOrder, element.Name.LocalName) is var at && at >= 0 ? at : int.MaxValue).ToList());

                // The 2026 export writes the message id without braces; the schema's GuidType wants them.
                if (step.Element("SdkMessageId") is { } messageId && Guid.TryParse(messageId.Value, out var id))
                {
                    messageId.Value = id.ToString("B");
                }
            }

            foreach (var element in copy.Descendants().Where(element => element.Parent != null && !element.HasElements).ToList())
            {
                if (NewerValuesThanTheSchema.TryGetValue(element.Parent!.Name.LocalName + "/" + element.Name.LocalName + "=" + element.Value, out var older))
                {
                    element.Value = older;
                }
            }

            // The referenced side's role of a one-to-many relationship holds only newer elements; once they are removed it is empty.
            copy.Descendants("EntityRelationshipRole").Where(role => !role.HasElements).ToList().ForEach(role => role.Remove());
            var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
            using (var reader = XmlReader.Create(Path.Combine(_schemas, "CustomizationsSolution.xsd"), new XmlReaderSettings { XmlResolver = new XmlUrlResolver(), DtdProcessing = DtdProcessing.Ignore }))
            {
                schemas.Add(null, reader);
            }

            var errors = new List<string>();
            var text = copy.ToString();
            var document = XDocument.Parse(text, LoadOptions.SetLineInfo);
            document.Validate(schemas, (_, error) => errors.Add($"customizations.xml line {error.Exception?.LineNumber}: {error.Message}"));
            return errors;
        }

        private void Validate(XDocument customizations)
        {
            var errors = ValidationErrors(customizations);
            if (errors.Count > 0)
            {
                throw new InvalidDataException("customizations.xml does not validate against CustomizationsSolution.xsd:\n" + string.Join("\n", errors.Take(20)));
            }
        }

        /// <summary>
        /// solution.xml: Other/Solution.xml with Managed set and its RootComponents computed from the folders and the assemblies
        /// being packed (<see cref="SolutionComponents"/>), in the order a managed export writes them.
        /// </summary>
        public XDocument SolutionManifest(bool managed, IReadOnlyList<string> assemblies)
        {
            var manifest = XDocument.Load(Path.Combine(_solution, "Other", "Solution.xml"));
            var solutionManifest = manifest.Descendants("SolutionManifest").Single();
            var rootComponents = new XElement("RootComponents", SolutionComponents.FromFolder(_solution, assemblies).Select(component => component.ToElement()));
            if (solutionManifest.Element("RootComponents") is { } listed)
            {
                listed.ReplaceWith(rootComponents);
            }
            else if (solutionManifest.Element("MissingDependencies") is { } missingDependencies)
            {
                missingDependencies.AddBeforeSelf(rootComponents);
            }
            else
            {
                solutionManifest.Add(rootComponents);
            }

            var element = manifest.Descendants("Managed").FirstOrDefault();
            if (element == null)
            {
                manifest.Descendants("SolutionManifest").Single().Add(new XElement("Managed", managed ? 1 : 0));
            }
            else
            {
                element.Value = managed ? "1" : "0";
            }

            return manifest;
        }

        private IEnumerable<string> Files(string folder, string pattern)
        {
            var path = Path.Combine(_solution, folder);
            return Directory.Exists(path) ? Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories).OrderBy(file => file, StringComparer.Ordinal) : Enumerable.Empty<string>();
        }

        private static byte[] Bytes(XDocument document)
        {
            var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
            using var stream = new MemoryStream();
            using (var writer = XmlWriter.Create(stream, settings))
            {
                document.Save(writer);
            }

            return stream.ToArray();
        }
    }
}
