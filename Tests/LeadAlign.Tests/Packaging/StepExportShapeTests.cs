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
    /// The steps in the packed zip in the shape of a real 2026 export: meandtech2001/Apollo-HealthCare-Management-D365-CRM- at
    /// 4af90e9294495d736f1f1087e206d1b997e8bfa9, ApolloHospitalProject_1_0_0_4.zip, customizations.xml, the step
    /// "MyPlugins.CreatePrescription: Create of appointment" (the same step unpacked: SdkMessageProcessingSteps/
    /// {76e55b17-04e3-f011-8406-0022481a1bf1}.xml). Inline in SdkMessageProcessingSteps, with no namespace declaration of
    /// its own, its children are SdkMessageId (without braces), PluginTypeName, PluginTypeId, PrimaryEntity, AsyncAutoDelete,
    /// FilteringAttributes (present and empty on a Create), InvocationSource (1), Mode, Rank, EventHandlerTypeCode, Stage,
    /// IsCustomizable, IsHidden, SupportedDeployment, IntroducedVersion and SdkMessageProcessingStepImages (present and
    /// empty), in that order; its PluginTypeId is the PluginTypeId of the PluginType the assembly's registration lists. That
    /// step has no Configuration or Description; ours put them where the 2018 schema does, between AsyncAutoDelete and
    /// FilteringAttributes, which keeps the export's order of everything else. A step on one of our Custom APIs' messages
    /// (la_GetAlignmentReport) names no SdkMessageId: the message is created in the importing org by the Custom API, so it has
    /// no id we could know; the step is found by its name. No real export here shows such a step, so that one stays unpinned.
    /// </summary>
    public sealed class StepExportShapeTests
    {
        private static readonly string[] ExportedOrder =
        {
            "SdkMessageId", "PluginTypeName", "PluginTypeId", "PrimaryEntity", "AsyncAutoDelete", "FilteringAttributes", "InvocationSource", "Mode",
            "Rank", "EventHandlerTypeCode", "Stage", "IsCustomizable", "IsHidden", "SupportedDeployment", "IntroducedVersion", "SdkMessageProcessingStepImages",
        };

        [Fact]
        public void Every_packed_step_has_the_elements_of_an_exported_step_in_their_order()
        {
            var steps = Customizations().Root!.Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep").ToList();

            Assert.Equal(Directory.GetFiles(RepositoryLayout.PathInRepo("Solution", "SdkMessageProcessingSteps"), "*.xml").Length, steps.Count);
            Assert.All(steps, step =>
            {
                var names = step.Elements().Select(child => child.Name.LocalName).ToList();
                var expected = OnCustomApi(step) ? ExportedOrder.Skip(1) : ExportedOrder;
                Assert.Equal(expected, names.Where(name => name is not ("Configuration" or "Description")));
                var optional = names.Where(name => name is "Configuration" or "Description").Select(name => names.IndexOf(name)).ToList();
                Assert.All(optional, index => Assert.InRange(index, names.IndexOf("AsyncAutoDelete") + 1, names.IndexOf("FilteringAttributes") - 1));
                Assert.DoesNotContain(step.Attributes(), attribute => attribute.IsNamespaceDeclaration);
            });
        }

        [Fact]
        public void A_step_names_its_message_without_braces_runs_for_child_pipelines_and_always_carries_filtering_attributes_and_images()
        {
            var steps = Customizations().Root!.Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep").ToList();

            Assert.All(steps.Where(step => !OnCustomApi(step)), step =>
            {
                var messageId = (string)step.Element("SdkMessageId")!;
                Assert.True(Guid.TryParseExact(messageId, "D", out _), $"SdkMessageId '{messageId}' is not a bare GUID");
            });
            Assert.All(steps, step => Assert.Equal("1", (string?)step.Element("InvocationSource")));
            var create = steps.First(step => ((string)step.Attribute("Name")!).EndsWith(": Create of lead", StringComparison.Ordinal));
            Assert.Equal(string.Empty, (string?)create.Element("FilteringAttributes"));
            Assert.False(create.Element("SdkMessageProcessingStepImages")!.HasElements);
            Assert.Contains(steps, step => step.Element("SdkMessageProcessingStepImages")!.HasElements);
        }

        [Fact]
        public void A_step_names_the_plug_in_type_id_its_assembly_registers()
        {
            var customizations = Customizations();
            var typeIds = customizations.Descendants("PluginType").ToDictionary(type => (string)type.Attribute("Name")!, type => (string)type.Attribute("PluginTypeId")!);

            var steps = customizations.Root!.Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep").ToList();

            Assert.All(steps, step =>
            {
                var typeName = ((string)step.Element("PluginTypeName")!).Split(',')[0];
                Assert.Equal(typeIds[typeName], (string?)step.Element("PluginTypeId"));
            });
        }

        [Fact]
        public void The_exported_order_still_validates_against_the_2018_schema_in_a_copy_and_the_packed_file_keeps_it()
        {
            var packer = new SolutionPacker(RepositoryLayout.PathInRepo("Solution"), RepositoryLayout.PathInRepo("build", "schemas"));
            var customizations = Customizations();
            var before = customizations.ToString();

            Assert.Empty(packer.ValidationErrors(customizations));
            Assert.Equal(before, customizations.ToString());
        }

        private static bool OnCustomApi(XElement step) => ((string)step.Attribute("Name")!).Contains(": la_", StringComparison.Ordinal);

        private static XDocument Customizations() => PackedSolution.Xml("customizations.xml");
    }
}
