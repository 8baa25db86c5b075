using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Solution
{
    /// <summary>
    /// One type per file, named as the type (issue 13): every C# source of the product (the SDK stand-ins, the plug-ins, the
    /// workflow activities, the shared code, the in-memory Dataverse and the tools) declares at most one top-level type, in a
    /// file named as it (the rules: <see cref="OneTypePerFileCheck"/>). Files not yet split are listed, each with why, and
    /// leave the list when they are split.
    /// </summary>
    public class OneTypePerFileTests
    {
        /// <summary>The product's folders, from the repository root.</summary>
        private static readonly string[] ProductFolders = { "Sdk", "Plugins", "WorkflowActivities", "Shared", "Dataverse", "tools" };

        /// <summary>Build outputs under the product folders (git ignores them): their sources are generated, not written.</summary>
        private static readonly string[] BuildOutputs = { "bin", "obj", "out", "artifacts", "BenchmarkDotNet.Artifacts" };

        /// <summary>Sources that still declare more than one top-level type, and why they are not split yet.</summary>
        private static readonly IReadOnlyDictionary<string, string> StillToSplit = new Dictionary<string, string>(StringComparer.Ordinal)
        {
        };

        [Fact]
        public void Every_product_source_declares_at_most_one_top_level_type_in_a_file_named_as_it()
        {
            var sources = ProductSources();

            var findings = sources
                .Where(path => !StillToSplit.ContainsKey(path))
                .SelectMany(path => OneTypePerFileCheck.Findings(path, File.ReadAllText(RepositoryLayout.PathInRepo(path))))
                .ToList();

            Assert.Contains("Plugins/PluginBase.cs", sources);
            Assert.Contains("Sdk/System.Activities/InArgumentOfT.cs", sources);
            Assert.Contains("Shared/Schema/Generated/LeadTable.g.cs", sources);
            Assert.Contains("tools/LeadAlign.Cli/Program.cs", sources);
            Assert.DoesNotContain(sources, path => path.Contains("/obj/", StringComparison.Ordinal));
            Assert.True(findings.Count == 0, findings.Count + " findings:\n" + string.Join("\n", findings));
        }

        [Fact]
        public void Every_source_still_to_split_exists_says_why_and_still_needs_splitting()
        {
            var sources = ProductSources();

            var stale = StillToSplit.Keys
                .Where(path => !sources.Contains(path) || OneTypePerFileCheck.Findings(path, File.ReadAllText(RepositoryLayout.PathInRepo(path))).Count == 0)
                .ToList();

            Assert.All(StillToSplit, file => Assert.False(string.IsNullOrWhiteSpace(file.Value), file.Key + " says not why it is still to split."));
            Assert.True(stale.Count == 0, "No longer to split (gone, or one type named as its file): remove from StillToSplit:\n" + string.Join("\n", stale));
        }

        [Fact]
        public void The_check_finds_a_second_type_and_a_file_not_named_as_its_type()
        {
            Assert.Equal(
                new[] { "Sdk/Pair.cs: declares 2 top-level types (Pair, Pair<T>): move each to a file of its own, named as the type." },
                OneTypePerFileCheck.Findings("Sdk/Pair.cs", "namespace N\n{\n    public class Pair { }\n\n    public class Pair<T> { }\n}\n"));
            Assert.Equal(
                new[] { "Shared/Rules.cs: declares Rule: name the file Rule.cs." },
                OneTypePerFileCheck.Findings("Shared/Rules.cs", "namespace N\n{\n    internal enum Rule { Fit }\n}\n"));
            Assert.Equal(
                new[] { "Sdk/InArgument.cs: declares InArgument<T>: name the file InArgumentOfT.cs." },
                OneTypePerFileCheck.Findings("Sdk/InArgument.cs", "namespace N\n{\n    public class InArgument<T> { }\n}\n"));
            Assert.Equal(
                new[] { "Plugins/Lead.Rules.cs: declares Lead: name the file Lead.cs." },
                OneTypePerFileCheck.Findings("Plugins/Lead.Rules.cs", "namespace N\n{\n    public sealed class Lead { }\n}\n"));
            Assert.Equal(
                new[] { "tools/Handler.cs: declares 2 top-level types (Handler, Other): move each to a file of its own, named as the type." },
                OneTypePerFileCheck.Findings("tools/Handler.cs", "namespace N;\n\npublic delegate void Handler();\n\ninternal record Other(int Value);\n"));
            Assert.Equal(
                new[] { "Plugins/Step.cs: declares 2 top-level types (Step, Legacy): move each to a file of its own, named as the type." },
                OneTypePerFileCheck.Findings("Plugins/Step.cs", "namespace N\n{\n    public class Step { }\n#if NETFRAMEWORK\n    public class Legacy { }\n#endif\n}\n"));
        }

        [Fact]
        public void The_check_accepts_nested_generic_partial_and_generated_types_and_a_source_without_types()
        {
            Assert.Empty(OneTypePerFileCheck.Findings("Sdk/InArgumentOfT.cs", "namespace N\n{\n    public class InArgument<T>\n    {\n        internal sealed class Slot { }\n    }\n}\n"));
            Assert.Empty(OneTypePerFileCheck.Findings("Sdk/DataCollectionOfTKeyTValue.cs", "namespace N\n{\n    public abstract class DataCollection<TKey, TValue> { }\n}\n"));
            Assert.Empty(OneTypePerFileCheck.Findings("Dataverse/Service/InMemoryDataverse.Batch.cs", "namespace N\n{\n    public sealed partial class InMemoryDataverse { }\n}\n"));
            Assert.Empty(OneTypePerFileCheck.Findings("Shared/Schema/Generated/LeadStage.g.cs", "namespace N\n{\n    public enum LeadStage { Inquiry }\n}\n"));
            Assert.Empty(OneTypePerFileCheck.Findings("Sdk/Properties/AssemblyInfo.cs", "using System;\n\n[assembly: CLSCompliant(false)]\n"));
        }

        private static List<string> ProductSources()
        {
            var root = RepositoryLayout.RepoRoot;
            return ProductFolders
                .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
                .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
                .Where(path => !path.Split('/').Any(folder => BuildOutputs.Contains(folder, StringComparer.Ordinal)))
                .OrderBy(path => path, StringComparer.Ordinal)
                .ToList();
        }
    }
}
