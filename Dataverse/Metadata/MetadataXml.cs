using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>Reading the metadata files: required attributes (a missing one names the element and its line), labels, lists, numbers.</summary>
    internal static class MetadataXml
    {
        public static string Key(string? table, string? column) => (table ?? string.Empty).ToLowerInvariant() + "." + (column ?? string.Empty).ToLowerInvariant();

        public static decimal? Decimal(string? text) =>
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

        public static string? Label(string? fallback, XElement? labels) =>
            labels?.Elements().Where(label => (string?)label.Attribute("languagecode") == "1033").Select(label => (string?)label.Attribute("description")).FirstOrDefault()
            ?? fallback;

        public static IReadOnlyList<string> Split(string? list) =>
            string.IsNullOrWhiteSpace(list) ? Array.Empty<string>() : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public static string Required(XElement element, string attribute) =>
            (string?)element.Attribute(attribute)
            ?? throw new InvalidDataException($"The <{element.Name.LocalName}> element{LineOf(element)} has no {attribute} attribute.");

        public static string LineOf(XElement element) =>
            element is System.Xml.IXmlLineInfo info && info.HasLineInfo() ? " on line " + info.LineNumber.ToString(CultureInfo.InvariantCulture) : string.Empty;
    }
}
