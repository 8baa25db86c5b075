using System;
using System.Globalization;
using System.Xml.Linq;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// Reading FetchXML's attributes as Dataverse reads them: a required attribute, a boolean (true, false, 1 or 0), a positive whole
    /// number; and the refusal of an element the in-memory Dataverse does not model. Each failure names the element and attribute.
    /// </summary>
    internal static class FetchXmlSyntax
    {
        public static string Required(XElement element, string attribute)
        {
            var value = (string?)element.Attribute(attribute);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException("The FetchXML element <" + element.Name.LocalName + "> needs a '" + attribute + "' attribute.");
            }

            return value;
        }

        public static bool Flag(XElement element, string attribute)
        {
            var value = (string?)element.Attribute(attribute);
            return value?.Trim().ToLowerInvariant() switch
            {
                null or "" => false,
                "true" or "1" => true,
                "false" or "0" => false,
                _ => throw new InvalidOperationException("The FetchXML attribute " + attribute + "='" + value + "' on <" + element.Name.LocalName + "> is not a boolean (true, false, 1 or 0)."),
            };
        }

        public static int? Number(XElement element, string attribute)
        {
            var value = (string?)element.Attribute(attribute);
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (!int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < 0)
            {
                throw new InvalidOperationException("The FetchXML attribute " + attribute + "='" + value + "' on <" + element.Name.LocalName + "> is not a positive whole number.");
            }

            return number;
        }

        public static NotSupportedException Unsupported(string element) =>
            new NotSupportedException("The FetchXML element '" + element + "' is not supported by the in-memory Dataverse.");
    }
}
