using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Registration
{
    /// <summary>The value types a Custom API parameter or response property can have, with the platform's values.</summary>
    public enum CustomApiFieldType
    {
        Boolean = 0,
        DateTime = 1,
        Decimal = 2,
        Entity = 3,
        EntityCollection = 4,
        EntityReference = 5,
        Float = 6,
        Integer = 7,
        Money = 8,
        Picklist = 9,
        String = 10,
        StringArray = 11,
        Guid = 12,
    }

    public sealed record CustomApiField(string UniqueName, CustomApiFieldType Type, bool IsOptional, string? BoundEntity)
    {
        public Type ClrType => Type switch
        {
            CustomApiFieldType.Boolean => typeof(bool),
            CustomApiFieldType.DateTime => typeof(DateTime),
            CustomApiFieldType.Decimal => typeof(decimal),
            CustomApiFieldType.Entity => typeof(Entity),
            CustomApiFieldType.EntityCollection => typeof(EntityCollection),
            CustomApiFieldType.EntityReference => typeof(EntityReference),
            CustomApiFieldType.Float => typeof(double),
            CustomApiFieldType.Integer => typeof(int),
            CustomApiFieldType.Money => typeof(Money),
            CustomApiFieldType.Picklist => typeof(OptionSetValue),
            CustomApiFieldType.String => typeof(string),
            CustomApiFieldType.StringArray => typeof(string[]),
            _ => typeof(Guid),
        };
    }

    /// <summary>
    /// A Custom API as the unpacked solution holds it: customapis/{uniquename}/customapi.xml with its
    /// customapirequestparameters/*/customapirequestparameter.xml and customapiresponseproperties/*/customapiresponseproperty.xml.
    /// The plug-in type that is its main operation is named by id; plug-in type ids are derived from the type's full name
    /// (<see cref="PluginTypeId"/>), the same way the solution's assembly registration writes them.
    /// </summary>
    public sealed class CustomApiDefinition
    {
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

        public IReadOnlyList<CustomApiField> RequestParameters { get; init; } = Array.Empty<CustomApiField>();

        public IReadOnlyList<CustomApiField> ResponseProperties { get; init; } = Array.Empty<CustomApiField>();

        /// <summary>The id of a plug-in type, derived from its full name: stable across builds and machines.</summary>
        public static Guid PluginTypeId(string pluginTypeFullName) => Metadata.MetadataCatalog.NameId("plugintype:" + pluginTypeFullName);

        public static IReadOnlyList<CustomApiDefinition> FromSolutionFolder(string solutionFolder)
        {
            var folder = Path.Combine(solutionFolder, "customapis");
            if (!Directory.Exists(folder))
            {
                return Array.Empty<CustomApiDefinition>();
            }

            return Directory.EnumerateDirectories(folder).OrderBy(path => path, StringComparer.Ordinal)
                .Where(directory => File.Exists(Path.Combine(directory, "customapi.xml")))
                .Select(FromFolder)
                .ToList();
        }

        public static CustomApiDefinition FromFolder(string folder)
        {
            var api = XDocument.Load(Path.Combine(folder, "customapi.xml")).Root!;
            var uniqueName = (string?)api.Attribute("uniquename") ?? (string?)api.Element("uniquename")
                ?? throw new InvalidDataException($"{folder}: customapi.xml has no uniquename.");
            var pluginType = api.Element("plugintypeid")?.DescendantsAndSelf().Select(element => element.HasElements ? null : element.Value.Trim('{', '}', ' '))
                .Select(text => Guid.TryParse(text, out var id) ? id : (Guid?)null).FirstOrDefault(id => id != null);
            return new CustomApiDefinition(uniqueName, pluginType)
            {
                BindingType = Int(api.Element("bindingtype")),
                BoundEntity = NullIfEmpty((string?)api.Element("boundentitylogicalname")),
                IsFunction = Int(api.Element("isfunction")) == 1,
                RequestParameters = Fields(Path.Combine(folder, "customapirequestparameters"), "customapirequestparameter.xml", optional: true),
                ResponseProperties = Fields(Path.Combine(folder, "customapiresponseproperties"), "customapiresponseproperty.xml", optional: false),
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
                        NullIfEmpty((string?)field.Element("logicalentityname")));
                })
                .ToList();
        }

        private static int Int(XElement? element) =>
            element == null ? 0 : int.Parse(element.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

        private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
