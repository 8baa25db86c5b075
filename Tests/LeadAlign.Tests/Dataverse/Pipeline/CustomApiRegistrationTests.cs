using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using LeadAlign.Cli.CustomApis;
using LeadAlign.Cli.Packaging;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Plugins;
using LeadAlign.Plugins.Registration;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Pipeline
{
    /// <summary>
    /// Custom API registration: declared once, on the plug-in class and its request and response classes, written to the
    /// solution's customapis folder in a managed export's shape, read back by the pipeline.
    /// </summary>
    public sealed class CustomApiRegistrationTests : IDisposable
    {
        private readonly string _work = Directory.CreateTempSubdirectory("leadalign-customapis-").FullName;

        public void Dispose() => Directory.Delete(_work, recursive: true);

        [Fact]
        public void The_solution_custom_api_files_match_the_declarations_on_the_plugin_classes()
        {
            var declared = CustomApiDeclarations.FromAssembly(typeof(PluginBase).Assembly);

            var drift = CustomApiFiles.Drift(declared, RepositoryLayout.PathInRepo("Solution"));

            Assert.True(drift.Count == 0, "Run 'leadalign customapis' to regenerate the Custom API files:\n" + string.Join("\n", drift));
            Assert.Equal(new[] { "la_AcceptLead", "la_CloseAlignmentWeek", "la_EvaluateLeadSlas", "la_GetAlignmentReport", "la_GetScoringCalibration", "la_ProposeScoringModel", "la_RecalculateLeadScores", "la_RecycleLead", "la_RejectLead", "la_RollBackScoringModel", "la_SendRejectionFeedback" }, declared.Select(api => api.UniqueName));
        }

        [Fact]
        public void Every_custom_api_plugin_reads_and_writes_its_parameters_only_through_its_request_and_response_classes()
        {
            var plugins = typeof(PluginBase).Assembly.GetTypes().Where(type => type.GetCustomAttribute<CustomApiAttribute>() != null).ToList();

            Assert.Equal(11, plugins.Count);
            foreach (var plugin in plugins)
            {
                var declaration = plugin.GetCustomAttribute<CustomApiAttribute>()!;
                var source = File.ReadAllText(Assert.Single(Directory.GetFiles(RepositoryLayout.PathInRepo("Plugins"), plugin.Name + ".cs", SearchOption.AllDirectories)));
                Assert.NotNull(declaration.Request);
                Assert.NotNull(declaration.Response);
                Assert.Contains("GetCustomApiRequest<" + declaration.Request!.Name + ">", source, StringComparison.Ordinal);
                Assert.Contains("SetCustomApiResponse(new " + declaration.Response!.Name, source, StringComparison.Ordinal);
                Assert.DoesNotContain("InputParameters", source, StringComparison.Ordinal);
                Assert.DoesNotContain("OutputParameters", source, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void A_custom_api_file_reads_back_as_the_declared_api()
        {
            var declared = Assert.Single(CustomApiDeclarations.FromTypes(new[] { typeof(EchoCustomApiPlugin) }));
            CustomApiFiles.Write(new[] { declared }, _work);

            var read = Assert.Single(CustomApiDefinition.FromSolutionFolder(_work));

            Assert.Equal(declared.ToFiles(), read.ToFiles());
            Assert.Equal(CustomApiDefinition.PluginTypeId(typeof(EchoCustomApiPlugin).FullName!), read.PluginTypeIdValue);
            Assert.Equal(("Echo", "Echoes its inputs.", 1, "lead", true, true, 2, "prvReadLead", false), (read.DisplayName, read.Description, read.BindingType, read.BoundEntity, read.IsFunction, read.IsPrivate, read.AllowedCustomProcessingStepType, read.ExecutePrivilegeName, read.WorkflowSdkStepEnabled));
            Assert.Equal(declared.RequestParameters, read.RequestParameters);
            Assert.Equal(declared.ResponseProperties, read.ResponseProperties);
            Assert.Equal(
                new[] { ("Count", CustomApiFieldType.Integer, true, (string?)null, (string?)"Count"), ("Owner", CustomApiFieldType.EntityReference, true, "systemuser", "Owner to echo"), ("Text", CustomApiFieldType.String, false, null, "Text") },
                read.RequestParameters.Select(parameter => (parameter.UniqueName, parameter.Type, parameter.IsOptional, parameter.BoundEntity, parameter.DisplayName)));
            Assert.Equal(new[] { ("Count", false), ("Owner", false), ("Text", false) }, read.ResponseProperties.Select(property => (property.UniqueName, property.IsOptional)));
        }

        [Fact]
        public void A_custom_api_file_has_the_shape_a_managed_export_has()
        {
            using var copy = new SolutionCopy();
            var echo = Assert.Single(CustomApiDeclarations.FromTypes(new[] { typeof(EchoCustomApiPlugin) }));
            CustomApiFiles.Write(CustomApiDeclarations.FromAssembly(typeof(PluginBase).Assembly).Append(echo).ToList(), copy.Folder);

            var findings = new ExportShapeRules(copy.Folder, SolutionCopy.Assemblies).Findings();
            var api = XDocument.Load(Path.Combine(copy.Folder, "customapis", "la_Echo", "customapi.xml")).Root!;
            var owner = XDocument.Load(Path.Combine(copy.Folder, "customapis", "la_Echo", "customapirequestparameters", "Owner", "customapirequestparameter.xml")).Root!;

            Assert.Empty(findings);
            Assert.Equal(
                new[] { "allowedcustomprocessingsteptype", "bindingtype", "boundentitylogicalname", "description", "displayname", "executeprivilegename", "iscustomizable", "isfunction", "isprivate", "name", "plugintypeid", "workflowsdkstepenabled" },
                api.Elements().Select(element => element.Name.LocalName));
            Assert.Equal("prvReadLead", (string?)api.Element("executeprivilegename"));
            Assert.Equal(new[] { "description", "displayname", "iscustomizable", "isoptional", "logicalentityname", "name", "type" }, owner.Elements().Select(element => element.Name.LocalName));
            Assert.Equal("la_Echo.Owner", (string?)owner.Element("name"));
            Assert.Equal("Owner to echo", (string?)owner.Element("displayname")!.Attribute("default"));
            Assert.False(Directory.Exists(Path.Combine(copy.Folder, "customapis", "la_AcceptLead", "customapirequestparameters")));
        }

        [Theory]
        [InlineData(typeof(BoundWithoutTableCustomApiPlugin), "set BoundEntity")]
        [InlineData(typeof(UnprefixedCustomApiPlugin), "must start with the publisher prefix la_")]
        [InlineData(typeof(UndescribedCustomApiPlugin), "set Description")]
        [InlineData(typeof(NotNullableOptionalCustomApiPlugin), "NotNullableOptionalRequest.Count: an optional parameter of a value type is carried by a nullable property")]
        [InlineData(typeof(WrongTypeCustomApiPlugin), "WrongTypeRequest.Count is of type Int32?: a String parameter is carried by a String property")]
        [InlineData(typeof(GlobalTargetCustomApiPlugin), "of a Custom API bound to a row (BindingType = Entity)")]
        public void A_declaration_the_platform_would_refuse_is_refused_with_the_fix(Type pluginType, string message)
        {
            var refused = Assert.Throws<InvalidOperationException>(() => CustomApiDeclarations.FromTypes(new[] { pluginType }));

            Assert.Contains(message, refused.Message, StringComparison.Ordinal);
            Assert.Contains(pluginType.FullName!, refused.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_organization_runs_a_declared_custom_api_through_its_request_and_response_classes()
        {
            CustomApiFiles.Write(CustomApiDeclarations.FromTypes(new[] { typeof(EchoCustomApiPlugin) }), _work);
            var org = new InMemoryDataverse(DataverseOptions.ForSolution(_work, typeof(EchoCustomApiPlugin).Assembly));
            var lead = org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });
            var owner = new EntityReference("systemuser", Guid.NewGuid());

            var full = org.SystemService.Execute(new OrganizationRequest("la_Echo") { ["Target"] = new EntityReference("lead", lead), ["Text"] = "hello", ["Count"] = 3, ["Owner"] = owner });
            var bare = org.SystemService.Execute(new OrganizationRequest("la_Echo") { ["Target"] = new EntityReference("lead", lead), ["Text"] = "bare" });
            var missing = Assert.ThrowsAny<Exception>(() => org.SystemService.Execute(new OrganizationRequest("la_Echo") { ["Target"] = new EntityReference("lead", lead) }));

            Assert.Equal(("hello on " + lead, 3, owner), ((string)full["Text"], (int)full["Count"], (EntityReference)full["Owner"]));
            Assert.Equal(("bare on " + lead, -1, (object?)null), ((string)bare["Text"], (int)bare["Count"], bare.Results["Owner"]));
            Assert.Contains("requires the parameter 'Text'", missing.Message, StringComparison.Ordinal);
        }
    }
}
