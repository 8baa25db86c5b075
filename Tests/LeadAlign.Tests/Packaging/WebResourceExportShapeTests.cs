using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Cli.Packaging;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>
    /// The alignment report web resource as a real export ships it, pinned against the Apollo-HealthCare-Management export
    /// (meandtech2001/Apollo-HealthCare-Management-D365-CRM-, commit ad50cef8aeb53488a377dce335da326cbc75acb1): unpacked as
    /// WebResources/apollo_highlight with WebResources/apollo_highlight.data.xml; packed as the entry
    /// WebResources/apollo_highlight73C164F2-1BEF-F011-8407-0022481A1BF1 with an Override in [Content_Types].xml, the
    /// &lt;WebResource&gt; element in customizations.xml's &lt;WebResources&gt; (after &lt;Dashboards&gt;, before
    /// &lt;SolutionPluginAssemblies&gt;), root component type 61 by name (ApolloHospitalProject_1_0_0_3_managed/); placed with the
    /// web resource control of its invoice form (Entities/apollo_ApolloInvoice/FormXml/main/{a5089bae-e25d-4b34-99a6-ba7fc5e08acc}.xml).
    /// </summary>
    public sealed class WebResourceExportShapeTests : IDisposable
    {
        private const string Name = "la_alignmentreport.html";
        private const string Id = "{1ead5c0e-e000-4000-8000-000000000001}";
        private const string Entry = "WebResources/la_alignmentreport.html1EAD5C0E-E000-4000-8000-000000000001";
        private static readonly string DataFile = Path.Combine("WebResources", Name + ".data.xml");
        private static readonly string Dashboard = Path.Combine("Dashboards", "{1254527e-4273-5d9d-bcb0-a4d1e832c9ac}.xml");
        private readonly SolutionCopy _solution = new();

        public void Dispose() => _solution.Dispose();

        [Fact]
        public void The_report_ships_as_an_HTML_web_resource_with_the_data_file_of_a_real_export()
        {
            var data = XDocument.Load(RepositoryLayout.PathInRepo("Solution", DataFile)).Root!;

            // apollo_highlight.data.xml, element for element (this one adds nothing and leaves out nothing).
            Assert.Equal(
                new[] { "WebResourceId", "Name", "DisplayName", "LanguageCode", "WebResourceType", "IntroducedVersion", "IsEnabledForMobileClient", "IsAvailableForMobileOffline", "IsCustomizable", "CanBeDeleted", "IsHidden", "FileName" },
                data.Elements().Select(element => element.Name.LocalName));
            Assert.Equal("WebResource", data.Name.LocalName);
            Assert.Equal(Id, data.Element("WebResourceId")!.Value);
            Assert.Equal(Name, data.Element("Name")!.Value);
            Assert.Equal("1", data.Element("WebResourceType")!.Value);
            Assert.Equal("/" + Entry, data.Element("FileName")!.Value);
            Assert.True(File.Exists(RepositoryLayout.PathInRepo("Solution", "WebResources", Name)));
        }

        public static TheoryData<string> ShippedWebResources()
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(RepositoryLayout.PathInRepo("Solution", "WebResources"), "*.data.xml").OrderBy(path => path, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }

            return data;
        }

        /// <summary>
        /// Every web resource (the report page, the lead commands' script, the reject dialog) in the export's data file shape:
        /// Apollo's apollo_highlight.data.xml (HTML) and apollo_openAppointmentPopup.data.xml (a script, WebResourceType 3, commit
        /// 4af90e92) have the same elements in the same order, and their FileName is /WebResources/ + name + the id in capitals
        /// without braces, which names the packed entry.
        /// </summary>
        [Theory]
        [MemberData(nameof(ShippedWebResources))]
        public void Every_web_resource_has_the_data_file_of_a_real_export(string dataFile)
        {
            var data = XDocument.Load(RepositoryLayout.PathInRepo("Solution", "WebResources", dataFile)).Root!;
            var name = data.Element("Name")!.Value;
            var id = Guid.Parse(data.Element("WebResourceId")!.Value);

            Assert.Equal(
                new[] { "WebResourceId", "Name", "DisplayName", "LanguageCode", "WebResourceType", "IntroducedVersion", "IsEnabledForMobileClient", "IsAvailableForMobileOffline", "IsCustomizable", "CanBeDeleted", "IsHidden", "FileName" },
                data.Elements().Select(element => element.Name.LocalName));
            Assert.Equal(dataFile, name + ".data.xml");
            Assert.Equal(name.EndsWith(".js", StringComparison.Ordinal) ? "3" : "1", data.Element("WebResourceType")!.Value);
            Assert.Equal("/WebResources/" + name + id.ToString("D").ToUpperInvariant(), data.Element("FileName")!.Value);
            Assert.True(PackedSolution.Managed.ContainsKey("WebResources/" + name + id.ToString("D").ToUpperInvariant()), $"the managed zip has no entry for {name}");
        }

        [Fact]
        public void The_managed_zip_carries_the_page_where_a_real_export_does()
        {
            var html = File.ReadAllBytes(RepositoryLayout.PathInRepo("Solution", "WebResources", Name));

            Assert.Equal(html, PackedSolution.Managed[Entry]);
            Assert.DoesNotContain(PackedSolution.Managed.Keys, key => key.EndsWith(".data.xml", StringComparison.Ordinal));
            var contentTypes = PackedSolution.Xml("[Content_Types].xml").Root!;
            Assert.Contains(contentTypes.Elements(), element => element.Name.LocalName == "Override" && (string?)element.Attribute("PartName") == "/" + Entry && (string?)element.Attribute("ContentType") == "application/octet-stream");
            var customizations = PackedSolution.Xml("customizations.xml").Root!;
            var sections = customizations.Elements().Select(element => element.Name.LocalName).ToList();
            Assert.Equal(sections.IndexOf("Dashboards") + 1, sections.IndexOf("WebResources"));
            Assert.Equal(sections.IndexOf("WebResources") + 1, sections.IndexOf("SolutionPluginAssemblies"));
            var webResource = customizations.Element("WebResources")!.Elements("WebResource").Single(element => (string?)element.Element("Name") == Name);
            Assert.Equal(Name, webResource.Element("Name")!.Value);
            Assert.Equal("/" + Entry, webResource.Element("FileName")!.Value);
            Assert.Empty(webResource.Attributes());
            Assert.Contains(PackedSolution.Xml("solution.xml").Descendants("RootComponent"), component =>
                (string?)component.Attribute("type") == "61" && (string?)component.Attribute("schemaName") == Name && (string?)component.Attribute("behavior") == "0");
        }

        [Fact]
        public void The_dashboard_shows_the_report_in_a_web_resource_control()
        {
            var control = XDocument.Load(RepositoryLayout.PathInRepo("Solution", Dashboard)).Descendants("control")
                .Single(element => (string?)element.Attribute("classid") == "{9FDF5F91-88B1-47F4-AD53-C11EFC01A01D}");

            // The parameters of apollo_highlight's control on the invoice form, in its order.
            Assert.Equal(
                new[] { "Url", "PassParameters", "Security", "Scrolling", "Border", "ShowOnMobileClient", "WebResourceId" },
                control.Element("parameters")!.Elements().Select(element => element.Name.LocalName));
            Assert.Equal(Name, control.Element("parameters")!.Element("Url")!.Value);
            Assert.Equal(Id, control.Element("parameters")!.Element("WebResourceId")!.Value);
            Assert.StartsWith("WebResource_", (string)control.Attribute("id")!, StringComparison.Ordinal);
            Assert.Contains(PackedSolution.Xml("customizations.xml").Descendants("Dashboard").Descendants("Url"), url => url.Value == Name);
        }

        [Fact]
        public void A_page_loading_a_script_a_style_sheet_or_a_font_from_another_site_is_a_finding()
        {
            var page = Path.Combine("WebResources", Name);
            _solution.Break(page, "</head>", "<script src=\"https://cdn.example.com/chart.js\"></script>\n<link rel=\"stylesheet\" href=\"//cdn.example.com/site.css\">\n</head>");
            _solution.Break(page, "  :root {", "  @import url(\"https://fonts.example.com/css?family=Inter\");\n  @font-face { font-family: Inter; src: url(https://fonts.example.com/inter.woff2); }\n  :root {");

            var findings = Findings();

            Assert.Contains(findings, finding => finding.StartsWith("WebResources/la_alignmentreport.html:", StringComparison.Ordinal) && finding.Contains("loads https://cdn.example.com/chart.js from another site", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.Contains("loads //cdn.example.com/site.css", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.Contains("loads https://fonts.example.com/css?family=Inter", StringComparison.Ordinal));
            Assert.Contains(findings, finding => finding.Contains("loads https://fonts.example.com/inter.woff2", StringComparison.Ordinal));
            Assert.Equal(4, findings.Length);
        }

        [Fact]
        public void A_missing_page_a_page_that_is_not_HTML_or_a_file_name_a_real_export_does_not_write_is_a_finding()
        {
            File.WriteAllText(Path.Combine(_solution.Folder, "WebResources", Name), "window.alert('not a page');");
            _solution.Break(DataFile, "<FileName>/WebResources/la_alignmentreport.html1EAD5C0E", "<FileName>/WebResources/la_alignmentreport.html{1EAD5C0E");

            var notHtml = Findings();
            File.Delete(Path.Combine(_solution.Folder, "WebResources", Name));
            var missing = Findings();

            Assert.Contains(notHtml, finding => finding.StartsWith("WebResources/la_alignmentreport.html:1:", StringComparison.Ordinal) && finding.Contains("is not an HTML document", StringComparison.Ordinal));
            Assert.Contains(notHtml, finding => finding.StartsWith("WebResources/la_alignmentreport.html.data.xml:", StringComparison.Ordinal) && finding.Contains("not where a real export puts the content: /" + Entry, StringComparison.Ordinal));
            Assert.Contains(missing, finding => finding.Contains("has no content file WebResources/la_alignmentreport.html", StringComparison.Ordinal));
        }

        [Fact]
        public void A_dashboard_control_naming_a_web_resource_the_solution_does_not_hold_is_a_finding()
        {
            _solution.Break(Dashboard, "<Url>la_alignmentreport.html</Url>", "<Url>la_alignmentreport2.html</Url>");
            var missing = Findings();
            _solution.Break(Dashboard, "<Url>la_alignmentreport2.html</Url>", "<Url>la_alignmentreport.html</Url>");
            _solution.Break(Dashboard, "<WebResourceId>{1ead5c0e-e000-4000-8000-000000000001}</WebResourceId>", "<WebResourceId>{1ead5c0e-e000-4000-8000-000000000009}</WebResourceId>");
            var wrongId = Findings();

            Assert.Single(missing, finding => finding.StartsWith("Dashboards/", StringComparison.Ordinal) && finding.Contains("shows the web resource 'la_alignmentreport2.html', which the solution does not hold", StringComparison.Ordinal));
            Assert.Contains(wrongId, finding => finding.StartsWith("Dashboards/", StringComparison.Ordinal) && finding.Contains("gives the id {1ead5c0e-e000-4000-8000-000000000009}, but la_alignmentreport.html has the id {1ead5c0e-e000-4000-8000-000000000001}", StringComparison.Ordinal));
        }

        private string[] Findings() => new SolutionValidator(_solution.Folder, SolutionCopy.Assemblies).Findings().ToArray();
    }
}
