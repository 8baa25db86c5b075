using System;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>
    /// The weekly alignment close ships as a modern (cloud) flow in the shape a real solution export gives one. Reference:
    /// microsoft/coe-starter-kit, CenterofExcellenceALMAccelerator/SolutionPackage/src: Workflows/UpdateReleaseHistoryScheduled-
    /// D827D8D5-0C3B-ED11-9DB1-0022489E2A9E.json and its .json.data.xml (a scheduled flow: Category 5, JsonFileName with a leading
    /// slash, the Recurrence trigger under properties.definition.triggers), Workflows/GetSolutionFlows-B4705964-B409-EC11-B6E6-
    /// 000D3A9C5165.json (properties.connectionReferences: runtimeSource, connection.connectionReferenceLogicalName, api.name;
    /// definition parameters $connections and $authentication), Other/Customizations.xml (connectionreferences after the
    /// other components, each with the connector id /providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps) and
    /// Other/Solution.xml (each flow a root component of type 29 by id; connection references are not root components).
    /// The Dataverse connector's "Perform an unbound action" is operationId PerformUnboundAction with actionName and one
    /// item/ parameter per request parameter.
    /// </summary>
    public sealed class CloudFlowExportShapeTests
    {
        private const string FlowFile = "Workflows/LeadAlignWeeklyalignmentclose-1EAD5C0E-0050-4000-8000-000000000010.json";
        private const string Dataverse = "shared_commondataserviceforapps";

        [Fact]
        public void The_managed_zip_carries_the_flow_its_data_and_its_connection_reference_as_the_export_does()
        {
            var customizations = PackedSolution.Xml("customizations.xml").Root!;
            var flow = customizations.Element("Workflows")!.Elements("Workflow").Single(workflow => (string?)workflow.Element("Category") == "5");
            var roots = PackedSolution.Xml("solution.xml").Descendants("RootComponent").ToList();

            Assert.Equal("{1ead5c0e-0050-4000-8000-000000000010}", (string)flow.Attribute("WorkflowId")!);
            Assert.Equal("/" + FlowFile, (string)flow.Element("JsonFileName")!);
            Assert.Null(flow.Element("XamlFileName"));
            Assert.Equal(("1", "0", "4", "none"), ((string)flow.Element("Type")!, (string)flow.Element("Mode")!, (string)flow.Element("Scope")!, (string)flow.Element("PrimaryEntity")!));
            Assert.True(PackedSolution.Managed.ContainsKey(FlowFile));
            Assert.Contains(roots, root => (string?)root.Attribute("type") == "29" && (string?)root.Attribute("id") == "{1ead5c0e-0050-4000-8000-000000000010}");

            var references = customizations.Element("connectionreferences")!;
            Assert.Equal("Languages", ((XElement)references.NextNode!).Name.LocalName);
            var reference = Assert.Single(references.Elements("connectionreference"));
            Assert.Equal("/providers/Microsoft.PowerApps/apis/" + Dataverse, (string)reference.Element("connectorid")!);
            Assert.DoesNotContain(roots, root => ((string?)root.Attribute("schemaName") ?? string.Empty) == (string)reference.Attribute("connectionreferencelogicalname")!);
        }

        [Fact]
        public void The_flow_runs_every_Monday_early_and_calls_the_Custom_APIs_through_the_Dataverse_connection_reference()
        {
            using var document = JsonDocument.Parse(PackedSolution.Managed[FlowFile]);
            var properties = document.RootElement.GetProperty("properties");
            var connection = properties.GetProperty("connectionReferences").GetProperty(Dataverse);
            var definition = properties.GetProperty("definition");
            var trigger = definition.GetProperty("triggers").GetProperty("Recurrence");
            var recurrence = trigger.GetProperty("recurrence");

            Assert.Equal("1.0.0.0", document.RootElement.GetProperty("schemaVersion").GetString());
            Assert.Equal(Dataverse, connection.GetProperty("api").GetProperty("name").GetString());
            Assert.Equal("la_sharedcommondataserviceforapps_leadalign", connection.GetProperty("connection").GetProperty("connectionReferenceLogicalName").GetString());
            Assert.Equal("Object", definition.GetProperty("parameters").GetProperty("$connections").GetProperty("type").GetString());
            Assert.Equal("Recurrence", trigger.GetProperty("type").GetString());
            Assert.Equal(("Week", 1), (recurrence.GetProperty("frequency").GetString(), recurrence.GetProperty("interval").GetInt32()));
            Assert.Equal(new[] { "Monday" }, recurrence.GetProperty("schedule").GetProperty("weekDays").EnumerateArray().Select(day => day.GetString()));
            Assert.True(int.Parse(recurrence.GetProperty("schedule").GetProperty("hours")[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture) < 6);

            var calls = LeadAlign.Cli.Packaging.CloudFlowValidator.Actions(definition.GetProperty("actions"))
                .Where(action => action.Value.GetProperty("type").GetString() == "OpenApiConnection")
                .Select(action => action.Value.GetProperty("inputs"))
                .ToList();
            Assert.Equal(new[] { "la_EvaluateLeadSlas", "la_RecalculateLeadScores", "la_CloseAlignmentWeek" }, calls.Select(inputs => inputs.GetProperty("parameters").GetProperty("actionName").GetString()));
            Assert.All(calls, inputs =>
            {
                Assert.Equal("PerformUnboundAction", inputs.GetProperty("host").GetProperty("operationId").GetString());
                Assert.Equal(Dataverse, inputs.GetProperty("host").GetProperty("connectionName").GetString());
                Assert.Equal("/providers/Microsoft.PowerApps/apis/" + Dataverse, inputs.GetProperty("host").GetProperty("apiId").GetString());
            });
        }
    }
}
