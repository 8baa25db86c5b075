using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LeadAlign.Cli
{
    /// <summary>What a built assembly is: its identity, framework, signature and the SDK assemblies it binds to. Read from metadata only.</summary>
    internal sealed record AssemblyReport(
        string Path,
        string Identity,
        string TargetFramework,
        bool StrongNameSigned,
        IReadOnlyList<string> SdkReferences)
    {
        private static readonly string[] SdkAssemblies =
        {
            "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow", "System.Activities",
        };

        public static AssemblyReport Read(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var definition = reader.GetAssemblyDefinition();
            var identity = definition.GetAssemblyName().FullName;
            // Public signing sets the StrongNameSigned flag but leaves the signature zeroed; only real signing fills it.
            var directory = pe.PEHeaders.CorHeader!.StrongNameSignatureDirectory;
            var signed = (pe.PEHeaders.CorHeader.Flags & CorFlags.StrongNameSigned) != 0
                && directory.Size > 0
                && pe.GetSectionData(directory.RelativeVirtualAddress).GetContent(0, directory.Size).Any(b => b != 0);
            var references = reader.AssemblyReferences
                .Select(handle => reader.GetAssemblyReference(handle).GetAssemblyName())
                .Where(name => SdkAssemblies.Contains(name.Name, StringComparer.Ordinal))
                .Select(name => name.FullName)
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToList();
            return new AssemblyReport(path, identity, ReadTargetFramework(reader), signed, references);
        }

        private static string ReadTargetFramework(MetadataReader reader)
        {
            foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference)
                {
                    continue;
                }

                var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                if (constructor.Parent.Kind != HandleKind.TypeReference)
                {
                    continue;
                }

                var type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
                if (reader.GetString(type.Name) != "TargetFrameworkAttribute")
                {
                    continue;
                }

                var blob = reader.GetBlobReader(attribute.Value);
                blob.ReadUInt16(); // prolog
                return blob.ReadSerializedString() ?? "unknown";
            }

            return "unknown";
        }
    }
}
