using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// A built plug-in assembly as the solution names it: its simple name, its full name (the schema name of its root
    /// component, type 91) and its id, derived from the name so it is the same in every build and every org.
    /// </summary>
    public sealed record PluginAssemblyIdentity(string Name, string FullName, Guid Id)
    {
        /// <summary>Reads the identity from the assembly's metadata without loading it.</summary>
        public static PluginAssemblyIdentity Read(string assemblyPath)
        {
            using var reader = new PEReader(File.OpenRead(assemblyPath));
            var metadata = reader.GetMetadataReader();
            var definition = metadata.GetAssemblyDefinition();
            var name = metadata.GetString(definition.Name);
            var key = metadata.GetBlobBytes(definition.PublicKey);
            var token = key.Length == 0 ? "null" : Token(key);
            return new PluginAssemblyIdentity(
                name,
                $"{name}, Version={definition.Version}, Culture=neutral, PublicKeyToken={token}",
                LeadAlign.Dataverse.Metadata.MetadataCatalog.NameId("pluginassembly:" + name));
        }

        /// <summary>The public key token of a public key: the last eight bytes of its SHA-1 hash, reversed.</summary>
        public static string Token(byte[] publicKey)
        {
            var hash = System.Security.Cryptography.SHA1.HashData(publicKey);
            return string.Concat(hash.Skip(hash.Length - 8).Reverse().Select(part => part.ToString("x2", CultureInfo.InvariantCulture)));
        }
    }
}
