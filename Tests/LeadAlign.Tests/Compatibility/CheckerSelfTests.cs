using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LeadAlign.Tests.Compatibility
{
    /// <summary>
    /// The checkers catch what they exist to catch: each test compiles a small fake SDK (and a fake plug-in) with a deliberate
    /// incompatibility and shows the checker reports it, while the compatible version passes.
    /// </summary>
    public sealed class CheckerSelfTests : IDisposable
    {
        private const string OptionSetValueAsOfficial = @"
namespace Microsoft.Xrm.Sdk
{
    public sealed class OptionSetValue : System.Runtime.Serialization.IExtensibleDataObject
    {
        public OptionSetValue() { }
        public OptionSetValue(int value) { Value = value; }
        public int Value { get; set; }
        public System.Runtime.Serialization.ExtensionDataObject ExtensionData { get; set; }
        public override bool Equals(object obj) => obj is OptionSetValue o && o.Value == Value;
        public override int GetHashCode() => Value;
    }
}";

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "leadalign-checkers-" + Guid.NewGuid().ToString("N"));

        public CheckerSelfTests()
        {
            Directory.CreateDirectory(_folder);
        }

        public void Dispose()
        {
            Directory.Delete(_folder, recursive: true);
        }

        [Fact]
        public void The_api_checker_passes_a_type_declared_exactly_as_officially()
        {
            Assert.Empty(ApiFindings(OptionSetValueAsOfficial));
        }

        [Fact]
        public void The_api_checker_reports_a_member_the_official_type_lacks()
        {
            var findings = ApiFindings(OptionSetValueAsOfficial.Replace("public int Value { get; set; }", "public int Value { get; set; }\n public void Reset() { }"));

            Assert.Contains(findings, f => f.StartsWith("Microsoft.Xrm.Sdk.OptionSetValue::public Reset() : System.Void", StringComparison.Ordinal));
        }

        [Fact]
        public void The_api_checker_reports_a_setter_the_official_property_lacks()
        {
            var findings = ApiFindings(@"
namespace Microsoft.Xrm.Sdk
{
    public sealed class AliasedValue : System.Runtime.Serialization.IExtensibleDataObject
    {
        public object Value { get; set; }
        public System.Runtime.Serialization.ExtensionDataObject ExtensionData { get; set; }
    }
}");

            Assert.Contains(findings, f => f.StartsWith("Microsoft.Xrm.Sdk.AliasedValue::public property Value : System.Object { get; set; }", StringComparison.Ordinal));
        }

        [Fact]
        public void The_api_checker_reports_a_wrong_base_type_and_sealedness()
        {
            var findings = ApiFindings(@"
namespace Microsoft.Xrm.Sdk
{
    public class Entity { }
    public class EntityCollection : System.Collections.Generic.List<Entity> { }
}");

            Assert.Contains(findings, f => f.StartsWith("Microsoft.Xrm.Sdk.EntityCollection [type] public class base=System.Collections.Generic.List<Microsoft.Xrm.Sdk.Entity>", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.StartsWith("Microsoft.Xrm.Sdk.Entity [type] public class base=System.Object interfaces=[]", StringComparison.Ordinal));
        }

        [Fact]
        public void The_api_checker_reports_a_member_declared_on_the_wrong_type()
        {
            var findings = ApiFindings(@"
namespace Microsoft.Xrm.Sdk
{
    public abstract class DataCollection<TKey, TValue> : System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<TKey, TValue>>
    {
        protected internal DataCollection() { }
        public System.Collections.Generic.IEnumerator<System.Collections.Generic.KeyValuePair<TKey, TValue>> GetEnumerator() => null;
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null;
    }
    public sealed class AttributeCollection : DataCollection<string, object>
    {
        public AttributeCollection() { }
        public bool Contains(string key) => false;
    }
}");

            Assert.Contains(findings, f => f.StartsWith("Microsoft.Xrm.Sdk.AttributeCollection::public Contains(System.String key) : System.Boolean", StringComparison.Ordinal));
            Assert.DoesNotContain(findings, f => f.StartsWith("Microsoft.Xrm.Sdk.DataCollection<TKey,TValue>::public GetEnumerator()", StringComparison.Ordinal));
        }

        [Fact]
        public void The_reference_checker_passes_official_members_and_reports_one_the_official_sdk_lacks()
        {
            var sdk = Compile("Microsoft.Xrm.Sdk", @"
namespace Microsoft.Xrm.Sdk
{
    public class Entity
    {
        public bool Contains(string attributeName) => false;
        public virtual T GetAttributeValue<T>(string attributeLogicalName) => default(T);
        public string GetAttributeValueOrDefault(string attributeLogicalName) => null;
    }
}", Array.Empty<MetadataReference>(), version: "9.0.0.0", publicSign: true);
            var plugin = Compile("FakePlugin", @"
public static class Uses
{
    public static object Run(Microsoft.Xrm.Sdk.Entity e) => e.Contains(""a"") ? e.GetAttributeValue<int?>(""b"") : (object)e.GetAttributeValueOrDefault(""c"");
}", new[] { MetadataReference.CreateFromFile(sdk) });

            var findings = new MemberReferenceCheck(OfficialSdk.AllListings).Findings(plugin);

            Assert.Contains(findings, f => f.StartsWith("Microsoft.Xrm.Sdk.Entity::GetAttributeValueOrDefault(System.String):System.String", StringComparison.Ordinal));
            Assert.DoesNotContain(findings, f => f.Contains("::Contains(", StringComparison.Ordinal));
            Assert.DoesNotContain(findings, f => f.Contains("GetAttributeValue`1", StringComparison.Ordinal));
            Assert.Single(findings);
        }

        [Fact]
        public void The_reference_checker_reports_a_member_bound_on_the_wrong_declaring_type_and_an_unknown_type()
        {
            var sdk = Compile("Microsoft.Xrm.Sdk", @"
namespace Microsoft.Xrm.Sdk
{
    public sealed class AttributeCollection { public bool Contains(string key) => false; }
    public sealed class EntityCollectionHelper { }
}", Array.Empty<MetadataReference>(), version: "9.0.0.0", publicSign: true);
            var plugin = Compile("FakePlugin", @"
public static class Uses
{
    public static bool Run(Microsoft.Xrm.Sdk.AttributeCollection c, Microsoft.Xrm.Sdk.EntityCollectionHelper h) => c.Contains(""a"");
}", new[] { MetadataReference.CreateFromFile(sdk) });

            var findings = new MemberReferenceCheck(OfficialSdk.AllListings).Findings(plugin);

            Assert.Contains(findings, f => f.StartsWith("Microsoft.Xrm.Sdk.AttributeCollection::Contains(System.String):System.Boolean", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.StartsWith("type Microsoft.Xrm.Sdk.EntityCollectionHelper", StringComparison.Ordinal));
        }

        [Fact]
        public void The_reference_checker_reports_a_binding_to_another_sdk_version()
        {
            var sdk = Compile("Microsoft.Xrm.Sdk", "namespace Microsoft.Xrm.Sdk { public interface IPlugin { void Execute(System.IServiceProvider serviceProvider); } }", Array.Empty<MetadataReference>(), version: "9.1.0.0", publicSign: true);
            var plugin = Compile("FakePlugin", "public sealed class P : Microsoft.Xrm.Sdk.IPlugin { public void Execute(System.IServiceProvider s) { } }", new[] { MetadataReference.CreateFromFile(sdk) });

            var findings = new MemberReferenceCheck(OfficialSdk.AllListings).Findings(plugin);

            Assert.Contains(findings, f => f.Contains("Version=9.1.0.0", StringComparison.Ordinal) && f.Contains("Version=9.0.0.0", StringComparison.Ordinal));
        }

        private IReadOnlyList<string> ApiFindings(string source)
        {
            var path = Compile("Microsoft.Xrm.Sdk", source, Array.Empty<MetadataReference>(), version: "9.0.0.0", publicSign: true);
            var standIn = ApiListing.Dump(path, "System.Private.CoreLib", OfficialSdk.Net10ReferenceFolders);
            return ApiCompatibility.Findings(standIn, OfficialSdk.Listing("Microsoft.Xrm.Sdk"), ApiCompatibility.TypesOf(OfficialSdk.AllListings), onNetFramework: false);
        }

        private string Compile(string assemblyName, string source, IEnumerable<MetadataReference> references, string version = "1.0.0.0", bool publicSign = false)
        {
            var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetDirectoryName(p) == Path.GetDirectoryName(typeof(object).Assembly.Location))
                .Select(p => MetadataReference.CreateFromFile(p));
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
            if (publicSign)
            {
                options = options.WithPublicSign(true).WithCryptoKeyFile(LeadAlign.Tests.Support.RepositoryLayout.PathInRepo("Sdk", "MicrosoftPublicKey.snk"));
            }

            var compilation = CSharpCompilation.Create(
                assemblyName,
                new[] { CSharpSyntaxTree.ParseText(source), CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]") },
                platform.Concat(references),
                options);
            var directory = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, assemblyName + ".dll");
            var result = compilation.Emit(path);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            return path;
        }
    }
}
