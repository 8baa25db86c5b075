using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>How a validator names a place in the solution folder: <c>file:line: message</c>, the file relative to the folder.</summary>
    internal static class SolutionFinding
    {
        /// <summary><paramref name="file"/> relative to <paramref name="solutionFolder"/>, with forward slashes on every OS.</summary>
        public static string Relative(string solutionFolder, string file) => Path.GetRelativePath(solutionFolder, file).Replace('\\', '/');

        /// <summary>A finding at <paramref name="element"/>'s line (the document must be loaded with line information).</summary>
        public static string At(string solutionFolder, string file, XElement element, string message) =>
            $"{Relative(solutionFolder, file)}:{((IXmlLineInfo)element).LineNumber}: {message}";
    }
}
