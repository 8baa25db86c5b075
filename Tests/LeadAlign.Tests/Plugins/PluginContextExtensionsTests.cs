using System;
using LeadAlign.Plugins;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Plugins
{
    public class PluginContextExtensionsTests
    {
        private static readonly Guid LeadId = new Guid("00000000-0000-0000-0000-00000000001e");

        [Fact]
        public void The_record_as_it_will_be_overlays_the_target_on_the_pre_image()
        {
            var pre = new Entity("lead", LeadId) { ["companyname"] = "Contoso", ["jobtitle"] = "Intern", ["telephone1"] = "555" };
            var target = new Entity("lead", LeadId) { ["jobtitle"] = "Director", ["telephone1"] = null };

            var merged = target.MergeWithPreImage(pre);

            Assert.Equal("Contoso", merged["companyname"]);
            Assert.Equal("Director", merged["jobtitle"]);
            Assert.True(merged.Contains("telephone1"));
            Assert.Null(merged["telephone1"]);
            Assert.Equal(LeadId, merged.Id);
            Assert.Equal("Intern", pre["jobtitle"]);
            Assert.Equal(2, target.Attributes.Count);
        }

        [Fact]
        public void Without_a_pre_image_the_record_as_it_will_be_is_the_target()
        {
            var target = new Entity("lead", LeadId) { ["jobtitle"] = "Director" };

            var merged = target.MergeWithPreImage(null);

            Assert.Single(merged.Attributes);
            Assert.NotSame(target, merged);
        }

        [Fact]
        public void The_target_is_read_as_an_entity_or_a_reference_by_message()
        {
            var context = new StubPluginExecutionContext();
            context.InputParameters["Target"] = new EntityReference("lead", LeadId);

            Assert.Null(context.GetTargetEntity());
            Assert.Equal(new EntityReference("lead", LeadId), context.GetTargetReference());
        }

        [Fact]
        public void A_missing_registered_image_is_reported_with_what_to_do()
        {
            var context = new StubPluginExecutionContext { MessageName = "Update", PrimaryEntityName = "lead" };

            var fault = Assert.Throws<InvalidOperationException>(() => context.RequirePreImage("PreImage"));

            Assert.Contains("no pre-image named 'PreImage'", fault.Message);
            Assert.Contains("Re-import the LeadAlign solution", fault.Message);
        }
    }
}
