using System;
using System.Linq;
using LeadAlign.Dataverse.Workflows;
using Xunit;

namespace LeadAlign.Tests.Compatibility
{
    /// <summary>
    /// The types the in-memory workflow host lets a workflow's XAML name from the SDK's namespaces exist, in those namespaces,
    /// in the official 9.0.2.34 assemblies (OfficialApi/*.api.txt): the host cannot accept a type the platform does not have.
    /// </summary>
    public sealed class XamlVocabularyTests
    {
        private static bool OfficialTypeExists(string assembly, string fullName) =>
            OfficialSdk.Listing(assembly).Api.Any(line => line.StartsWith(fullName + " [type]", StringComparison.Ordinal) || line.StartsWith(fullName + "<", StringComparison.Ordinal) && line.Contains("> [type]", StringComparison.Ordinal));

        [Fact]
        public void Every_sdk_type_the_workflow_xaml_may_name_is_in_the_official_listing()
        {
            var types = XamlVocabulary.SdkTypeNames().ToList();

            Assert.Contains("Microsoft.Xrm.Sdk.Workflow|Microsoft.Xrm.Sdk.Workflow.Activities.ReferenceLiteral", types);
            Assert.All(types, entry => Assert.True(OfficialTypeExists(entry.Split('|')[0], entry.Split('|')[1]), $"{entry} is not in the official listing."));
        }

        [Fact]
        public void The_query_namespace_has_no_reference_literal_so_the_host_refuses_it()
        {
            Assert.False(OfficialTypeExists("Microsoft.Xrm.Sdk", "Microsoft.Xrm.Sdk.Query.ReferenceLiteral"));
            Assert.True(OfficialTypeExists("Microsoft.Xrm.Sdk.Workflow", "Microsoft.Xrm.Sdk.Workflow.Activities.ReferenceLiteral"));
            Assert.Null(XamlVocabulary.ClrTypeName("clr-namespace:Microsoft.Xrm.Sdk.Query;assembly=" + XamlVocabulary.SdkAssembly, "ReferenceLiteral"));
        }
    }
}
