using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse.Workflows;
using LeadAlign.Tests.Support;
using LeadAlign.WorkflowActivities;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>
    /// The workflows of the packed managed zip are in the shape the classic workflow designer exports, the only shape a
    /// Dataverse workflow host loads. References: a real 2026 managed export, meandtech2001/Apollo-HealthCare-Management-D365-CRM-
    /// at commit 4af90e9294495d736f1f1087e206d1b997e8bfa9 (Workflows/CalcTotalMedicineAmount_CustomWF-01090B03-630A-F111-8407-0022481A1BF1.xaml
    /// and its .data.xml: a custom activity call; Workflows/SendEmailOnChangeOfMedicalTestStatus-C6C87E93-3D15-F111-8342-0022481A1BF1.xaml:
    /// conditions and waits), and a workflow retrieved from a real org, delegateas/XrmMockup
    /// tests/XrmMockup365Test/Metadata/OtherWorkflows/WaitingWorkflow.xml (timeout waits). The refusal of every other shape is
    /// shown on broken copies in BackgroundWorkflowTests and SolutionValidatorTests.
    /// </summary>
    public sealed class WorkflowExportShapeTests
    {
        private const string Mxswa = "clr-namespace:Microsoft.Xrm.Sdk.Workflow.Activities;assembly=Microsoft.Xrm.Sdk.Workflow, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";

        private static XDocument Packed(string entry) => PackedSolution.Xml(entry);

        /// <summary>Each packed classic workflow (cloud flows, Category 5, are pinned by CloudFlowExportShapeTests): its definition in customizations.xml and its XAML file.</summary>
        private static IEnumerable<(XElement Data, XDocument Xaml)> PackedWorkflows() =>
            Packed("customizations.xml").Descendants("Workflow").Where(workflow => workflow.Parent?.Name.LocalName == "Workflows" && (string?)workflow.Element("Category") != "5")
                .Select(data => (data, Packed(((string)data.Element("XamlFileName")!).TrimStart('/'))));

        [Fact]
        public void The_managed_zip_ships_both_workflows_and_each_loads_in_the_designers_shape()
        {
            var workflows = PackedWorkflows().ToList();

            Assert.Equal(new[] { "LeadAlign: Rejection feedback", "LeadAlign: SLA clock" }, workflows.Select(workflow => (string)workflow.Data.Attribute("Name")!).OrderBy(name => name, StringComparer.Ordinal));
            Assert.All(workflows, workflow =>
            {
                var definition = WorkflowDefinition.FromXml(workflow.Data, workflow.Xaml, (string)workflow.Data.Element("XamlFileName")!);
                Assert.Null(definition.LoadError(name => typeof(WorkflowActivityBase).Assembly.GetType(name)));
            });
        }

        [Fact]
        public void Every_reference_literal_is_the_workflow_sdks_and_no_xaml_element_names_a_leadalign_type()
        {
            foreach (var (data, xaml) in PackedWorkflows())
            {
                var elements = xaml.Descendants().ToList();
                Assert.All(elements.Where(element => element.Name.LocalName == "ReferenceLiteral"), literal => Assert.Equal(Mxswa, literal.Name.NamespaceName));
                Assert.DoesNotContain(elements, element => element.Name.NamespaceName.Contains("LeadAlign", StringComparison.Ordinal));
                Assert.DoesNotContain("Microsoft.Xrm.Sdk.Query.ReferenceLiteral", xaml.ToString(), StringComparison.Ordinal);
                Assert.Equal("XrmWorkflow" + Guid.Parse((string)data.Attribute("WorkflowId")!).ToString("N"), (string?)xaml.Root!.Attribute(XName.Get("Class", "http://schemas.microsoft.com/winfx/2006/xaml")));
            }
        }

        [Fact]
        public void Each_custom_activity_is_called_through_an_activity_reference_in_its_composite_step_with_the_designers_conversion_chain()
        {
            var calls = PackedWorkflows().SelectMany(workflow => workflow.Xaml.Descendants(XName.Get("ActivityReference", Mxswa)))
                .Where(reference => ((string)reference.Attribute("AssemblyQualifiedName")!).StartsWith("LeadAlign.", StringComparison.Ordinal))
                .ToList();

            Assert.Equal(3, calls.Count);
            Assert.All(calls, call =>
            {
                Assert.EndsWith(", LeadAlign.WorkflowActivities, Version=1.0.0.0, Culture=neutral, PublicKeyToken=8d4dc8547008946c", (string)call.Attribute("AssemblyQualifiedName")!, StringComparison.Ordinal);
                var composite = call.Parent!.Parent!.Parent!;
                Assert.StartsWith("Microsoft.Crm.Workflow.Activities.Composite, Microsoft.Crm.Workflow, Version=9.0.0.0", (string)composite.Attribute("AssemblyQualifiedName")!, StringComparison.Ordinal);
                var before = call.ElementsBeforeSelf().Select(step => step.Name.LocalName == "ActivityReference" ? ((string)step.Attribute("AssemblyQualifiedName")!).Split(',')[0].Split('.').Last() : step.Name.LocalName).ToList();
                Assert.Equal(new[] { "GetEntityProperty", "EvaluateExpression", "ConvertCrmXrmTypes" }, before);
                Assert.All(call.Descendants(XName.Get("OutArgument", "http://schemas.microsoft.com/netfx/2009/xaml/activities")), output =>
                    Assert.Matches("^\\[CustomActivityStep[0-9]+[A-Za-z]+_localParameter\\]$", output.Value));
            });
        }

        [Fact]
        public void Waits_are_condition_sequences_with_wait_true_and_a_timeout_branch_not_bare_postpones()
        {
            var sla = PackedWorkflows().Single(workflow => (string)workflow.Data.Attribute("Name")! == "LeadAlign: SLA clock").Xaml;
            var waits = sla.Descendants(XName.Get("ActivityReference", Mxswa))
                .Where(reference => ((string)reference.Attribute("AssemblyQualifiedName")!).StartsWith("Microsoft.Crm.Workflow.Activities.ConditionSequence,", StringComparison.Ordinal))
                .ToList();

            Assert.Equal(2, waits.Count);
            Assert.All(waits, wait => Assert.Equal("True", wait.Descendants().First(argument => (string?)argument.Attribute(XName.Get("Key", "http://schemas.microsoft.com/winfx/2006/xaml")) == "Wait").Value));
            Assert.All(sla.Descendants(XName.Get("Postpone", Mxswa)), postpone =>
            {
                Assert.Equal("Else", (string?)postpone.Attribute(XName.Get("Key", "http://schemas.microsoft.com/winfx/2006/xaml")));
                Assert.Equal("False", (string?)postpone.Attribute("BlockExecution"));
            });
        }

        [Fact]
        public void The_workflow_definitions_carry_every_element_a_real_export_has()
        {
            // The elements every one of the 30 workflow definitions of the reference export carries, in its order.
            var exported = new[]
            {
                "XamlFileName", "Type", "Subprocess", "Category", "Mode", "Scope", "OnDemand", "TriggerOnCreate", "TriggerOnDelete",
                "AsyncAutodelete", "SyncWorkflowLogOnFailure", "StateCode", "StatusCode", "RunAs", "IsTransacted", "IntroducedVersion",
                "IsCustomizable", "IsCustomProcessingStepAllowedForOtherPublishers", "ModernFlowType", "PrimaryEntity", "LocalizedNames",
            };

            Assert.All(PackedWorkflows(), workflow =>
            {
                var names = workflow.Data.Elements().Select(element => element.Name.LocalName).ToList();
                Assert.Equal(exported, names.Where(exported.Contains));
                Assert.Equal("0", workflow.Data.Element("ModernFlowType")!.Value);
            });
        }
    }
}
