using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace LeadAlign.Dataverse.Registration
{
    /// <summary>
    /// One SDK message processing step, as the solution's SdkMessageProcessingSteps/{id}.xml holds it. The in-memory Dataverse
    /// runs exactly these; <see cref="FromAssembly"/> builds them from the <c>PluginStepAttribute</c> declarations and
    /// <see cref="ToXml"/> writes the solution file.
    /// </summary>
    public sealed class StepRegistration
    {
        /// <summary>The full name of the declaration attribute, matched by name so assemblies loaded for inspection work too.</summary>
        public const string DeclarationAttribute = "LeadAlign.Plugins.Registration.PluginStepAttribute";

        public const int PreValidation = 10;
        public const int PreOperation = 20;
        public const int MainOperation = 30;
        public const int PostOperation = 40;

        public StepRegistration(Guid id, string pluginTypeName, string message, string primaryEntity, int stage, int mode)
        {
            Id = id;
            PluginTypeName = pluginTypeName;
            Message = message;
            PrimaryEntity = primaryEntity;
            Stage = stage;
            Mode = mode;
        }

        public Guid Id { get; }

        /// <summary>The plug-in type's assembly-qualified name.</summary>
        public string PluginTypeName { get; }

        public string Message { get; }

        /// <summary>The table's logical name, or "none".</summary>
        public string PrimaryEntity { get; }

        public int Stage { get; }

        /// <summary>0 synchronous, 1 asynchronous.</summary>
        public int Mode { get; }

        public int Rank { get; init; } = 1;

        public IReadOnlyList<string> FilteringAttributes { get; init; } = Array.Empty<string>();

        public IReadOnlyList<StepImage> Images { get; init; } = Array.Empty<StepImage>();

        public string? Configuration { get; init; }

        public string? Description { get; init; }

        public bool AsyncAutoDelete { get; init; }

        public bool IsAsynchronous => Mode == 1;

        /// <summary>The plug-in class's full name, without the assembly.</summary>
        public string PluginTypeFullName => PluginTypeName.Split(',')[0].Trim();

        /// <summary>The name the Plug-in Registration Tool gives a step: "type: Message of table".</summary>
        public string Name => $"{PluginTypeFullName}: {Message} of {(PrimaryEntity == "none" ? "any Entity" : PrimaryEntity)}";

        /// <summary>The steps declared by <c>PluginStepAttribute</c> on the types of <paramref name="assembly"/>, in id order.</summary>
        public static IReadOnlyList<StepRegistration> FromAssembly(Assembly assembly, IReadOnlyDictionary<string, IReadOnlyList<string>>? expansions = null) =>
            FromTypes(assembly.GetTypes(), expansions);

        /// <summary>
        /// The steps declared on <paramref name="types"/>, in id order. A column list may name a placeholder, <c>{Name}</c>,
        /// which <paramref name="expansions"/> replaces with columns computed from the solution (for example the lead columns
        /// the shipped scoring model's rules read); an unresolved placeholder is an error.
        /// </summary>
        public static IReadOnlyList<StepRegistration> FromTypes(IEnumerable<Type> types, IReadOnlyDictionary<string, IReadOnlyList<string>>? expansions = null) =>
            types
                .Where(type => type.IsClass && !type.IsAbstract)
                .SelectMany(type => CustomAttributeData.GetCustomAttributes(type)
                    .Where(attribute => attribute.AttributeType.FullName == DeclarationAttribute)
                    .Select(attribute => FromDeclaration(type, attribute, expansions)))
                .OrderBy(step => step.Id)
                .ToList();

        private static StepRegistration FromDeclaration(Type pluginType, CustomAttributeData declaration, IReadOnlyDictionary<string, IReadOnlyList<string>>? expansions)
        {
            var arguments = declaration.ConstructorArguments;
            var named = declaration.NamedArguments.ToDictionary(argument => argument.MemberName, argument => argument.TypedValue.Value, StringComparer.Ordinal);
            string? Text(string name) => named.TryGetValue(name, out var value) ? Expand(value as string, expansions, pluginType) : null;

            var id = Guid.Parse((string)arguments[0].Value!);
            var message = (string)arguments[1].Value!;
            var entity = (string)arguments[2].Value!;
            var stage = Convert.ToInt32(arguments[3].Value, CultureInfo.InvariantCulture);
            var mode = named.TryGetValue("Mode", out var modeValue) ? Convert.ToInt32(modeValue, CultureInfo.InvariantCulture) : 0;
            var where = $"{pluginType.FullName} step {id}";

            if (!SdkMessages.IsKnown(message) && !message.Contains('_', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{where}: the message '{message}' is not one LeadAlign can register (known: {string.Join(", ", SdkMessages.Names)}, or a Custom API's unique name).");
            }

            if (message is "Assign" or "SetState" or "SetStateDynamicEntity")
            {
                throw new InvalidOperationException($"{where}: '{message}' is a deprecated message; register on Update with the filtering attribute {(message == "Assign" ? "ownerid" : "statecode")} instead.");
            }

            var filtering = Split(Text("FilteringAttributes"));
            if (message == "Update" && filtering.Count == 0)
            {
                throw new InvalidOperationException($"{where}: an Update step must name its filtering attributes, or it runs on every save of {entity}.");
            }

            if (message != "Update" && filtering.Count > 0)
            {
                throw new InvalidOperationException($"{where}: filtering attributes apply to Update only, not to {message}.");
            }

            if (mode == 1 && stage != PostOperation)
            {
                throw new InvalidOperationException($"{where}: an asynchronous step must run in PostOperation.");
            }

            var images = new List<StepImage>();
            if (Text("PreImageAttributes") is { } pre)
            {
                if (message == "Create")
                {
                    throw new InvalidOperationException($"{where}: a Create has no pre-image.");
                }

                images.Add(new StepImage(DerivedId(id, "PreImage"), "PreImage", true, Split(pre)));
            }

            if (Text("PostImageAttributes") is { } post)
            {
                if (stage != PostOperation || message == "Delete")
                {
                    throw new InvalidOperationException($"{where}: a post-image exists only in PostOperation, and not for Delete.");
                }

                images.Add(new StepImage(DerivedId(id, "PostImage"), "PostImage", false, Split(post)));
            }

            return new StepRegistration(id, pluginType.AssemblyQualifiedName ?? pluginType.FullName!, message, entity, stage, mode)
            {
                Rank = named.TryGetValue("Rank", out var rank) ? Convert.ToInt32(rank, CultureInfo.InvariantCulture) : 1,
                FilteringAttributes = filtering,
                Images = images,
                Configuration = Text("Configuration"),
                Description = Text("Description"),
                AsyncAutoDelete = named.TryGetValue("AsyncAutoDelete", out var autoDelete) && autoDelete is true,
            };
        }

        /// <summary>
        /// The step as a 2026 export writes it (SdkMessageProcessingSteps/{id}.xml unpacked, and inline in the zip's
        /// customizations.xml): the message id first and without braces, the plug-in type's id beside its name, the filtering
        /// attributes and the images always present (empty when there are none), InvocationSource 1. Pinned to the public
        /// export meandtech2001/Apollo-HealthCare-Management-D365-CRM- (commit 4af90e92, ApolloHospitalProject_1_0_0_4.zip
        /// customizations.xml and SdkMessageProcessingSteps/{76e55b17-04e3-f011-8406-0022481a1bf1}.xml) by StepExportShapeTests.
        /// That order is not the 2018 CustomizationsSolution.xsd's sequence; the packer validates a copy in the schema's order.
        /// Configuration and Description, which that export's step lacks, sit where the schema puts them: after AsyncAutoDelete,
        /// before FilteringAttributes.
        /// </summary>
        public XDocument ToXml()
        {
            var step = new XElement("SdkMessageProcessingStep",
                new XAttribute("Name", Name),
                new XAttribute("SdkMessageProcessingStepId", "{" + Id.ToString("D") + "}"),
                new XAttribute(XNamespace.Xmlns + "xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                SdkMessages.IdOf(Message) is Guid messageId ? new XElement("SdkMessageId", messageId.ToString("D")) : null,
                new XElement("PluginTypeName", PluginTypeName),
                new XElement("PluginTypeId", CustomApiDefinition.PluginTypeId(PluginTypeFullName).ToString("D")),
                new XElement("PrimaryEntity", PrimaryEntity),
                new XElement("AsyncAutoDelete", AsyncAutoDelete ? 1 : 0),
                Configuration != null ? new XElement("Configuration", Configuration) : null,
                Description != null ? new XElement("Description", Description) : null,
                new XElement("FilteringAttributes", string.Join(",", FilteringAttributes)),
                new XElement("InvocationSource", 1),
                new XElement("Mode", Mode),
                new XElement("Rank", Rank),
                new XElement("EventHandlerTypeCode", 4602),
                new XElement("Stage", Stage),
                new XElement("IsCustomizable", 1),
                new XElement("IsHidden", 0),
                new XElement("SupportedDeployment", 0),
                new XElement("IntroducedVersion", "1.0"),
                new XElement("SdkMessageProcessingStepImages",
                    Images.Select(image => new XElement("SdkMessageProcessingStepImage",
                        new XAttribute("Name", image.Alias),
                        new XElement("SdkMessageProcessingStepImageId", image.Id.ToString("B")),
                        new XElement("Attributes", string.Join(",", image.Attributes)),
                        new XElement("EntityAlias", image.Alias),
                        new XElement("ImageType", image.IsPreImage ? 0 : 1),
                        new XElement("MessagePropertyName", Message == "Create" ? "Id" : "Target"),
                        new XElement("IsCustomizable", 1)))));

            return new XDocument(new XDeclaration("1.0", "utf-8", null), step);
        }

        /// <summary>The XML text exactly as written to the solution folder (UTF-8, two-space indent, LF line ends).</summary>
        public string ToXmlText()
        {
            var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
            using var stream = new MemoryStream();
            using (var writer = XmlWriter.Create(stream, settings))
            {
                ToXml().Save(writer);
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        /// <summary>Reads a step back from its solution file; the message comes from its well-known id, or the step's name.</summary>
        public static StepRegistration FromXml(XDocument document, string source)
        {
            var step = document.Root ?? throw new InvalidDataException($"{source}: empty step file.");
            string? Text(string name) => (string?)step.Element(name);
            var id = Guid.Parse(((string?)step.Attribute("SdkMessageProcessingStepId") ?? throw new InvalidDataException($"{source}: no SdkMessageProcessingStepId.")).Trim('{', '}'));
            var messageId = Text("SdkMessageId");
            var message = (Guid.TryParse(messageId, out var known) ? SdkMessages.NameOf(known) : null) ?? MessageFromName((string?)step.Attribute("Name"))
                ?? throw new InvalidDataException($"{source}: the step names no message the in-memory Dataverse knows (SdkMessageId '{messageId}').");
            var images = step.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage")
                .Select(image => new StepImage(
                    Guid.TryParse((string?)image.Element("SdkMessageProcessingStepImageId"), out var imageId) ? imageId : Guid.Empty,
                    (string?)image.Element("EntityAlias") ?? (string?)image.Attribute("Name") ?? "Image",
                    (string?)image.Element("ImageType") != "1",
                    Split((string?)image.Element("Attributes"))))
                .ToList() ?? new List<StepImage>();
            return new StepRegistration(
                id,
                Text("PluginTypeName") ?? throw new InvalidDataException($"{source}: no PluginTypeName."),
                message,
                Text("PrimaryEntity") ?? "none",
                int.Parse(Text("Stage") ?? "40", CultureInfo.InvariantCulture),
                int.Parse(Text("Mode") ?? "0", CultureInfo.InvariantCulture))
            {
                Rank = int.Parse(Text("Rank") ?? "1", CultureInfo.InvariantCulture),
                FilteringAttributes = Split(Text("FilteringAttributes")),
                Images = images,
                Configuration = Text("Configuration"),
                Description = Text("Description"),
                AsyncAutoDelete = Text("AsyncAutoDelete") == "1",
            };
        }

        /// <summary>Every step file of an unpacked solution's SdkMessageProcessingSteps folder.</summary>
        public static IReadOnlyList<StepRegistration> FromSolutionFolder(string solutionFolder)
        {
            var folder = Path.Combine(solutionFolder, "SdkMessageProcessingSteps");
            return Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.xml").OrderBy(path => path, StringComparer.Ordinal).Select(path => FromXml(XDocument.Load(path), path)).ToList()
                : new List<StepRegistration>();
        }

        /// <summary>The file name the step has in SdkMessageProcessingSteps/.</summary>
        public string FileName => "{" + Id.ToString("D") + "}.xml";

        private static string? MessageFromName(string? name)
        {
            var colon = name?.LastIndexOf(": ", StringComparison.Ordinal) ?? -1;
            if (name == null || colon < 0)
            {
                return null;
            }

            var rest = name[(colon + 2)..];
            var of = rest.IndexOf(" of ", StringComparison.Ordinal);
            return of > 0 ? rest[..of] : null;
        }

        private static string? Expand(string? list, IReadOnlyDictionary<string, IReadOnlyList<string>>? expansions, Type pluginType)
        {
            if (list == null || !list.Contains('{', StringComparison.Ordinal))
            {
                return list;
            }

            var items = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(item =>
            {
                if (!item.StartsWith('{'))
                {
                    return new[] { item };
                }

                var key = item.Trim('{', '}');
                return expansions != null && expansions.TryGetValue(key, out var columns)
                    ? columns
                    : throw new InvalidOperationException($"{pluginType.FullName}: the placeholder {item} has no value; generate the registration from the solution ('leadalign steps').");
            });
            return string.Join(",", items.Select(item => item.ToLowerInvariant()).Distinct().OrderBy(item => item, StringComparer.Ordinal));
        }

        /// <summary>A stable id derived from the step's id, for its images.</summary>
        private static Guid DerivedId(Guid stepId, string alias) => Metadata.MetadataCatalog.NameId(stepId.ToString("D") + "/" + alias);

        private static IReadOnlyList<string> Split(string? list) =>
            string.IsNullOrWhiteSpace(list)
                ? Array.Empty<string>()
                : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => name.ToLowerInvariant()).ToList();
    }
}
