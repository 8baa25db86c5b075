using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// The web resource rules of <c>leadalign validate</c>, each finding as <c>file:line: message</c>:
    /// <list type="bullet">
    /// <item>every WebResources/&lt;name&gt;.data.xml has its content file WebResources/&lt;name&gt;, an id, and the elements a real
    /// export writes, in its order, with FileName /WebResources/&lt;name&gt;&lt;ID&gt; (Apollo-HealthCare-Management export, commit
    /// ad50cef8aeb53488a377dce335da326cbc75acb1, WebResources/apollo_highlight.data.xml);</item>
    /// <item>a web page (WebResourceType 1) is HTML and self-contained: no script, style sheet, font or other resource loaded
    /// from another site (an absolute or protocol-relative URL in a script src, a link href, a CSS @import or url());</item>
    /// <item>every web resource control on a dashboard or a table's form (classid {9FDF5F91-88B1-47F4-AD53-C11EFC01A01D}, its Url
    /// the web resource's name, as the same export's invoice form places apollo_highlight) names a web resource of the
    /// solution, and its WebResourceId is that web resource's id.</item>
    /// </list>
    /// </summary>
    public sealed class WebResourceValidator
    {
        /// <summary>The classid of the web resource control in FormXml.</summary>
        public static readonly Guid WebResourceControl = new("9FDF5F91-88B1-47F4-AD53-C11EFC01A01D");

        /// <summary>The elements of a web resource's data file, in the order a real export writes them.</summary>
        public static readonly IReadOnlyList<string> Elements = new[]
        {
            "WebResourceId", "Name", "DisplayName", "Description", "LanguageCode", "WebResourceType", "IntroducedVersion", "IsEnabledForMobileClient",
            "IsAvailableForMobileOffline", "IsCustomizable", "CanBeDeleted", "IsHidden", "FileName",
        };

        private static readonly string[] Required = { "WebResourceId", "Name", "DisplayName", "WebResourceType", "FileName" };

        private static readonly Regex ExternalReference = new(
            @"<script\b[^>]*?\bsrc\s*=\s*[""']?(?<url>[^""'\s>]+)|<link\b[^>]*?\bhref\s*=\s*[""']?(?<url>[^""'\s>]+)|@import\s+(?:url\(\s*)?[""']?(?<url>[^""')\s;]+)|url\(\s*[""']?(?<url>[^""')\s]+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private readonly string _solution;

        public WebResourceValidator(string solutionFolder)
        {
            _solution = solutionFolder;
        }

        public IReadOnlyList<string> Findings()
        {
            var findings = new List<string>();
            var webResources = WebResourceFiles.FromFolder(_solution);
            foreach (var webResource in webResources)
            {
                CheckDataFile(webResource, findings);
                CheckContent(webResource, findings);
            }

            var forms = Files("Dashboards", "*.xml").Concat(Directory.Exists(Path.Combine(_solution, "Entities"))
                ? Directory.EnumerateDirectories(Path.Combine(_solution, "Entities"), "FormXml", SearchOption.AllDirectories).SelectMany(folder => Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories)).OrderBy(file => file, StringComparer.Ordinal)
                : Enumerable.Empty<string>());
            foreach (var file in forms)
            {
                CheckControls(file, webResources, findings);
            }

            return findings;
        }

        private void CheckDataFile(WebResourceFile webResource, List<string> findings)
        {
            var element = webResource.Element;
            var names = element.Elements().Select(child => child.Name.LocalName).ToList();
            foreach (var unknown in element.Elements().Where(child => !Elements.Contains(child.Name.LocalName)))
            {
                findings.Add(SolutionFinding.At(_solution, webResource.DataFile, unknown, $"<{unknown.Name.LocalName}> is not an element a real export writes in a web resource's data file."));
            }

            foreach (var absent in Required.Where(required => !names.Contains(required)))
            {
                findings.Add(SolutionFinding.At(_solution, webResource.DataFile, element, $"the web resource {webResource.Name} has no <{absent}>, which a real export always writes."));
            }

            var known = names.Where(Elements.Contains).ToList();
            var outOfOrder = known.Zip(known.Skip(1)).FirstOrDefault(pair => Position(pair.First) >= Position(pair.Second));
            if (outOfOrder != default)
            {
                findings.Add(SolutionFinding.At(_solution, webResource.DataFile, element.Element(outOfOrder.Second)!, $"<{outOfOrder.Second}> comes after <{outOfOrder.First}>: a real export writes {string.Join(", ", Elements)} in that order."));
            }

            if (names.Contains("WebResourceId") && webResource.Id == null)
            {
                findings.Add(SolutionFinding.At(_solution, webResource.DataFile, element.Element("WebResourceId")!, $"the web resource {webResource.Name} has no valid id."));
            }

            if (webResource.FileName != null && webResource.Id != null && !string.Equals(webResource.FileName, "/" + webResource.ExportEntryName, StringComparison.Ordinal))
            {
                findings.Add(SolutionFinding.At(_solution, webResource.DataFile, element.Element("FileName")!, $"the FileName {webResource.FileName} is not where a real export puts the content: /{webResource.ExportEntryName}."));
            }

            if (webResource.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && webResource.Type != WebResourceFile.Html)
            {
                findings.Add(SolutionFinding.At(_solution, webResource.DataFile, element.Element("WebResourceType") ?? element, $"the web resource {webResource.Name} is a web page but its WebResourceType is not {WebResourceFile.Html} (HTML)."));
            }
        }

        private void CheckContent(WebResourceFile webResource, List<string> findings)
        {
            if (!File.Exists(webResource.ContentFile))
            {
                findings.Add(SolutionFinding.At(_solution, webResource.DataFile, webResource.Element.Element("Name") ?? webResource.Element, $"the web resource {webResource.Name} has no content file {SolutionFinding.Relative(_solution, webResource.ContentFile)}."));
                return;
            }

            if (webResource.Type != WebResourceFile.Html)
            {
                return;
            }

            var text = File.ReadAllText(webResource.ContentFile);
            var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            if (!start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) && !start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add($"{SolutionFinding.Relative(_solution, webResource.ContentFile)}:1: the web resource {webResource.Name} is of type {WebResourceFile.Html} (HTML) but its content is not an HTML document (it starts with neither <!DOCTYPE html> nor <html>).");
            }

            foreach (Match match in ExternalReference.Matches(text))
            {
                var url = match.Groups["url"].Value;
                if (url.StartsWith("//", StringComparison.Ordinal) || Regex.IsMatch(url, "^[a-z][a-z0-9+.-]*://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                {
                    var line = text.Take(match.Index).Count(character => character == '\n') + 1;
                    findings.Add($"{SolutionFinding.Relative(_solution, webResource.ContentFile)}:{line}: the web page loads {url} from another site: a LeadAlign web resource carries its scripts, styles and fonts inline.");
                }
            }
        }

        private void CheckControls(string file, IReadOnlyList<WebResourceFile> webResources, List<string> findings)
        {
            var document = XDocument.Load(file, LoadOptions.SetLineInfo);
            foreach (var control in document.Descendants("control").Where(control => Guid.TryParse((string?)control.Attribute("classid"), out var classId) && classId == WebResourceControl))
            {
                var url = ((string?)control.Element("parameters")?.Element("Url"))?.Trim();
                var webResource = webResources.FirstOrDefault(candidate => string.Equals(candidate.Name, url, StringComparison.OrdinalIgnoreCase));
                if (webResource == null)
                {
                    findings.Add(SolutionFinding.At(_solution, file, control, $"the web resource control {(string?)control.Attribute("id")} shows the web resource '{url}', which the solution does not hold (WebResources/)."));
                    continue;
                }

                var idText = (string?)control.Element("parameters")?.Element("WebResourceId");
                if (idText != null && (!Guid.TryParse(idText, out var id) || id != webResource.Id))
                {
                    findings.Add(SolutionFinding.At(_solution, file, control.Element("parameters")!.Element("WebResourceId")!, $"the web resource control {(string?)control.Attribute("id")} gives the id {idText}, but {webResource.Name} has the id {webResource.Id:B}."));
                }
            }
        }

        private static int Position(string element) => Elements.ToList().IndexOf(element);

        private IEnumerable<string> Files(string folder, string pattern)
        {
            var path = Path.Combine(_solution, folder);
            return Directory.Exists(path) ? Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories).OrderBy(file => file, StringComparer.Ordinal) : Enumerable.Empty<string>();
        }
    }
}
