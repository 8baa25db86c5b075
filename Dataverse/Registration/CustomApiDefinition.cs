using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Registration
{
    /// <summary>
    /// A Custom API as the unpacked solution holds it: customapis/{uniquename}/customapi.xml with its
    /// customapirequestparameters/*/customapirequestparameter.xml and customapiresponseproperties/*/customapiresponseproperty.xml.
    /// The plug-in type that is its main operation is named by id; plug-in type ids are derived from the type's full name
    /// (<see cref="PluginTypeId"/>), the same way the solution's assembly registration writes them. <see cref="ToFiles"/> writes
    /// the folder back in the shape Microsoft's managed Custom API exports have (no empty elements, elements in alphabetical order),
    /// which is how <c>leadalign customapis</c> generates it from the <c>[CustomApi]</c> declarations.
    /// </summary>
    public sealed class CustomApiDefinition
    {
        /// <summary>The folder of an unpacked solution that holds the Custom APIs.</summary>
        public const string FolderName = "customapis";

        public const string ApiFile = "customapi.xml";
        public const string RequestParametersFolder = "customapirequestparameters";
        public const string RequestParameterFile = "customapirequestparameter.xml";
        public const string ResponsePropertiesFolder = "customapiresponseproperties";
        public const string ResponsePropertyFile = "customapiresponseproperty.xml";

        public CustomApiDefinition(string uniqueName, Guid? pluginTypeId)
        {
            UniqueName = uniqueName;
            PluginTypeIdValue = pluginTypeId;
        }

        public string UniqueName { get; }

        public Guid? PluginTypeIdValue { get; }

        /// <summary>0 global, 1 bound to a row of <see cref="BoundEntity"/>, 2 bound to a table.</summary>
        public int BindingType { get; init; }

        public string? BoundEntity { get; init; }

        public bool IsFunction { get; init; }

        /// <summary>The name makers see.</summary>
        public string? DisplayName { get; init; }

        public string? Description { get; init; }

        /// <summary>Which steps other solutions may register on the API: 0 none, 1 asynchronous only, 2 synchronous and asynchronous.</summary>
        public int AllowedCustomProcessingStepType { get; init; }

        /// <summary>The privilege a caller needs to execute the API, or null when every user may.</summary>
        public string? ExecutePrivilegeName { get; init; }

        public bool IsPrivate { get; init; }

        /// <summary>Offered as a step of classic workflows.</summary>
        public bool WorkflowSdkStepEnabled { get; init; }

        /// <summary>The plug-in type's full name, when the definition comes from its declaration (a solution file names the type by id only).</summary>
        public string? PluginTypeName { get; init; }

        public IReadOnlyList<CustomApiField> RequestParameters { get; init; } = Array.Empty<CustomApiField>();

        public IReadOnlyList<CustomApiField> ResponseProperties { get; init; } = Array.Empty<CustomApiField>();

        /// <summary>The id of a plug-in type, derived from its full name: stable across builds and machines.</summary>
        public static Guid PluginTypeId(string pluginTypeFullName) => Metadata.MetadataCatalog.NameId("plugintype:" + pluginTypeFullName);

        public static IReadOnlyList<CustomApiDefinition> FromSolutionFolder(string solutionFolder)
        {
            var folder = Path.Combine(solutionFolder, FolderName);
            if (!Directory.Exists(folder))
            {
                return Array.Empty<CustomApiDefinition>();
            }

            return Directory.EnumerateDirectories(folder).OrderBy(path => path, StringComparer.Ordinal)
                .Where(directory => File.Exists(Path.Combine(directory, ApiFile)))
                .Select(FromFolder)
                .ToList();
        }

        public static CustomApiDefinition FromFolder(string folder)
        {
            var api = XDocument.Load(Path.Combine(folder, ApiFile)).Root!;
            var uniqueName = (string?)api.Attribute("uniquename") ?? (string?)api.Element("uniquename")
                ?? throw new InvalidDataException($"{folder}: customapi.xml has no uniquename.");
            var pluginType = api.Element("plugintypeid")?.DescendantsAndSelf().Select(element => element.HasElements ? null : element.Value.Trim('{', '}', ' '))
                .Select(text => Guid.TryParse(text, out var id) ? id : (Guid?)null).FirstOrDefault(id => id != null);
            return new CustomApiDefinition(uniqueName, pluginType)
            {
                BindingType = Int(api.Element("bindingtype")),
                BoundEntity = NullIfEmpty((string?)api.Element("boundentitylogicalname")),
                IsFunction = Int(api.Element("isfunction")) == 1,
                DisplayName = Label(api.Element("displayname")),
                Description = Label(api.Element("description")),
                AllowedCustomProcessingStepType = Int(api.Element("allowedcustomprocessingsteptype")),
                ExecutePrivilegeName = NullIfEmpty((string?)api.Element("executeprivilegename")),
                IsPrivate = Int(api.Element("isprivate")) == 1,
                WorkflowSdkStepEnabled = Int(api.Element("workflowsdkstepenabled")) == 1,
                RequestParameters = Fields(Path.Combine(folder, RequestParametersFolder), RequestParameterFile, optional: true),
                ResponseProperties = Fields(Path.Combine(folder, ResponsePropertiesFolder), ResponsePropertyFile, optional: false),
            };
        }

        private static IReadOnlyList<CustomApiField> Fields(string folder, string fileName, bool optional)
        {
            if (!Directory.Exists(folder))
            {
                return Array.Empty<CustomApiField>();
            }

            return Directory.EnumerateDirectories(folder).OrderBy(path => path, StringComparer.Ordinal)
                .Select(directory => Path.Combine(directory, fileName))
                .Where(File.Exists)
                .Select(path =>
                {
                    var field = XDocument.Load(path).Root!;
                    return new CustomApiField(
                        (string?)field.Attribute("uniquename") ?? (string?)field.Element("uniquename") ?? throw new InvalidDataException($"{path}: no uniquename."),
                        (CustomApiFieldType)Int(field.Element("type")),
                        optional && Int(field.Element("isoptional")) == 1,
                        NullIfEmpty((string?)field.Element("logicalentityname")))
                    {
                        DisplayName = Label(field.Element("displayname")),
                        Description = Label(field.Element("description")),
                    };
                })
                .ToList();
        }

        /// <summary>
        /// The API's files, by path under customapis/ ('/'-separated, in ordinal order), each with its exact text: UTF-8 without
        /// a byte order mark, two-space indent, LF line ends. As Microsoft's managed exports write them, each file's elements are
        /// in alphabetical order, an element without a value is left out, each parameter and property sits in a folder named by
        /// its unique name, and its <c>name</c> is the API's unique name, a dot, and its own.
        /// </summary>
        public IReadOnlyDictionary<string, string> ToFiles()
        {
            var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [UniqueName + "/" + ApiFile] = Text(ApiXml()),
            };
            foreach (var parameter in RequestParameters)
            {
                files[$"{UniqueName}/{RequestParametersFolder}/{parameter.UniqueName}/{RequestParameterFile}"] = Text(FieldXml("customapirequestparameter", parameter, isRequestParameter: true));
            }

            foreach (var property in ResponseProperties)
            {
                files[$"{UniqueName}/{ResponsePropertiesFolder}/{property.UniqueName}/{ResponsePropertyFile}"] = Text(FieldXml("customapiresponseproperty", property, isRequestParameter: false));
            }

            return files;
        }

        private XElement ApiXml() => new XElement("customapi",
            new XAttribute("uniquename", UniqueName),
            new XElement("allowedcustomprocessingsteptype", AllowedCustomProcessingStepType),
            new XElement("bindingtype", BindingType),
            BoundEntity != null ? new XElement("boundentitylogicalname", BoundEntity) : null,
            LabelXml("description", Description),
            LabelXml("displayname", DisplayName),
            ExecutePrivilegeName != null ? new XElement("executeprivilegename", ExecutePrivilegeName) : null,
            new XElement("iscustomizable", 1),
            new XElement("isfunction", IsFunction ? 1 : 0),
            new XElement("isprivate", IsPrivate ? 1 : 0),
            new XElement("name", UniqueName),
            PluginTypeIdValue is Guid pluginType ? new XElement("plugintypeid", new XElement("plugintypeid", pluginType.ToString("D"))) : null,
            new XElement("workflowsdkstepenabled", WorkflowSdkStepEnabled ? 1 : 0));

        private XElement FieldXml(string kind, CustomApiField field, bool isRequestParameter) => new XElement(kind,
            new XAttribute("uniquename", field.UniqueName),
            LabelXml("description", field.Description),
            LabelXml("displayname", field.DisplayName),
            new XElement("iscustomizable", 1),
            isRequestParameter ? new XElement("isoptional", field.IsOptional ? 1 : 0) : null,
            field.BoundEntity != null ? new XElement("logicalentityname", field.BoundEntity) : null,
            new XElement("name", UniqueName + "." + field.UniqueName),
            new XElement("type", (int)field.Type));

        /// <summary>A localized label as exports write it: the default text, and the same text for English (1033).</summary>
        private static XElement? LabelXml(string name, string? text) =>
            string.IsNullOrEmpty(text)
                ? null
                : new XElement(name, new XAttribute("default", text), new XElement("label", new XAttribute("description", text), new XAttribute("languagecode", 1033)));

        private static string Text(XElement root)
        {
            var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
            using var stream = new MemoryStream();
            using (var writer = XmlWriter.Create(stream, settings))
            {
                new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static string? Label(XElement? element) =>
            NullIfEmpty((string?)element?.Attribute("default") ?? element?.Elements("label").Select(label => (string?)label.Attribute("description")).FirstOrDefault());

        private static int Int(XElement? element) =>
            element == null ? 0 : int.Parse(element.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

        private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
