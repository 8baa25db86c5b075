using System.Collections.Generic;
using System.IO;
using System.Linq;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Compatibility
{
    /// <summary>The stand-ins' public API is a strict subset of the official SDK's, on both frameworks.</summary>
    public class StandInApiTests
    {
        public static IEnumerable<object[]> Net462StandIns => OfficialSdk.Net462StandIns.Select(name => new object[] { name });

        public static IEnumerable<object[]> Net10StandIns => OfficialSdk.StandIns.Select(name => new object[] { name });

        [Theory]
        [MemberData(nameof(Net462StandIns))]
        public void Every_public_type_and_member_of_a_net462_stand_in_is_in_the_official_api(string assemblyName)
        {
            var standIn = ApiListing.Dump(RepositoryLayout.Net462Output(assemblyName), "mscorlib", RepositoryLayout.Net462ReferenceAssemblies);

            AssertSubset(standIn, assemblyName, onNetFramework: true);
        }

        [Theory]
        [MemberData(nameof(Net10StandIns))]
        public void Every_public_type_and_member_of_a_net10_stand_in_is_in_the_official_api(string assemblyName)
        {
            var standIn = ApiListing.Dump(OfficialSdk.Net10StandIn(assemblyName), "System.Private.CoreLib", OfficialSdk.Net10ReferenceFolders);

            AssertSubset(standIn, assemblyName, onNetFramework: false);
        }

        private static void AssertSubset(ApiListing standIn, string assemblyName, bool onNetFramework)
        {
            Assert.True(standIn.Api.Count(line => line.Contains(" [type] ")) > 0, assemblyName + " declares no public type: the stand-in is missing or empty.");
            var findings = ApiCompatibility.Findings(standIn, OfficialSdk.Listing(assemblyName), ApiCompatibility.TypesOf(OfficialSdk.AllListings), onNetFramework);
            Assert.True(findings.Count == 0, $"{findings.Count} incompatibilities in {assemblyName}:\n" + string.Join("\n", findings));
        }
    }

    /// <summary>What the deployable assemblies bind to exists in the official SDK, on the type the official SDK declares it.</summary>
    public class DeployableBindingTests
    {
        [Theory]
        [InlineData("LeadAlign.Plugins")]
        [InlineData("LeadAlign.WorkflowActivities")]
        public void Every_sdk_type_and_member_a_deployable_assembly_references_is_in_the_official_api(string assemblyName)
        {
            var check = new MemberReferenceCheck(OfficialSdk.AllListings);

            var findings = check.Findings(RepositoryLayout.Net462Output(assemblyName));

            Assert.True(findings.Count == 0, $"{findings.Count} references of {assemblyName} the official SDK lacks:\n" + string.Join("\n", findings));
        }

        [Theory]
        [InlineData("LeadAlign.Plugins")]
        [InlineData("LeadAlign.WorkflowActivities")]
        public void No_stand_in_is_copied_next_to_a_deployable_assembly(string assemblyName)
        {
            var folder = Path.GetDirectoryName(RepositoryLayout.Net462Output(assemblyName))!;

            Assert.DoesNotContain(OfficialSdk.StandIns, standIn => File.Exists(Path.Combine(folder, standIn + ".dll")));
        }
    }
}
