using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace LeadAlign.Cli
{
    /// <summary>
    /// Where the build put the net462 assemblies and the repository (recorded in this assembly's metadata by
    /// build/Net462Outputs.targets): read only by a development build (<see cref="InputFolders.Repository"/>); an installed tool
    /// reads what it carries.
    /// </summary>
    internal static class BuildOutputs
    {
        public static readonly string[] Deployable = { "LeadAlign.Plugins", "LeadAlign.WorkflowActivities" };

        public static string Net462(string assemblyName)
        {
            return Metadata("net462:" + assemblyName)
                ?? throw new InvalidOperationException("The build recorded no net462 output for " + assemblyName + ". Rebuild with 'dotnet build LeadAlign.sln'.");
        }

        public static string? RepoRoot => Metadata("repo-root");

        private static string? Metadata(string key)
        {
            return typeof(BuildOutputs).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .Where(attribute => string.Equals(attribute.Key, key, StringComparison.Ordinal))
                .Select(attribute => attribute.Value)
                .FirstOrDefault();
        }
    }
}
