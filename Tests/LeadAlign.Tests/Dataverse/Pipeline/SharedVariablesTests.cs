using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Pipeline
{
    /// <summary>
    /// SharedVariables as the platform serializes them when a step returns: "Any type of data added to the shared variables collection
    /// must be serializable otherwise the server will not know how to serialize the data and plug-in execution will fail." (Microsoft
    /// Learn, Understand the execution context, Shared variables).
    /// </summary>
    public sealed class SharedVariablesTests
    {
        [Theory]
        [InlineData("hint", "LeadAlign.Tests.Dataverse.Pipeline.ScoringHint")]
        [InlineData("list", "System.Collections.Generic.List`1")]
        [InlineData("row holding a hint", "LeadAlign.Tests.Dataverse.Pipeline.ScoringHint")]
        public void A_shared_variable_the_platform_cannot_serialize_fails_the_step_and_rolls_the_operation_back(string subject, string refusedType)
        {
            var org = TestOrganization.With(typeof(SharedVariablesPlugin));

            var fault = TestOrganization.Fault(() => org.SystemService.Create(new Entity("task") { ["subject"] = subject }));

            Assert.Equal(DataverseFault.UnexpectedPluginException, fault.ErrorCode);
            Assert.StartsWith("Unexpected exception from plug-in (Execute): LeadAlign.Tests.Dataverse.Pipeline.SharedVariablesPlugin: System.Runtime.Serialization.SerializationException: Type '" + refusedType, fault.Message);
            Assert.Contains("is not expected", fault.Message);
            Assert.Contains("The shared variable 'hint' holds it", fault.Message);
            Assert.Empty(org.All("task"));
            var run = Assert.Single(org.Log.Of(typeof(SharedVariablesPlugin)));
            Assert.Equal(20, run.Stage);
            Assert.False(run.Succeeded);
        }

        [Fact]
        public void Shared_variables_of_the_sdk_types_the_platform_serializes_reach_the_next_stage()
        {
            var org = TestOrganization.With(typeof(SharedVariablesPlugin));

            org.SystemService.Create(new Entity("task") { ["subject"] = "Call back" });

            var post = org.Log.Of(typeof(SharedVariablesPlugin)).Single(run => run.Stage == 40);
            var traced = post.Trace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => pair[1]);
            Assert.Equal(
                new Dictionary<string, string>
                {
                    ["amount"] = "Decimal:12.5",
                    ["budget"] = "Money:" + new Money(5000m),
                    ["count"] = "Int32:3",
                    ["flag"] = "Boolean:True",
                    ["id"] = "Guid:00000000-0000-4000-8000-0000000000aa",
                    ["ids"] = "Guid[]:2",
                    ["lead"] = "EntityReference:" + new EntityReference("lead", new Guid("00000000-0000-4000-8000-0000000000aa")),
                    ["names"] = "String[]:2",
                    ["nothing"] = "null:",
                    ["ratio"] = "Double:0.25",
                    ["row"] = "Entity:" + new Entity("lead"),
                    ["rows"] = "EntityCollection:" + new EntityCollection(),
                    ["stage"] = "OptionSetValue:" + new OptionSetValue(2),
                    ["text"] = "String:MQL|SAL|0|65",
                    ["when"] = string.Format(CultureInfo.InvariantCulture, "DateTime:{0}", org.UtcNow),
                },
                traced);
            Assert.Single(org.All("task"));
        }
    }
}
