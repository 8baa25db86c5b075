using System;
using LeadAlign.Plugins.Registration;
using LeadAlign.Tests.Dataverse.Pipeline;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Plugins
{
    /// <summary>A Custom API plug-in reads its inputs into its request class and writes its response class as its outputs.</summary>
    public class CustomApiContextExtensionsTests
    {
        private readonly StubPluginExecutionContext _context = new StubPluginExecutionContext();

        [Fact]
        public void The_request_is_filled_from_the_inputs_its_properties_declare()
        {
            var lead = new EntityReference("lead", Guid.NewGuid());
            var owner = new EntityReference("systemuser", Guid.NewGuid());
            _context.InputParameters["Target"] = lead;
            _context.InputParameters["Text"] = "hello";
            _context.InputParameters["Count"] = 3;
            _context.InputParameters["Owner"] = owner;
            _context.InputParameters["Undeclared"] = "ignored";

            var request = _context.GetCustomApiRequest<EchoRequest>();

            Assert.Equal((lead, "hello", (int?)3, owner, (string?)null), (request.Target, request.Text, request.Count, request.Owner, request.Undeclared));
        }

        [Fact]
        public void An_input_left_out_null_or_of_another_type_leaves_its_property_empty()
        {
            _context.InputParameters["Text"] = null;
            _context.InputParameters["Count"] = "3";

            var request = _context.GetCustomApiRequest<EchoRequest>();

            Assert.Equal(((EntityReference?)null, (string?)null, (int?)null, (EntityReference?)null), (request.Target, request.Text, request.Count, request.Owner));
        }

        [Fact]
        public void Every_response_property_is_written_as_the_output_of_its_name_nulls_included()
        {
            _context.SetCustomApiResponse(new EchoResponse { Text = "hello", Count = 3 });

            Assert.Equal(3, _context.OutputParameters.Count);
            Assert.Equal("hello", _context.OutputParameters["Text"]);
            Assert.Equal(3, _context.OutputParameters["Count"]);
            Assert.True(_context.OutputParameters.ContainsKey("Owner"));
            Assert.Null(_context.OutputParameters["Owner"]);
        }
    }
}
