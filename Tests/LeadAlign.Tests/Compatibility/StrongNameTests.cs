using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Compatibility
{
    /// <summary>
    /// Pins identities. A stand-in must carry the official identity to bind like the real SDK; LeadAlign's own key must never
    /// change, because every step registered in every org names the assembly by its public key token.
    /// </summary>
    public class StrongNameTests
    {
        [Theory]
        [InlineData("Microsoft.Xrm.Sdk", "9.0.0.0")]
        [InlineData("Microsoft.Crm.Sdk.Proxy", "9.0.0.0")]
        [InlineData("Microsoft.Xrm.Sdk.Workflow", "9.0.0.0")]
        public void A_net462_stand_in_has_the_official_identity_and_is_public_signed_with_microsofts_key(string name, string version)
        {
            AssertOfficialIdentity(RepositoryLayout.Net462Output(name), name, version);
        }

        [Theory]
        [InlineData("Microsoft.Xrm.Sdk", "9.0.0.0")]
        [InlineData("Microsoft.Crm.Sdk.Proxy", "9.0.0.0")]
        [InlineData("Microsoft.Xrm.Sdk.Workflow", "9.0.0.0")]
        [InlineData("System.Activities", "4.0.0.0")]
        public void A_net10_stand_in_has_the_official_identity_and_is_public_signed_with_microsofts_key(string name, string version)
        {
            AssertOfficialIdentity(OfficialSdk.Net10StandIn(name), name, version);
        }

        [Theory]
        [InlineData("LeadAlign.Plugins")]
        [InlineData("LeadAlign.WorkflowActivities")]
        public void A_deployable_assembly_is_strong_name_signed_with_leadaligns_key(string name)
        {
            var (identity, signed, _) = Read(RepositoryLayout.Net462Output(name));

            Assert.Equal(name, identity.Name);
            Assert.Equal(OfficialSdk.LeadAlignPublicKeyToken, Token(identity));
            Assert.True(signed, name + " carries no strong-name signature: Dataverse refuses to register unsigned assemblies.");
        }

        [Theory]
        [InlineData("LeadAlign.Plugins")]
        [InlineData("LeadAlign.WorkflowActivities")]
        public void A_deployable_assembly_binds_to_the_sdk_at_version_9_0_0_0_with_microsofts_token(string name)
        {
            var (_, _, references) = Read(RepositoryLayout.Net462Output(name));

            var sdk = references.Where(reference => OfficialSdk.StandIns.Contains(reference.Name)).ToList();
            Assert.Contains(sdk, reference => reference.Name == "Microsoft.Xrm.Sdk");
            Assert.All(sdk, reference =>
            {
                Assert.Equal(OfficialSdk.MicrosoftPublicKeyToken, Token(reference));
                Assert.Equal(reference.Name == "System.Activities" ? new Version(4, 0, 0, 0) : new Version(9, 0, 0, 0), reference.Version);
            });
        }

        private static void AssertOfficialIdentity(string path, string name, string version)
        {
            var (identity, signed, _) = Read(path);
            var official = OfficialSdk.Listing(name).Identity;

            Assert.Equal(name, identity.Name);
            Assert.Equal(Version.Parse(version), identity.Version);
            Assert.Equal(OfficialSdk.MicrosoftPublicKeyToken, Token(identity));
            Assert.Equal(official.GetPublicKeyToken(), identity.GetPublicKeyToken());
            Assert.False(signed, name + " claims a strong-name signature; a stand-in can only be public-signed (it has no private key).");
        }

        private static string Token(System.Reflection.AssemblyName name) => Convert.ToHexString(name.GetPublicKeyToken() ?? Array.Empty<byte>()).ToLowerInvariant();

        private static (System.Reflection.AssemblyName Identity, bool Signed, System.Reflection.AssemblyName[] References) Read(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            // Public signing sets the StrongNameSigned flag but leaves the signature blob zeroed; real signing fills it.
            var directory = pe.PEHeaders.CorHeader!.StrongNameSignatureDirectory;
            var signed = (pe.PEHeaders.CorHeader.Flags & CorFlags.StrongNameSigned) != 0
                && directory.Size > 0
                && pe.GetSectionData(directory.RelativeVirtualAddress).GetContent(0, directory.Size).Any(b => b != 0);
            return (
                reader.GetAssemblyDefinition().GetAssemblyName(),
                signed,
                reader.AssemblyReferences.Select(handle => reader.GetAssemblyReference(handle).GetAssemblyName()).ToArray());
        }
    }
}
