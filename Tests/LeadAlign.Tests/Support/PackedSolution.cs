using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Cli.Packaging;

namespace LeadAlign.Tests.Support
{
    /// <summary>The shipped solution packed once as a managed zip, entry by entry, for the tests that read what an admin imports.</summary>
    internal static class PackedSolution
    {
        private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> ManagedZip = new(PackManaged);

        public static IReadOnlyDictionary<string, byte[]> Managed => ManagedZip.Value;

        /// <summary>An XML entry of the managed zip, with line numbers.</summary>
        public static XDocument Xml(string entry) => XDocument.Load(new MemoryStream(ManagedZip.Value[entry]), LoadOptions.SetLineInfo);

        private static IReadOnlyDictionary<string, byte[]> PackManaged()
        {
            var output = Directory.CreateTempSubdirectory("leadalign-managed-zip-").FullName;
            try
            {
                var zip = new SolutionPacker(RepositoryLayout.PathInRepo("Solution"), RepositoryLayout.PathInRepo("build", "schemas")).Pack(managed: true, SolutionCopy.Assemblies, output);
                using var archive = ZipFile.OpenRead(zip);
                return archive.Entries.ToDictionary(entry => entry.FullName, entry =>
                {
                    using var stream = entry.Open();
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    return copy.ToArray();
                }, StringComparer.Ordinal);
            }
            finally
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
