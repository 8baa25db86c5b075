using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// The RootComponents of the unpacked solution's Other/Solution.xml, kept as <c>pac solution unpack</c> leaves them (one
    /// RootComponent per component, in <see cref="SolutionComponents.UnpackedOrder"/>): written by <c>leadalign components</c>
    /// from the catalogue, and compared with it by <c>leadalign validate</c> and <c>leadalign components --check</c>.
    /// </summary>
    public static class RootComponentsFile
    {
        public static readonly string RelativePath = Path.Combine("Other", "Solution.xml");

        private static readonly Regex Block = new(@"(?<indent>[ \t]*)<RootComponents\s*/>|(?<indent>[ \t]*)<RootComponents>.*?</RootComponents>", RegexOptions.Singleline | RegexOptions.CultureInvariant);

        /// <summary>Replaces the RootComponents of Other/Solution.xml with <paramref name="components"/>, leaving the rest of the file as it is.</summary>
        public static void Write(string solutionFolder, IEnumerable<RootComponent> components)
        {
            var path = Path.Combine(solutionFolder, RelativePath);
            var text = File.ReadAllText(path);
            var match = Block.Match(text);
            if (!match.Success)
            {
                throw new InvalidDataException($"{RelativePath} has no RootComponents element to fill.");
            }

            var indent = match.Groups["indent"].Value;
            var block = new StringBuilder();
            block.Append(indent).Append("<RootComponents>\n");
            foreach (var component in components.OrderBy(component => component, SolutionComponents.UnpackedOrder))
            {
                block.Append(indent).Append("  ").Append(component.ToElement().ToString(SaveOptions.DisableFormatting)).Append('\n');
            }

            block.Append(indent).Append("</RootComponents>");
            File.WriteAllText(path, text[..match.Index] + block + text[(match.Index + match.Length)..], new UTF8Encoding(false));
        }

        /// <summary>
        /// How Other/Solution.xml's RootComponents differ from <paramref name="expected"/>, as <c>file:line: message</c> findings:
        /// a component the folders hold that is not listed, one listed that the folders do not hold, and a wrong behaviour or
        /// assembly name. Plug-in assemblies are compared only when <paramref name="compareAssemblies"/> (the built assemblies were given).
        /// </summary>
        public static IReadOnlyList<string> Differences(string solutionFolder, IReadOnlyList<RootComponent> expected, bool compareAssemblies)
        {
            var file = RelativePath.Replace('\\', '/');
            var path = Path.Combine(solutionFolder, RelativePath);
            if (!File.Exists(path))
            {
                return Array.Empty<string>();
            }

            var document = XDocument.Load(path, LoadOptions.SetLineInfo);
            var block = document.Descendants("RootComponents").FirstOrDefault();
            if (block == null)
            {
                return new[] { $"{file}:{Line(document.Descendants("SolutionManifest").FirstOrDefault() ?? document.Root!)}: the solution manifest has no RootComponents: run 'leadalign components'." };
            }

            var listed = block.Elements("RootComponent").Select(element => (Component: RootComponent.FromElement(element), Element: element))
                .Where(entry => compareAssemblies || entry.Component.Type != SolutionComponents.PluginAssembly)
                .ToList();
            var wanted = expected.Where(component => compareAssemblies || component.Type != SolutionComponents.PluginAssembly).ToList();
            var findings = new List<string>();
            foreach (var component in wanted.Where(component => !listed.Any(entry => entry.Component.SameComponent(component))))
            {
                findings.Add($"{file}:{Line(block)}: the {component.What} (type {component.Type}, {component.Key}) is missing from RootComponents: run 'leadalign components'.");
            }

            foreach (var (component, element) in listed)
            {
                var match = wanted.FirstOrDefault(candidate => candidate.SameComponent(component));
                if (match == null)
                {
                    findings.Add($"{file}:{Line(element)}: RootComponents lists type {component.Type} {component.Key}, which no file of the solution holds: run 'leadalign components'.");
                }
                else if (match.Behavior != component.Behavior)
                {
                    findings.Add($"{file}:{Line(element)}: the {match.What} is listed with behavior {component.Behavior}; a real export lists it with behavior {match.Behavior}: run 'leadalign components'.");
                }
                else if (match.Type == SolutionComponents.PluginAssembly && !string.Equals(match.SchemaName, component.SchemaName, StringComparison.Ordinal))
                {
                    findings.Add($"{file}:{Line(element)}: the {match.What} is listed as '{component.SchemaName}', the built assembly is '{match.SchemaName}': run 'leadalign components'.");
                }
            }

            foreach (var duplicate in listed.GroupBy(entry => (entry.Component.Type, Key: entry.Component.Key.ToLowerInvariant())).Where(group => group.Count() > 1))
            {
                findings.Add($"{file}:{Line(duplicate.Skip(1).First().Element)}: RootComponents lists type {duplicate.Key.Type} {duplicate.First().Component.Key} more than once.");
            }

            return findings;
        }

        private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;
    }
}
