using System;
using System.Globalization;
using System.Xml.Linq;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// One entry of a solution manifest's RootComponents: its component type (the solutioncomponent componenttype value),
    /// its schema name or id (or both, for a plug-in assembly), and its behaviour (0 every subcomponent, 1 the table's
    /// metadata without its subcomponents, 2 the table as a shell holding only the subcomponents the solution carries).
    /// <see cref="What"/> names the component for people, as a finding quotes it.
    /// </summary>
    public sealed record RootComponent(int Type, string? SchemaName, string? Id, int Behavior, string What)
    {
        /// <summary>What identifies the component within its type: the id where it has one, else the schema name.</summary>
        public string Key => Id ?? SchemaName ?? string.Empty;

        /// <summary>The element as the platform writes it: type, id, schemaName, behavior, in that order.</summary>
        public XElement ToElement() => new(
            "RootComponent",
            new XAttribute("type", Type.ToString(CultureInfo.InvariantCulture)),
            Id == null ? null : new XAttribute("id", Id),
            SchemaName == null ? null : new XAttribute("schemaName", SchemaName),
            new XAttribute("behavior", Behavior.ToString(CultureInfo.InvariantCulture)));

        /// <summary>The same component (type and key, the key compared as the platform compares names and ids: ignoring case).</summary>
        public bool SameComponent(RootComponent other) => Type == other.Type && string.Equals(Key, other.Key, StringComparison.OrdinalIgnoreCase);

        /// <summary>An id as the platform writes it in a manifest: lower case, in braces.</summary>
        public static string FormatId(Guid id) => "{" + id.ToString("D") + "}";

        public static RootComponent FromElement(XElement element) => new(
            (int?)element.Attribute("type") ?? -1,
            (string?)element.Attribute("schemaName"),
            (string?)element.Attribute("id"),
            (int?)element.Attribute("behavior") ?? 0,
            $"type {(string?)element.Attribute("type")} {(string?)element.Attribute("id") ?? (string?)element.Attribute("schemaName")}");
    }
}
