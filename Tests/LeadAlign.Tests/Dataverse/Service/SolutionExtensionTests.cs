using System;
using System.Activities;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Tests.Dataverse.Pipeline;
using LeadAlign.Tests.Support;
using LeadAlign.WorkflowActivities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Service
{
    /// <summary>Counts the leads of a company and leaves a task for the workflow user: a custom workflow activity to run.</summary>
    public sealed class CountCompanyLeadsActivity : WorkflowActivityBase
    {
        public CountCompanyLeadsActivity()
            : base(typeof(CountCompanyLeadsActivity))
        {
        }

        [RequiredArgument]
        [Input("Company")]
        public InArgument<string> Company { get; set; } = null!;

        [Output("Lead count")]
        public OutArgument<int> LeadCount { get; set; } = null!;

        protected override void ExecuteWorkflowActivity(ILocalWorkflowContext localContext)
        {
            var company = Company.Get(localContext.ActivityContext);
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("leadid") };
            query.Criteria.AddCondition("companyname", ConditionOperator.Equal, company);
            var count = localContext.WorkflowUserService.RetrieveMultiple(query).Entities.Count;
            localContext.WorkflowUserService.Create(new Entity("task") { ["subject"] = $"{count} leads at {company}" });
            LeadCount.Set(localContext.ActivityContext, count);
        }
    }

    /// <summary>What a solution adds to the organization: tables and columns, Custom APIs; and custom workflow activities.</summary>
    public sealed class SolutionExtensionTests : IDisposable
    {
        private readonly string _solution = Directory.CreateTempSubdirectory("leadalign-solution-").FullName;

        public void Dispose() => Directory.Delete(_solution, recursive: true);

        private void Write(string relativePath, string content)
        {
            var path = Path.Combine(_solution, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        private void WriteScoringRuleTable()
        {
            Write("Entities/la_scoringrule/Entity.xml", """
                <Entity>
                  <Name LocalizedName="Scoring rule" OriginalName="Scoring rule">la_scoringrule</Name>
                  <EntityInfo>
                    <entity Name="la_scoringrule">
                      <LocalizedNames><LocalizedName description="Scoring rule" languagecode="1033" /></LocalizedNames>
                      <attributes>
                        <attribute PhysicalName="la_scoringruleId"><Type>primarykey</Type><Name>la_scoringruleid</Name><LogicalName>la_scoringruleid</LogicalName></attribute>
                        <attribute PhysicalName="la_name"><Type>nvarchar</Type><Name>la_name</Name><LogicalName>la_name</LogicalName><DisplayMask>PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid</DisplayMask><MaxLength>100</MaxLength><IsCustomField>1</IsCustomField></attribute>
                        <attribute PhysicalName="la_points"><Type>int</Type><Name>la_points</Name><LogicalName>la_points</LogicalName><MinValue>-100</MinValue><MaxValue>100</MaxValue><IsCustomField>1</IsCustomField></attribute>
                        <attribute PhysicalName="la_category"><Type>picklist</Type><Name>la_category</Name><LogicalName>la_category</LogicalName><OptionSetName>la_category</OptionSetName><IsCustomField>1</IsCustomField></attribute>
                        <attribute PhysicalName="la_campaignid"><Type>lookup</Type><Name>la_campaignid</Name><LogicalName>la_campaignid</LogicalName><IsCustomField>1</IsCustomField></attribute>
                      </attributes>
                      <OwnershipTypeMask>UserOwned</OwnershipTypeMask>
                      <EntitySetName>la_scoringrules</EntitySetName>
                      <IsActivity>0</IsActivity>
                    </entity>
                  </EntityInfo>
                </Entity>
                """);
            Write("OptionSets/la_category.xml", """
                <optionset Name="la_category" localizedName="Category">
                  <OptionSetType>picklist</OptionSetType>
                  <IsGlobal>1</IsGlobal>
                  <options>
                    <option value="412500000"><labels><label description="Fit" languagecode="1033" /></labels></option>
                    <option value="412500001"><labels><label description="Engagement" languagecode="1033" /></labels></option>
                  </options>
                </optionset>
                """);
            Write("Other/Relationships/la_scoringrule.xml", """
                <EntityRelationships>
                  <EntityRelationship Name="la_campaign_la_scoringrule">
                    <EntityRelationshipType>OneToMany</EntityRelationshipType>
                    <ReferencingEntityName>la_scoringrule</ReferencingEntityName>
                    <ReferencedEntityName>Campaign</ReferencedEntityName>
                    <ReferencingAttributeName>la_campaignid</ReferencingAttributeName>
                  </EntityRelationship>
                </EntityRelationships>
                """);
        }

        [Fact]
        public void A_custom_table_of_the_solution_gets_its_columns_choices_lookup_targets_and_the_system_columns()
        {
            WriteScoringRuleTable();

            var table = MetadataCatalog.ForSolution(_solution).Table("la_scoringrule")!;

            Assert.Equal("la_scoringruleid", table.PrimaryId);
            Assert.Equal("la_name", table.PrimaryName);
            Assert.Equal(100, table.Column("la_name")!.MaxLength);
            Assert.Equal(new[] { "Fit", "Engagement" }, table.Column("la_category")!.Options.Select(option => option.Label));
            Assert.Equal(new[] { "campaign" }, table.Column("la_campaignid")!.Targets);
            Assert.Equal(AttributeTypeCode.Owner, table.Column("ownerid")!.Type);
            Assert.Equal(1, table.DefaultStatus(0));
        }

        [Fact]
        public void Rows_of_a_custom_table_are_checked_against_its_columns()
        {
            WriteScoringRuleTable();
            var org = new InMemoryDataverse(DataverseOptions.ForSolution(_solution));
            var campaign = org.SystemService.Create(new Entity("campaign") { ["name"] = "Webinar" });

            var id = org.SystemService.Create(new Entity("la_scoringrule") { ["la_name"] = "Webinar attendee", ["la_points"] = 20, ["la_category"] = new OptionSetValue(412500001), ["la_campaignid"] = new EntityReference("campaign", campaign) });
            var outOfRange = TestOrganization.Fault(() => org.SystemService.Create(new Entity("la_scoringrule") { ["la_points"] = 500 }));
            var unknownChoice = TestOrganization.Fault(() => org.SystemService.Create(new Entity("la_scoringrule") { ["la_category"] = new OptionSetValue(1) }));

            Assert.Equal(20, org.Get("la_scoringrule", id)!["la_points"]);
            Assert.Contains("'la_points' on record of type 'la_scoringrule' is outside the valid range", outOfRange.Message);
            Assert.Contains("'la_category'", unknownChoice.Message);
            Assert.Single(org.All("la_scoringrule"));
        }

        private void WriteEchoApi()
        {
            var pluginTypeId = CustomApiDefinition.PluginTypeId(typeof(EchoApiPlugin).FullName!);
            Write("customapis/la_Echo/customapi.xml", $"""
                <customapi uniquename="la_Echo">
                  <bindingtype>0</bindingtype>
                  <isfunction>0</isfunction>
                  <name>la_Echo</name>
                  <plugintypeid><plugintypeid>{pluginTypeId}</plugintypeid></plugintypeid>
                </customapi>
                """);
            Write("customapis/la_Echo/customapirequestparameters/Text/customapirequestparameter.xml", """
                <customapirequestparameter uniquename="Text"><isoptional>0</isoptional><name>Text</name><type>10</type></customapirequestparameter>
                """);
            Write("customapis/la_Echo/customapiresponseproperties/Reply/customapiresponseproperty.xml", """
                <customapiresponseproperty uniquename="Reply"><name>Reply</name><type>10</type></customapiresponseproperty>
                """);
        }

        [Fact]
        public void Executing_a_custom_api_runs_its_plugin_as_the_main_operation_and_returns_its_response_properties()
        {
            WriteEchoApi();
            var org = new InMemoryDataverse(DataverseOptions.ForSolution(_solution, typeof(EchoApiPlugin).Assembly));
            org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });
            var request = new OrganizationRequest("la_Echo");
            request["Text"] = "hello";

            var response = org.SystemService.Execute(request);

            Assert.Equal("echo: hello (1 leads)", response["Reply"]);
            var execution = Assert.Single(org.Log.Of(typeof(EchoApiPlugin)));
            Assert.Equal(30, execution.Stage);
            Assert.Equal(1, execution.Calls("RetrieveMultiple"));
        }

        [Fact]
        public void A_custom_api_request_missing_a_required_parameter_or_giving_the_wrong_type_is_refused()
        {
            WriteEchoApi();
            var org = new InMemoryDataverse(DataverseOptions.ForSolution(_solution, typeof(EchoApiPlugin).Assembly));
            var wrongType = new OrganizationRequest("la_Echo");
            wrongType["Text"] = 42;

            var missing = TestOrganization.Fault(() => org.SystemService.Execute(new OrganizationRequest("la_Echo")));
            var mistyped = TestOrganization.Fault(() => org.SystemService.Execute(wrongType));

            Assert.Contains("requires the parameter 'Text'", missing.Message);
            Assert.Contains("'Text'", mistyped.Message);
            Assert.Empty(org.Log.Records);
        }

        [Fact]
        public void A_custom_workflow_activity_runs_as_the_workflow_user_and_returns_its_outputs()
        {
            var org = new InMemoryDataverse();
            var rep = org.AddUser("Rita Rep");
            var lead = org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak", ["companyname"] = "Contoso" });
            org.SystemService.Create(new Entity("lead") { ["lastname"] = "Smith", ["companyname"] = "Contoso" });

            var outputs = org.RunWorkflowActivity(new CountCompanyLeadsActivity(), new Dictionary<string, object?> { ["Company"] = "Contoso" }, rep, new EntityReference("lead", lead));

            Assert.Equal(2, outputs["LeadCount"]);
            var task = Assert.Single(org.All("task"));
            Assert.Equal("2 leads at Contoso", task["subject"]);
            Assert.Equal(rep, task.GetAttributeValue<EntityReference>("createdby").Id);
            var execution = Assert.Single(org.Log.Of(typeof(CountCompanyLeadsActivity)));
            Assert.Equal(1, execution.Calls("RetrieveMultiple"));
            Assert.Equal(1, execution.Calls("Create"));
        }
    }
}
