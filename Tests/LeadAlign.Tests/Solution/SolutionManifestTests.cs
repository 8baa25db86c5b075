using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Solution
{
    public class SolutionManifestTests
    {
        private static readonly XDocument Manifest = XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Other", "Solution.xml"));

        [Fact]
        public void The_solution_is_published_by_leadalign_with_the_la_prefix()
        {
            var publisher = Manifest.Descendants("Publisher").Single();

            Assert.Equal("LeadAlign", Manifest.Descendants("SolutionManifest").Single().Element("UniqueName")!.Value);
            Assert.Equal("leadalign", publisher.Element("UniqueName")!.Value);
            Assert.Equal("la", publisher.Element("CustomizationPrefix")!.Value);
            Assert.InRange(int.Parse(publisher.Element("CustomizationOptionValuePrefix")!.Value), 10000, 99999);
        }

        [Theory]
        [InlineData("LeadAlign.Plugins")]
        [InlineData("LeadAlign.WorkflowActivities")]
        public void The_assemblies_carry_the_version_the_solution_manifest_sets(string assemblyName)
        {
            var version = Version.Parse(Manifest.Descendants("SolutionManifest").Single().Element("Version")!.Value);

            var built = System.Reflection.AssemblyName.GetAssemblyName(RepositoryLayout.Net462Output(assemblyName)).Version;

            Assert.Equal(version, built);
        }

        [Fact]
        public void The_customizations_file_is_a_solution_customizations_document()
        {
            var customizations = XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Other", "Customizations.xml"));

            Assert.Equal("ImportExportXml", customizations.Root!.Name.LocalName);
            Assert.NotNull(customizations.Root.Element("Entities"));
            Assert.Equal("1033", customizations.Root.Element("Languages")!.Element("Language")!.Value);
        }

        [Fact]
        public void No_file_in_the_solution_folder_is_named_after_an_sdk_assembly()
        {
            var files = Directory.EnumerateFiles(RepositoryLayout.PathInRepo("Solution"), "*", SearchOption.AllDirectories).Select(Path.GetFileName);

            Assert.DoesNotContain(files, file => file!.StartsWith("Microsoft.Xrm.Sdk", StringComparison.OrdinalIgnoreCase)
                || file.StartsWith("Microsoft.Crm.Sdk", StringComparison.OrdinalIgnoreCase)
                || file.StartsWith("System.Activities", StringComparison.OrdinalIgnoreCase));
        }
    }
}
