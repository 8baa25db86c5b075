using System;
using System.Activities;
using System.IO;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Workflows;
using LeadAlign.WorkflowActivities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Workflows
{
    /// <summary>Writes a note into the description of the task the workflow runs on, and returns what it wrote.</summary>
    public sealed class NoteOnTaskActivity : WorkflowActivityBase
    {
        public NoteOnTaskActivity()
            : base(typeof(NoteOnTaskActivity))
        {
        }

        [RequiredArgument]
        [Input("Note")]
        public InArgument<string> Note { get; set; } = null!;

        [Output("Written")]
        public OutArgument<string> Written { get; set; } = null!;

        protected override void ExecuteWorkflowActivity(ILocalWorkflowContext localContext)
        {
            var note = Note.Get(localContext.ActivityContext) + " at " + localContext.WorkflowContext.OperationCreatedOn.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            localContext.WorkflowUserService.Update(new Entity("task", localContext.WorkflowContext.PrimaryEntityId) { ["description"] = note });
            Written.Set(localContext.ActivityContext, note);
        }
    }

    /// <summary>Background workflows in the shape the workflow designer exports, run from the solution's Workflows folder.</summary>
    public sealed class BackgroundWorkflowTests : IDisposable
    {
        private const string Namespaces =
            "xmlns=\"http://schemas.microsoft.com/netfx/2009/xaml/activities\" " +
            "xmlns:mxs=\"clr-namespace:Microsoft.Xrm.Sdk;assembly=Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35\" " +
            "xmlns:mxswa=\"clr-namespace:Microsoft.Xrm.Sdk.Workflow.Activities;assembly=Microsoft.Xrm.Sdk.Workflow, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35\" " +
            "xmlns:sco=\"clr-namespace:System.Collections.ObjectModel;assembly=mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089\" " +
            "xmlns:latw=\"clr-namespace:LeadAlign.Tests.Dataverse.Workflows;assembly=LeadAlign.Tests, Version=1.0.0.0, Culture=neutral, PublicKeyToken=8d4dc8547008946c\" " +
            "xmlns:x=\"http://schemas.microsoft.com/winfx/2006/xaml\"";

        private const string Reference = "Microsoft.Crm.Workflow, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";

        /// <summary>If the task is high priority: wait until its due date, then note "escalated"; otherwise note "normal priority" now.</summary>
        private static readonly string EscalationXaml = $$"""
            <Activity x:Class="XrmWorkflow7a1f00e0000040008000000000000001" {{Namespaces}}>
              <mxswa:Workflow>
                <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.ConditionSequence, {{Reference}}" DisplayName="ConditionStep1: high priority?">
                  <mxswa:ActivityReference.Arguments>
                    <InArgument x:TypeArguments="x:Boolean" x:Key="Wait">False</InArgument>
                  </mxswa:ActivityReference.Arguments>
                  <mxswa:ActivityReference.Properties>
                    <sco:Collection x:TypeArguments="Variable" x:Key="Variables">
                      <Variable x:TypeArguments="x:Boolean" Default="False" Name="ConditionBranchStep2_condition" />
                      <Variable x:TypeArguments="x:Boolean" Default="True" Name="True" />
                    </sco:Collection>
                    <sco:Collection x:TypeArguments="Activity" x:Key="Activities">
                      <mxswa:GetEntityProperty Attribute="prioritycode" Entity="[InputEntities(&quot;primaryEntity&quot;)]" EntityName="task" Value="[ConditionBranchStep2_1]" />
                      <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.EvaluateExpression, {{Reference}}" DisplayName="EvaluateExpression">
                        <mxswa:ActivityReference.Arguments>
                          <InArgument x:TypeArguments="x:String" x:Key="ExpressionOperator">CreateCrmType</InArgument>
                          <InArgument x:TypeArguments="s:Object[]" x:Key="Parameters">[New Object() { Microsoft.Xrm.Sdk.Workflow.WorkflowPropertyType.OptionSetValue, "2", "Picklist" }]</InArgument>
                          <OutArgument x:TypeArguments="x:Object" x:Key="Result">[ConditionBranchStep2_2]</OutArgument>
                        </mxswa:ActivityReference.Arguments>
                      </mxswa:ActivityReference>
                      <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.EvaluateCondition, {{Reference}}" DisplayName="EvaluateCondition">
                        <mxswa:ActivityReference.Arguments>
                          <InArgument x:TypeArguments="mxsq:ConditionOperator" x:Key="ConditionOperator">Equal</InArgument>
                          <InArgument x:TypeArguments="s:Object[]" x:Key="Parameters">[New Object() { ConditionBranchStep2_2 }]</InArgument>
                          <InArgument x:TypeArguments="x:Object" x:Key="Operand">[ConditionBranchStep2_1]</InArgument>
                          <OutArgument x:TypeArguments="x:Boolean" x:Key="Result">[ConditionBranchStep2_condition]</OutArgument>
                        </mxswa:ActivityReference.Arguments>
                      </mxswa:ActivityReference>
                      <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.ConditionBranch, {{Reference}}" DisplayName="ConditionBranchStep2">
                        <mxswa:ActivityReference.Arguments>
                          <InArgument x:TypeArguments="x:Boolean" x:Key="Condition">[ConditionBranchStep2_condition]</InArgument>
                        </mxswa:ActivityReference.Arguments>
                        <mxswa:ActivityReference.Properties>
                          <Sequence x:Key="Then" DisplayName="ConditionBranchStep2">
                            <mxswa:GetEntityProperty Attribute="scheduledend" Entity="[InputEntities(&quot;primaryEntity&quot;)]" EntityName="task" Value="[WaitStep3_due]" />
                            <mxswa:Postpone BlockExecution="True" DisplayName="WaitStep3: until due" PostponeUntil="[WaitStep3_due]" />
                            <latw:NoteOnTaskActivity DisplayName="CustomActivityStep4: escalate" Note="escalated" Written="[CustomActivityStep4_written]" />
                          </Sequence>
                          <x:Null x:Key="Else" />
                        </mxswa:ActivityReference.Properties>
                      </mxswa:ActivityReference>
                      <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.ConditionBranch, {{Reference}}" DisplayName="ConditionBranchStep5">
                        <mxswa:ActivityReference.Arguments>
                          <InArgument x:TypeArguments="x:Boolean" x:Key="Condition">[True]</InArgument>
                        </mxswa:ActivityReference.Arguments>
                        <mxswa:ActivityReference.Properties>
                          <Sequence x:Key="Then" DisplayName="ConditionBranchStep5">
                            <latw:NoteOnTaskActivity DisplayName="CustomActivityStep6: normal">
                              <latw:NoteOnTaskActivity.Note>
                                <InArgument x:TypeArguments="x:String">normal priority</InArgument>
                              </latw:NoteOnTaskActivity.Note>
                            </latw:NoteOnTaskActivity>
                          </Sequence>
                          <x:Null x:Key="Else" />
                        </mxswa:ActivityReference.Properties>
                      </mxswa:ActivityReference>
                    </sco:Collection>
                  </mxswa:ActivityReference.Properties>
                </mxswa:ActivityReference>
              </mxswa:Workflow>
            </Activity>
            """;

        private readonly string _solution = Directory.CreateTempSubdirectory("leadalign-workflows-").FullName;

        public void Dispose() => Directory.Delete(_solution, recursive: true);

        private InMemoryDataverse OrganizationWith(string xaml, string trigger)
        {
            var folder = Path.Combine(_solution, "Workflows");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "Escalatetask-7A1F00E0-0000-4000-8000-000000000001.xaml"), xaml);
            File.WriteAllText(Path.Combine(folder, "Escalatetask-7A1F00E0-0000-4000-8000-000000000001.xaml.data.xml"), $"""
                <Workflow WorkflowId="{"{"}7a1f00e0-0000-4000-8000-000000000001{"}"}" Name="Escalate task">
                  <XamlFileName>/Workflows/Escalatetask-7A1F00E0-0000-4000-8000-000000000001.xaml</XamlFileName>
                  <Type>1</Type>
                  <Category>0</Category>
                  <Mode>0</Mode>
                  <Scope>4</Scope>
                  <OnDemand>0</OnDemand>
                  {trigger}
                  <StateCode>1</StateCode>
                  <StatusCode>2</StatusCode>
                  <RunAs>1</RunAs>
                  <PrimaryEntity>task</PrimaryEntity>
                </Workflow>
                """);
            return new InMemoryDataverse(DataverseOptions.ForSolution(_solution, typeof(NoteOnTaskActivity).Assembly));
        }

        [Fact]
        public void A_workflow_started_by_a_create_waits_until_the_due_date_then_calls_its_activity()
        {
            var org = OrganizationWith(EscalationXaml, "<TriggerOnCreate>1</TriggerOnCreate>");
            var rep = org.AddUser("Rita Rep");
            var due = org.UtcNow.AddHours(2);

            var task = org.As(rep).Create(new Entity("task") { ["subject"] = "Call back", ["prioritycode"] = new OptionSetValue(2), ["scheduledend"] = due });
            Assert.Equal(1, org.PendingAsyncJobs);
            org.DrainAsync();

            Assert.False(org.Get("task", task)!.Contains("description"));
            var waiting = Assert.Single(org.WaitingWorkflows);
            Assert.Equal(due, waiting.Until);

            org.Advance(TimeSpan.FromHours(3));
            org.DrainAsync();

            Assert.Equal("escalated at 12:00", org.Get("task", task)!["description"]);
            Assert.Empty(org.WaitingWorkflows);
            Assert.Equal(rep, org.Get("task", task)!.GetAttributeValue<EntityReference>("modifiedby").Id);
        }

        [Fact]
        public void The_otherwise_branch_runs_when_the_condition_does_not_hold()
        {
            var org = OrganizationWith(EscalationXaml, "<TriggerOnCreate>1</TriggerOnCreate>");

            var task = org.SystemService.Create(new Entity("task") { ["subject"] = "Send deck", ["prioritycode"] = new OptionSetValue(1) });
            org.DrainAsync();

            Assert.Equal("normal priority at 09:00", org.Get("task", task)!["description"]);
            Assert.Empty(org.WaitingWorkflows);
            Assert.Single(org.Log.Of(typeof(NoteOnTaskActivity)));
        }

        [Fact]
        public void A_workflow_triggered_by_update_starts_only_when_one_of_its_columns_changes()
        {
            var org = OrganizationWith(EscalationXaml, "<TriggerOnCreate>0</TriggerOnCreate><TriggerOnUpdateAttributeList>prioritycode</TriggerOnUpdateAttributeList>");
            var task = org.SystemService.Create(new Entity("task") { ["subject"] = "Send deck", ["prioritycode"] = new OptionSetValue(1) });

            org.SystemService.Update(new Entity("task", task) { ["subject"] = "Send the deck" });
            Assert.Equal(0, org.PendingAsyncJobs);

            org.SystemService.Update(new Entity("task", task) { ["prioritycode"] = new OptionSetValue(0) });
            Assert.Equal(1, org.PendingAsyncJobs);
        }

        [Fact]
        public void A_workflow_whose_operation_rolled_back_never_starts()
        {
            var org = OrganizationWith(EscalationXaml, "<TriggerOnCreate>1</TriggerOnCreate>");

            Assert.ThrowsAny<Exception>(() => org.SystemService.Create(new Entity("task") { ["subject"] = new string('x', 500) }));

            Assert.Equal(0, org.PendingAsyncJobs);
        }

        [Fact]
        public void A_construct_outside_the_supported_subset_is_refused_when_the_workflow_loads_naming_it()
        {
            var xaml = EscalationXaml.Replace("<mxswa:Postpone BlockExecution=\"True\" DisplayName=\"WaitStep3: until due\" PostponeUntil=\"[WaitStep3_due]\" />", "<mxswa:SendEmail DisplayName=\"SendEmailStep9\" />", StringComparison.Ordinal);

            var refused = Assert.Throws<NotSupportedException>(() => OrganizationWith(xaml, "<TriggerOnCreate>1</TriggerOnCreate>"));

            Assert.Contains("SendEmailStep9", refused.Message);
            Assert.Contains("SendEmail", refused.Message);
        }

        [Fact]
        public void The_workflow_definition_reads_its_triggers_from_the_data_file()
        {
            OrganizationWith(EscalationXaml, "<TriggerOnCreate>1</TriggerOnCreate><TriggerOnUpdateAttributeList>prioritycode,scheduledend</TriggerOnUpdateAttributeList>");

            var definition = Assert.Single(WorkflowDefinition.FromSolutionFolder(_solution));

            Assert.Equal("task", definition.PrimaryEntity);
            Assert.True(definition.TriggerOnCreate);
            Assert.Equal(new[] { "prioritycode", "scheduledend" }, definition.TriggerOnUpdateAttributes);
            Assert.True(definition.StartsOn("Update", "task", new[] { "scheduledend" }));
            Assert.False(definition.StartsOn("Update", "task", new[] { "subject" }));
        }
    }
}
