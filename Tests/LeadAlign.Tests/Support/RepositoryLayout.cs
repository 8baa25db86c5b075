using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace LeadAlign.Tests.Support
{
    /// <summary>Paths the build recorded in this test assembly's metadata (see build/Net462Outputs.targets).</summary>
    internal static class RepositoryLayout
    {
        public static string RepoRoot => Metadata("repo-root");

        public static string Net462Output(string assemblyName) => Metadata("net462:" + assemblyName);

        public static string Net462ReferenceAssemblies => Metadata("net462-reference-assemblies");

        public static string PathInRepo(params string[] parts) => Path.Combine(new[] { RepoRoot }.Concat(parts).ToArray());

        private static string Metadata(string key)
        {
            return typeof(RepositoryLayout).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .Where(attribute => attribute.Key == key)
                .Select(attribute => attribute.Value)
                .FirstOrDefault()
                ?? throw new InvalidOperationException("The build recorded no '" + key + "' in the test assembly's metadata.");
        }
    }
}
