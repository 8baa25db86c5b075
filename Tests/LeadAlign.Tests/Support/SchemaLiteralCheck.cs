using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeadAlign.Tests.Support
{
    /// <summary>
    /// Finds, in a C# source, what the generated schema declares once and the source should take from it:
    /// <list type="bullet">
    /// <item>a choice value of the solution (the publisher's option value prefix then four digits), anywhere in the text;</item>
    /// <item>a LeadAlign name (the publisher prefix then an underscore: la_stage) standing as a name in a string literal: the
    /// literal starts with it (<c>"la_stage"</c>), it is an item of a list (<c>"la_stage,statecode"</c>), an XML or FetchXML
    /// attribute value (<c>attribute='la_stage'</c>) or element text (<c>&gt;la_stage&lt;</c>). A name inside prose (a message,
    /// a path) is left alone.</item>
    /// </list>
    /// Not a finding: a name the code owns that is no table, column or choice (a Custom API, a shared variable: <see cref="OtherNames"/>);
    /// in tests, a name the solution does not declare (tests use unknown names on purpose, and an unknown column fails them anyway);
    /// the text a test breaks a copy of a solution file with (the arguments of a <c>Break</c> call); a fixture file, whose names
    /// and values are test data of its own.
    /// </summary>
    internal sealed class SchemaLiteralCheck
    {
        private readonly Regex _choiceValue;
        private readonly Regex _name;
        private readonly ISet<string> _declared;
        private readonly IReadOnlyDictionary<string, string> _otherNames;
        private readonly IReadOnlyDictionary<string, string> _fixtureFiles;

        /// <param name="prefix">The publisher's customization prefix (la).</param>
        /// <param name="optionValuePrefix">The publisher's option value prefix (41250).</param>
        /// <param name="declared">The table, column and choice names the solution declares.</param>
        /// <param name="otherNames">Names with the prefix that are not the schema's, each with why it may appear.</param>
        /// <param name="fixtureFiles">Sources whose names and values are test data of their own (by path from the repository root), each with why.</param>
        public SchemaLiteralCheck(string prefix, string optionValuePrefix, IEnumerable<string> declared, IReadOnlyDictionary<string, string> otherNames, IReadOnlyDictionary<string, string> fixtureFiles)
        {
            _choiceValue = new Regex(@"(?<!\d)" + Regex.Escape(optionValuePrefix) + @"\d{4}(?!\d)", RegexOptions.CultureInvariant);
            _name = new Regex(@"(?<![A-Za-z0-9_])" + Regex.Escape(prefix) + @"_[A-Za-z0-9_]+", RegexOptions.CultureInvariant);
            _declared = new HashSet<string>(declared, StringComparer.OrdinalIgnoreCase);
            _otherNames = otherNames;
            _fixtureFiles = fixtureFiles;
        }

        /// <summary>Each finding of the source as <c>path:line: what</c>; <paramref name="isTest"/> for a test source.</summary>
        public IReadOnlyList<string> Findings(string path, string text, bool isTest)
        {
            var findings = new List<(int Line, string What)>();
            if (_fixtureFiles.ContainsKey(path))
            {
                return Array.Empty<string>();
            }

            var lines = text.Split('\n');
            for (var index = 0; index < lines.Length; index++)
            {
                foreach (Match value in _choiceValue.Matches(lines[index]))
                {
                    findings.Add((index + 1, $"the choice value {value.Value}: take it from the generated enum (Shared/Schema/Generated)."));
                }
            }

            var root = CSharpSyntaxTree.ParseText(text).GetRoot();
            foreach (var token in root.DescendantTokens().Where(IsStringText))
            {
                if (token.Parent?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().Any(IsBreak) == true)
                {
                    continue;
                }

                var value = token.ValueText;
                foreach (Match name in _name.Matches(value))
                {
                    if (!StandsAsName(value, name) || _otherNames.ContainsKey(name.Value) || (isTest && !_declared.Contains(name.Value)))
                    {
                        continue;
                    }

                    var line = token.GetLocation().GetLineSpan().StartLinePosition.Line + 1 + value[..name.Index].Count(character => character == '\n');
                    findings.Add((line, _declared.Contains(name.Value)
                        ? $"the LeadAlign name {name.Value} in a string: take it from the generated schema (Shared/Schema/Generated)."
                        : $"the name {name.Value} in a string is no table, column or choice of the solution: take a schema name from Shared/Schema/Generated, or add a name the code owns to the allowed names with why."));
                }
            }

            return findings.OrderBy(finding => finding.Line).Select(finding => $"{path}:{finding.Line.ToString(CultureInfo.InvariantCulture)}: {finding.What}").ToList();
        }

        private static bool IsStringText(SyntaxToken token) => token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken
            or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
            or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken
            or SyntaxKind.InterpolatedStringTextToken;

        /// <summary>A call that breaks a copy of a solution file: its arguments are the file's text (XML), not C# names.</summary>
        private static bool IsBreak(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText == "Break",
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == "Break",
            _ => false,
        };

        private static bool StandsAsName(string value, Match name)
        {
            var before = value[..name.Index].TrimEnd(' ');
            var after = value[(name.Index + name.Length)..];
            return before.Length == 0
                || before[^1] is ',' or '|' or ';'
                || before.EndsWith("='", StringComparison.Ordinal) || before.EndsWith("=\"", StringComparison.Ordinal)
                || (before[^1] == '>' && after.StartsWith('<'));
        }
    }
}
