using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// One web resource of the unpacked solution: its WebResources/&lt;name&gt;.data.xml (<see cref="DataFile"/>, whose root is
    /// the &lt;WebResource&gt; element customizations.xml carries) and its content, WebResources/&lt;name&gt;
    /// (<see cref="ContentFile"/>), as the Apollo export unpacks them (commit ad50cef8aeb53488a377dce335da326cbc75acb1,
    /// WebResources/apollo_highlight and WebResources/apollo_highlight.data.xml).
    /// </summary>
    public sealed record WebResourceFile(string DataFile, XElement Element, string ContentFile)
    {
        /// <summary>WebResourceType 1: a web page (HTML).</summary>
        public const int Html = 1;

        public string Name => (string?)Element.Element("Name") ?? string.Empty;

        public Guid? Id => Guid.TryParse((string?)Element.Element("WebResourceId"), out var id) ? id : null;

        public int? Type => int.TryParse((string?)Element.Element("WebResourceType"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var type) ? type : null;

        /// <summary>The element as customizations.xml carries it: the data file's root without its own namespace declarations.</summary>
        public XElement CustomizationsElement => new(Element.Name, Element.Attributes().Where(attribute => !attribute.IsNamespaceDeclaration), Element.Nodes());

        /// <summary>The FileName the data file gives: where the content is in the zip, with a leading slash.</summary>
        public string? FileName => (string?)Element.Element("FileName");

        /// <summary>
        /// Where a real export puts the content in the zip: WebResources/, the name, then the id in capitals without braces
        /// (ApolloHospitalProject_1_0_0_3_managed/WebResources/apollo_highlight73C164F2-1BEF-F011-8407-0022481A1BF1).
        /// </summary>
        public string ExportEntryName => "WebResources/" + Name + (Id?.ToString("D").ToUpperInvariant() ?? string.Empty);

        /// <summary>The zip entry the packer writes the content to: the data file's FileName without its leading slash.</summary>
        public string EntryName => (FileName ?? "/" + ExportEntryName).TrimStart('/');
    }
}
