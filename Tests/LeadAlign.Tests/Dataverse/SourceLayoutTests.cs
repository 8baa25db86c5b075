using System;
using System.IO;
using System.Linq;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Dataverse
{
    /// <summary>The in-memory Dataverse stays readable: small files, each with one job (issue 13, "One declaration per fact").</summary>
    public sealed class SourceLayoutTests
    {
        private const int MaxLines = 500;

        [Fact]
        public void No_source_file_of_the_in_memory_Dataverse_is_over_500_lines()
        {
            var root = RepositoryLayout.PathInRepo("Dataverse");
            var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(path => !Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                .ToList();

            var tooLong = files
                .Select(path => (File: Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'), Lines: File.ReadAllLines(path).Length))
                .Where(file => file.Lines > MaxLines)
                .OrderByDescending(file => file.Lines)
                .Select(file => $"Dataverse/{file.File}: {file.Lines} lines")
                .ToList();

            Assert.NotEmpty(files);
            Assert.True(tooLong.Count == 0, $"Files over {MaxLines} lines (split them by job):{Environment.NewLine}{string.Join(Environment.NewLine, tooLong)}");
        }
    }
}
