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

    /// <summary>
    /// Background workflows in the shape the classic workflow designer exports, run from the solution's Workflows folder. The
    /// escalation workflow below is written as the designer writes one (references: a real 2026 export,
    /// meandtech2001/Apollo-HealthCare-Management-D365-CRM- commit 4af90e9294495d736f1f1087e206d1b997e8bfa9,
    /// Workflows/CalcTotalMedicineAmount_CustomWF-01090B03-630A-F111-8407-0022481A1BF1.xaml for the custom activity step and
    /// Workflows/SendEmailOnChangeOfMedicalTestStatus-C6C87E93-3D15-F111-8342-0022481A1BF1.xaml for conditions and the
    /// "True" Otherwise branch; delegateas/XrmMockup tests/XrmMockup365Test/Metadata/OtherWorkflows/WaitingWorkflow.xml, a
    /// workflow retrieved from a real org, for the timeout wait).
    /// </summary>
    public sealed class BackgroundWorkflowTests : IDisposable
    {
        private const string Crm = "Microsoft.Crm.Workflow, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";

        private const string Namespaces =
            "xmlns=\"http://schemas.microsoft.com/netfx/2009/xaml/activities\" " +
            "xmlns:mxs=\"clr-namespace:Microsoft.Xrm.Sdk;assembly=Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35\" " +
            "xmlns:mxsq=\"clr-namespace:Microsoft.Xrm.Sdk.Query;assembly=Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35\" " +
            "xmlns:mxswa=\"clr-namespace:Microsoft.Xrm.Sdk.Workflow.Activities;assembly=Microsoft.Xrm.Sdk.Workflow, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35\" " +
            "xmlns:s=\"clr-namespace:System;assembly=mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089\" " +
            "xmlns:sco=\"clr-namespace:System.Collections.ObjectModel;assembly=mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089\" " +
            "xmlns:x=\"http://schemas.microsoft.com/winfx/2006/xaml\"";

        private static readonly string Note = typeof(NoteOnTaskActivity).FullName + ", " + typeof(NoteOnTaskActivity).Assembly.FullName;

        /// <summary>A custom activity step as the designer writes it: the constant note converted, then the call in its Composite.</summary>
        private static string NoteStep(int step, string note) => $$"""
            <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.Composite, {{Crm}}" DisplayName="CustomActivityStep{{step}}: note">
              <mxswa:ActivityReference.Properties>
                <sco:Collection x:TypeArguments="Variable" x:Key="Variables">
                  <Variable x:TypeArguments="x:Object" Name="CustomActivityStep{{step}}_1" />
                  <Variable x:TypeArguments="x:Object" Name="CustomActivityStep{{step}}_1_converted" />
                </sco:Collection>
                <sco:Collection x:TypeArguments="Activity" x:Key="Activities">
                  <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.EvaluateExpression, {{Crm}}" DisplayName="EvaluateExpression">
                    <mxswa:ActivityReference.Arguments>
                      <InArgument x:TypeArguments="x:String" x:Key="ExpressionOperator">CreateCrmType</InArgument>
                      <InArgument x:TypeArguments="s:Object[]" x:Key="Parameters">[New Object() { Microsoft.Xrm.Sdk.Workflow.WorkflowPropertyType.String, "{{note}}", "String" }]</InArgument>
                      <InArgument x:TypeArguments="s:Type" x:Key="TargetType">
                        <mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="x:String" />
                      </InArgument>
                      <OutArgument x:TypeArguments="x:Object" x:Key="Result">[CustomActivityStep{{step}}_1]</OutArgument>
                    </mxswa:ActivityReference.Arguments>
                  </mxswa:ActivityReference>
                  <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.ConvertCrmXrmTypes, {{Crm}}" DisplayName="ConvertCrmXrmTypes">
                    <mxswa:ActivityReference.Arguments>
                      <InArgument x:TypeArguments="x:Object" x:Key="Value">[CustomActivityStep{{step}}_1]</InArgument>
                      <InArgument x:TypeArguments="s:Type" x:Key="TargetType">
                        <mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="x:String" />
                      </InArgument>
                      <OutArgument x:TypeArguments="x:Object" x:Key="Result">[CustomActivityStep{{step}}_1_converted]</OutArgument>
                    </mxswa:ActivityReference.Arguments>
                  </mxswa:ActivityReference>
                  <mxswa:ActivityReference AssemblyQualifiedName="{{Note}}" DisplayName="CustomActivityStep{{step}}: note">
                    <mxswa:ActivityReference.Arguments>
                      <InArgument x:TypeArguments="x:String" x:Key="Note">[DirectCast(CustomActivityStep{{step}}_1_converted, System.String)]</InArgument>
                      <OutArgument x:TypeArguments="x:String" x:Key="Written">[CustomActivityStep{{step}}Written_localParameter]</OutArgument>
                    </mxswa:ActivityReference.Arguments>
                  </mxswa:ActivityReference>
                </sco:Collection>
              </mxswa:ActivityReference.Properties>
            </mxswa:ActivityReference>
            """;

        /// <summary>
        /// If the task is high priority: wait until its due date (a timeout wait), then note "escalated"; otherwise note
        /// "normal priority" now.
        /// </summary>
        private static readonly string EscalationXaml = $$"""
            <Activity x:Class="XrmWorkflow7a1f00e0000040008000000000000001" {{Namespaces}}>
              <mxswa:Workflow>
                <mxswa:Workflow.Variables>
                  <Variable x:TypeArguments="x:String" Name="CustomActivityStep5Written_localParameter" />
                  <Variable x:TypeArguments="x:String" Name="CustomActivityStep7Written_localParameter" />
                </mxswa:Workflow.Variables>
                <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.ConditionSequence, {{Crm}}" DisplayName="ConditionStep1: high priority?">
                  <mxswa:ActivityReference.Arguments>
                    <InArgument x:TypeArguments="x:Boolean" x:Key="Wait">False</InArgument>
                  </mxswa:ActivityReference.Arguments>
                  <mxswa:ActivityReference.Properties>
                    <sco:Collection x:TypeArguments="Variable" x:Key="Variables">
                      <Variable x:TypeArguments="x:Boolean" Default="False" Name="ConditionBranchStep2_condition" />
                      <Variable x:TypeArguments="x:Object" Name="ConditionBranchStep2_1" />
                      <Variable x:TypeArguments="x:Object" Name="ConditionBranchStep2_2" />
                      <Variable x:TypeArguments="x:Boolean" Default="False" Name="True" />
                    </sco:Collection>
                    <sco:Collection x:TypeArguments="Activity" x:Key="Activities">
                      <mxswa:GetEntityProperty Attribute="prioritycode" Entity="[InputEntities(&quot;primaryEntity&quot;)]" EntityName="task" Value="[ConditionBranchStep2_1]">
                        <mxswa:GetEntityProperty.TargetType>
                          <InArgument x:TypeArguments="s:Type">
                            <mxswa:ReferenceLiteral x:TypeArguments="s:Type">
                              <x:Null />
                            </mxswa:ReferenceLiteral>
                          </InArgument>
                        </mxswa:GetEntityProperty.TargetType>
                      </mxswa:GetEntityProperty>
                      <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.EvaluateExpression, {{Crm}}" DisplayName="EvaluateExpression">
                        <mxswa:ActivityReference.Arguments>
                          <InArgument x:TypeArguments="x:String" x:Key="ExpressionOperator">CreateCrmType</InArgument>
                          <InArgument x:TypeArguments="s:Object[]" x:Key="Parameters">[New Object() { Microsoft.Xrm.Sdk.Workflow.WorkflowPropertyType.OptionSetValue, "2", "Picklist" }]</InArgument>
                          <InArgument x:TypeArguments="s:Type" x:Key="TargetType">
                            <mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="mxs:OptionSetValue" />
                          </InArgument>
                          <OutArgument x:TypeArguments="x:Object" x:Key="Result">[ConditionBranchStep2_2]</OutArgument>
                        </mxswa:ActivityReference.Arguments>
                      </mxswa:ActivityReference>
                      <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.EvaluateCondition, {{Crm}}" DisplayName="EvaluateCondition">
                        <mxswa:ActivityReference.Arguments>
                          <InArgument x:TypeArguments="mxsq:ConditionOperator" x:Key="ConditionOperator">Equal</InArgument>
                          <InArgument x:TypeArguments="s:Object[]" x:Key="Parameters">[New Object() { ConditionBranchStep2_2 }]</InArgument>
                          <InArgument x:TypeArguments="x:Object" x:Key="Operand">[ConditionBranchStep2_1]</InArgument>
                          <OutArgument x:TypeArguments="x:Boolean" x:Key="Result">[ConditionBranchStep2_condition]</OutArgument>
                        </mxswa:ActivityReference.Arguments>
                      </mxswa:ActivityReference>
                      <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.ConditionBranch, {{Crm}}" DisplayName="ConditionBranchStep2">
                        <mxswa:ActivityReference.Arguments>
                          <InArgument x:TypeArguments="x:Boolean" x:Key="Condition">[ConditionBranchStep2_condition]</InArgument>
                        </mxswa:ActivityReference.Arguments>
                        <mxswa:ActivityReference.Properties>
                          <mxswa:ActivityReference x:Key="Then" AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.Composite, {{Crm}}" DisplayName="ConditionBranchStep2">
                            <mxswa:ActivityReference.Properties>
                              <sco:Collection x:TypeArguments="Variable" x:Key="Variables" />
                              <sco:Collection x:TypeArguments="Activity" x:Key="Activities">
                                <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.ConditionSequence, {{Crm}}" DisplayName="WaitStep3: until due">
                                  <mxswa:ActivityReference.Arguments>
                                    <InArgument x:TypeArguments="x:Boolean" x:Key="Wait">True</InArgument>
                                  </mxswa:ActivityReference.Arguments>
                                  <mxswa:ActivityReference.Properties>
                                    <sco:Collection x:TypeArguments="Variable" x:Key="Variables">
                                      <Variable x:TypeArguments="x:Boolean" Default="False" Name="WaitTimeoutStep4_condition" />
                                      <Variable x:TypeArguments="x:Object" Name="WaitTimeoutStep4_1" />
                                      <Variable x:TypeArguments="x:Object" Name="WaitTimeoutStep4_2" />
                                    </sco:Collection>
                                    <sco:Collection x:TypeArguments="Activity" x:Key="Activities">
                                      <mxswa:GetEntityProperty Attribute="scheduledend" Entity="[InputEntities(&quot;primaryEntity&quot;)]" EntityName="task" Value="[WaitTimeoutStep4_2]">
                                        <mxswa:GetEntityProperty.TargetType>
                                          <InArgument x:TypeArguments="s:Type">
                                            <mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="s:DateTime" />
                                          </InArgument>
                                        </mxswa:GetEntityProperty.TargetType>
                                      </mxswa:GetEntityProperty>
                                      <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.EvaluateExpression, {{Crm}}" DisplayName="EvaluateExpression">
                                        <mxswa:ActivityReference.Arguments>
                                          <InArgument x:TypeArguments="x:String" x:Key="ExpressionOperator">SelectFirstNonNull</InArgument>
                                          <InArgument x:TypeArguments="s:Object[]" x:Key="Parameters">[New Object() { WaitTimeoutStep4_2 }]</InArgument>
                                          <InArgument x:TypeArguments="s:Type" x:Key="TargetType">
                                            <mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="s:DateTime" />
                                          </InArgument>
                                          <OutArgument x:TypeArguments="x:Object" x:Key="Result">[WaitTimeoutStep4_1]</OutArgument>
                                        </mxswa:ActivityReference.Arguments>
                                      </mxswa:ActivityReference>
                                      <Assign x:TypeArguments="x:Object" To="[WaitTimeoutStep4_1]" Value="[Microsoft.VisualBasic.IIf(Microsoft.VisualBasic.IsNothing(WaitTimeoutStep4_1), DateTime.MaxValue, WaitTimeoutStep4_1)]" />
                                      <Assign x:TypeArguments="x:Boolean" To="[WaitTimeoutStep4_condition]" Value="[DateTime.UtcNow &gt;= DirectCast(WaitTimeoutStep4_1, System.DateTime).ToUniversalTime()]" />
                                      <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.ConditionBranch, {{Crm}}" DisplayName="WaitTimeoutStep4">
                                        <mxswa:ActivityReference.Arguments>
                                          <InArgument x:TypeArguments="x:Boolean" x:Key="Condition">[WaitTimeoutStep4_condition]</InArgument>
                                        </mxswa:ActivityReference.Arguments>
                                        <mxswa:ActivityReference.Properties>
                                          <mxswa:ActivityReference x:Key="Then" AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.Composite, {{Crm}}" DisplayName="WaitTimeoutStep4">
                                            <mxswa:ActivityReference.Properties>
                                              <sco:Collection x:TypeArguments="Variable" x:Key="Variables" />
                                              <sco:Collection x:TypeArguments="Activity" x:Key="Activities">
            {{NoteStep(5, "escalated")}}
                                              </sco:Collection>
                                            </mxswa:ActivityReference.Properties>
                                          </mxswa:ActivityReference>
                                          <mxswa:Postpone x:Key="Else" BlockExecution="False" PostponeUntil="[DirectCast(WaitTimeoutStep4_1, System.DateTime)]" />
                                        </mxswa:ActivityReference.Properties>
                                      </mxswa:ActivityReference>
                                    </sco:Collection>
                                  </mxswa:ActivityReference.Properties>
                                </mxswa:ActivityReference>
                              </sco:Collection>
                            </mxswa:ActivityReference.Properties>
                          </mxswa:ActivityReference>
                          <x:Null x:Key="Else" />
                          <x:Null x:Key="Description" />
                        </mxswa:ActivityReference.Properties>
                      </mxswa:ActivityReference>
                      <mxswa:ActivityReference AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.ConditionBranch, {{Crm}}" DisplayName="ConditionBranchStep6">
                        <mxswa:ActivityReference.Arguments>
                          <InArgument x:TypeArguments="x:Boolean" x:Key="Condition">[True]</InArgument>
                        </mxswa:ActivityReference.Arguments>
                        <mxswa:ActivityReference.Properties>
                          <mxswa:ActivityReference x:Key="Then" AssemblyQualifiedName="Microsoft.Crm.Workflow.Activities.Composite, {{Crm}}" DisplayName="ConditionBranchStep6">
                            <mxswa:ActivityReference.Properties>
                              <sco:Collection x:TypeArguments="Variable" x:Key="Variables" />
                              <sco:Collection x:TypeArguments="Activity" x:Key="Activities">
            {{NoteStep(7, "normal priority")}}
                              </sco:Collection>
                            </mxswa:ActivityReference.Properties>
                          </mxswa:ActivityReference>
                          <x:Null x:Key="Else" />
                          <x:Null x:Key="Description" />
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

        /// <summary>Loads the escalation workflow with one change and returns the refusal, which must name the file and a line.</summary>
        private NotSupportedException RefusalOf(string from, string to)
        {
            Assert.Contains(from, EscalationXaml, StringComparison.Ordinal);
            return RefusalOf(EscalationXaml.Replace(from, to, StringComparison.Ordinal));
        }

        private NotSupportedException RefusalOf(string xaml)
        {
            var refused = Assert.Throws<NotSupportedException>(() => OrganizationWith(xaml, "<TriggerOnCreate>1</TriggerOnCreate>"));
            Assert.Matches(@"Escalatetask-7A1F00E0-0000-4000-8000-000000000001\.xaml:[0-9]+: workflow 'Escalate task'", refused.Message);
            return refused;
        }

        [Fact]
        public void The_designer_shape_loads()
        {
            var org = OrganizationWith(EscalationXaml, "<TriggerOnCreate>1</TriggerOnCreate>");

            Assert.Equal(0, org.PendingAsyncJobs);
        }

        [Fact]
        public void A_reference_literal_of_the_query_namespace_is_refused_as_a_type_that_does_not_exist()
        {
            // The platform's ReferenceLiteral<T> is in Microsoft.Xrm.Sdk.Workflow.Activities (prefix mxswa); Microsoft.Xrm.Sdk.Query has none.
            var refused = RefusalOf("<mxswa:ReferenceLiteral x:TypeArguments=\"s:Type\" Value=\"s:DateTime\" />", "<mxsq:ReferenceLiteral x:TypeArguments=\"s:Type\" Value=\"s:DateTime\" />");

            Assert.Contains("mxsq:ReferenceLiteral, a type that does not exist in Microsoft.Xrm.Sdk, Version=9.0.0.0", refused.Message);
            Assert.Contains("A Dataverse workflow host cannot load it.", refused.Message);
        }

        [Fact]
        public void A_custom_activity_used_as_a_xaml_element_is_refused_naming_the_activity_reference_to_write_instead()
        {
            var ns = $"clr-namespace:{typeof(NoteOnTaskActivity).Namespace};assembly={typeof(NoteOnTaskActivity).Assembly.FullName}";
            var refused = RefusalOf(
                "<mxswa:Workflow>\n    <mxswa:Workflow.Variables>",
                "<mxswa:Workflow>\n    <latw:NoteOnTaskActivity xmlns:latw=\"" + ns + "\" DisplayName=\"CustomActivityStep9: note\" Note=\"escalated\" />\n    <mxswa:Workflow.Variables>");

            Assert.Contains($"the custom workflow activity {typeof(NoteOnTaskActivity).FullName} used as a XAML element", refused.Message);
            Assert.Contains("mxswa:ActivityReference AssemblyQualifiedName=", refused.Message);
        }

        [Fact]
        public void A_condition_whose_then_is_a_plain_sequence_is_refused()
        {
            // The Otherwise branch's Composite wrapped in a plain Sequence, as the invented shape had it.
            var composite = "<mxswa:ActivityReference x:Key=\"Then\" AssemblyQualifiedName=\"Microsoft.Crm.Workflow.Activities.Composite, " + Crm + "\" DisplayName=\"ConditionBranchStep6\">";
            var xaml = EscalationXaml.Replace(composite, "<Sequence x:Key=\"Then\" DisplayName=\"ConditionBranchStep6\">" + composite.Replace(" x:Key=\"Then\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            var lastElse = xaml.LastIndexOf("<x:Null x:Key=\"Else\" />", StringComparison.Ordinal);
            var refused = RefusalOf(xaml.Insert(lastElse, "</Sequence>"));

            Assert.Contains("a ConditionBranch whose Then is a Sequence; the designer writes it as a Composite ActivityReference", refused.Message);
        }

        [Fact]
        public void A_bare_postpone_outside_a_wait_is_refused()
        {
            var refused = RefusalOf(
                "<mxswa:Workflow>\n    <mxswa:Workflow.Variables>",
                "<mxswa:Workflow>\n    <mxswa:Postpone BlockExecution=\"True\" DisplayName=\"WaitStep9\" PostponeUntil=\"[WaitTimeoutStep4_1]\" />\n    <mxswa:Workflow.Variables>");

            Assert.Contains("step 'WaitStep9': a Postpone step outside a wait", refused.Message);
        }

        [Fact]
        public void An_activity_reference_to_a_designer_activity_that_does_not_exist_is_refused()
        {
            var refused = RefusalOf("Microsoft.Crm.Workflow.Activities.ConvertCrmXrmTypes, ", "Microsoft.Crm.Workflow.Activities.ConvertTypes, ");

            Assert.Contains("the activity Microsoft.Crm.Workflow.Activities.ConvertTypes, " + Crm + ", which does not exist", refused.Message);
        }

        [Fact]
        public void A_custom_activity_input_passed_without_the_designers_cast_or_without_its_required_argument_is_refused()
        {
            var uncast = RefusalOf("[DirectCast(CustomActivityStep5_1_converted, System.String)]", "[CustomActivityStep5_1_converted]");
            var missing = RefusalOf("<InArgument x:TypeArguments=\"x:String\" x:Key=\"Note\">[DirectCast(CustomActivityStep5_1_converted, System.String)]</InArgument>", string.Empty);

            Assert.Contains("the input Note = [CustomActivityStep5_1_converted]; the designer passes [DirectCast(…_converted, System.String)]", uncast.Message);
            Assert.Contains("without its required input Note", missing.Message);
        }

        [Fact]
        public void A_custom_activity_of_another_assembly_identity_or_an_undeclared_variable_is_refused()
        {
            var token = typeof(NoteOnTaskActivity).Assembly.GetName().GetPublicKeyToken()!;
            var wrongAssembly = RefusalOf(Note, Note.Replace(Convert.ToHexString(token).ToLowerInvariant(), "0123456789abcdef", StringComparison.Ordinal));
            var undeclared = RefusalOf("[New Object() { WaitTimeoutStep4_2 }]", "[New Object() { WaitTimeoutStep4_3 }]");

            Assert.Contains("where the registered assembly is", wrongAssembly.Message);
            Assert.Contains("the variable WaitTimeoutStep4_3, which no Variable declares", undeclared.Message);
        }

        [Fact]
        public void A_workflow_class_that_is_not_the_workflows_id_is_refused()
        {
            var refused = RefusalOf("x:Class=\"XrmWorkflow7a1f00e0000040008000000000000001\"", "x:Class=\"XrmWorkflow7a1f00e00000400080000000000000001\"");

            Assert.Contains("x:Class is XrmWorkflow7a1f00e0000040008000000000000001", refused.Message);
        }

        [Fact]
        public void A_designer_step_the_in_memory_dataverse_does_not_run_is_refused_saying_so()
        {
            var refused = RefusalOf(
                "<mxswa:Workflow>\n    <mxswa:Workflow.Variables>",
                "<mxswa:Workflow>\n    <mxswa:SendEmail DisplayName=\"SendEmailStep9\" />\n    <mxswa:Workflow.Variables>");

            Assert.Contains("step 'SendEmailStep9': the SendEmail step is not run by the in-memory Dataverse.", refused.Message);
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
