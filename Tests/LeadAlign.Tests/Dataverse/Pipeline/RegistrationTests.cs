using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Plugins;
using LeadAlign.Plugins.Registration;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Pipeline
{
    [PluginStep("7a1f00f0-0000-4000-8000-000000000001", "Update", "lead", PluginStage.PreOperation)]
    public sealed class UnfilteredUpdatePlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }

    [PluginStep("7a1f00f1-0000-4000-8000-000000000001", "Assign", "lead", PluginStage.PostOperation)]
    public sealed class DeprecatedAssignPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }

    [PluginStep("7a1f00f2-0000-4000-8000-000000000001", "Create", "lead", PluginStage.PreOperation, Mode = PluginMode.Asynchronous)]
    public sealed class AsyncPreOperationPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }

    /// <summary>Step registration: declared once on the class, written to the solution, read back by the pipeline.</summary>
    public sealed class RegistrationTests
    {
        [Fact]
        public void The_solution_step_files_match_the_declarations_on_the_plugin_classes()
        {
            var declared = LeadAlign.Cli.SolutionRegistration.Declared(RepositoryLayout.PathInRepo("Solution"));

            var drift = StepFiles.Drift(declared, RepositoryLayout.PathInRepo("Solution"));

            Assert.True(drift.Count == 0, "Run 'leadalign steps' to regenerate the step files:\n" + string.Join("\n", drift));
        }

        [Fact]
        public void A_step_file_reads_back_as_the_declared_step()
        {
            var declared = StepRegistration.FromTypes(new[] { typeof(JobTitleImagesPlugin), typeof(ContextProbePlugin), typeof(StatefulConfiguredPlugin) });

            foreach (var step in declared)
            {
                var read = StepRegistration.FromXml(XDocument.Parse(step.ToXmlText()), step.FileName);
                Assert.Equal(step.Id, read.Id);
                Assert.Equal(step.PluginTypeName, read.PluginTypeName);
                Assert.Equal(step.Message, read.Message);
                Assert.Equal(step.PrimaryEntity, read.PrimaryEntity);
                Assert.Equal(step.Stage, read.Stage);
                Assert.Equal(step.Mode, read.Mode);
                Assert.Equal(step.Rank, read.Rank);
                Assert.Equal(step.FilteringAttributes, read.FilteringAttributes);
                Assert.Equal(step.Configuration, read.Configuration);
                Assert.Equal(step.Images, read.Images, (left, right) => left.Alias == right.Alias && left.Id == right.Id && left.IsPreImage == right.IsPreImage && left.Attributes.SequenceEqual(right.Attributes));
            }

            Assert.Equal(6, declared.Count);
        }

        [Fact]
        public void A_step_file_has_the_shape_the_platform_exports()
        {
            var step = Assert.Single(StepRegistration.FromTypes(new[] { typeof(JobTitleImagesPlugin) }));

            var xml = XDocument.Parse(step.ToXmlText()).Root!;

            Assert.Equal("SdkMessageProcessingStep", xml.Name.LocalName);
            Assert.Equal("{7a1f0003-0000-4000-8000-000000000001}", (string?)xml.Attribute("SdkMessageProcessingStepId"));
            Assert.Equal("LeadAlign.Tests.Dataverse.Pipeline.JobTitleImagesPlugin: Update of contact", (string?)xml.Attribute("Name"));
            Assert.Equal("20bebb1b-ea3e-db11-86a7-000a3a5473e8", (string?)xml.Element("SdkMessageId"));
            Assert.Equal("SdkMessageId", xml.Elements().First().Name.LocalName);
            Assert.Equal("jobtitle", (string?)xml.Element("FilteringAttributes"));
            Assert.Equal("40", (string?)xml.Element("Stage"));
            Assert.StartsWith("LeadAlign.Tests.Dataverse.Pipeline.JobTitleImagesPlugin, LeadAlign.Tests, Version=", (string?)xml.Element("PluginTypeName"));
            var images = xml.Element("SdkMessageProcessingStepImages")!.Elements("SdkMessageProcessingStepImage").ToList();
            Assert.Equal(new[] { "0", "1" }, images.Select(image => (string?)image.Element("ImageType")));
            Assert.Equal("firstname,jobtitle", (string?)images[0].Element("Attributes"));
        }

        [Theory]
        [InlineData(typeof(UnfilteredUpdatePlugin), "must name its filtering attributes")]
        [InlineData(typeof(DeprecatedAssignPlugin), "register on Update with the filtering attribute ownerid")]
        [InlineData(typeof(AsyncPreOperationPlugin), "asynchronous step must run in PostOperation")]
        public void A_declaration_the_platform_would_misrun_is_refused_with_the_fix(Type pluginType, string message)
        {
            var refused = Assert.Throws<InvalidOperationException>(() => StepRegistration.FromTypes(new[] { pluginType }));

            Assert.Contains(message, refused.Message);
            Assert.Contains(pluginType.FullName!, refused.Message);
        }

        [Fact]
        public void An_organization_started_from_a_solution_folder_runs_the_steps_its_files_register()
        {
            var solution = Directory.CreateTempSubdirectory("leadalign-solution-").FullName;
            try
            {
                StepFiles.Write(StepRegistration.FromTypes(new[] { typeof(StampDescriptionPlugin) }), solution);
                var org = new InMemoryDataverse(DataverseOptions.ForSolution(solution, typeof(StampDescriptionPlugin).Assembly));

                var id = org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });

                Assert.StartsWith("stamped at", org.Get("lead", id)!.GetAttributeValue<string>("description"));
                Assert.Empty(StepFiles.Drift(StepRegistration.FromTypes(new[] { typeof(StampDescriptionPlugin) }), solution));
                Assert.Single(StepFiles.Drift(StepRegistration.FromTypes(new[] { typeof(StampDescriptionPlugin), typeof(CrashingPlugin) }), solution));
            }
            finally
            {
                Directory.Delete(solution, recursive: true);
            }
        }

        [Fact]
        public void A_step_naming_a_plugin_type_no_assembly_holds_stops_the_organization_from_starting()
        {
            var step = StepRegistration.FromTypes(new[] { typeof(StampDescriptionPlugin) }).Single();

            var refused = Assert.Throws<InvalidOperationException>(() => new InMemoryDataverse(new DataverseOptions { Steps = new[] { step } }));

            Assert.Contains("LeadAlign.Tests.Dataverse.Pipeline.StampDescriptionPlugin", refused.Message);
        }
    }
}
