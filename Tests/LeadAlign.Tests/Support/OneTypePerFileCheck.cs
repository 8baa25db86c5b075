using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeadAlign.Tests.Support
{
    /// <summary>
    /// Finds, in a C# source, what breaks "one type per file, named as the type" (issue 13): more than one top-level type (a
    /// class, struct, record, interface, enum or delegate outside any other type; nested types stay inside their type), or one
    /// whose file is not named as it. A type's file is named <c>Name.cs</c>; a generic type's adds <c>Of</c> and its type
    /// parameters (<c>InArgument&lt;T&gt;</c> in <c>InArgumentOfT.cs</c>, <c>DataCollection&lt;TKey, TValue&gt;</c> in
    /// <c>DataCollectionOfTKeyTValue.cs</c>); a part of a partial type may add a suffix (<c>InMemoryDataverse.Pipeline.cs</c>),
    /// and a generated file adds <c>.g</c> (<c>LeadTable.g.cs</c>). A source with no type (assembly attributes) is fine.
    /// </summary>
    internal static class OneTypePerFileCheck
    {
        /// <summary>The source is read once per framework the product builds for, so a type declared under <c>#if</c> counts.</summary>
        private static readonly string[][] FrameworkSymbols =
        {
            Array.Empty<string>(),
            new[] { "NETFRAMEWORK", "NET462", "NET462_OR_GREATER" },
            new[] { "NET", "NETCOREAPP", "NET10_0", "NET10_0_OR_GREATER" },
        };

        /// <summary>Each finding of the source as <c>path: what</c>; <paramref name="path"/> is the path from the repository root.</summary>
        public static IReadOnlyList<string> Findings(string path, string text)
        {
            var findings = new List<string>();
            foreach (var symbols in FrameworkSymbols)
            {
                var options = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: symbols);
                var types = TopLevelTypes(CSharpSyntaxTree.ParseText(text, options).GetCompilationUnitRoot()).ToList();
                if (types.Count > 1)
                {
                    findings.Add($"{path}: declares {types.Count} top-level types ({string.Join(", ", types.Select(Display))}): move each to a file of its own, named as the type.");
                }
                else if (types.Count == 1 && !IsNamedAsFile(types[0], path))
                {
                    findings.Add($"{path}: declares {Display(types[0])}: name the file {FileName(types[0])}.cs.");
                }
            }

            return findings.Distinct(StringComparer.Ordinal).ToList();
        }

        /// <summary>The file name, without <c>.cs</c>, of the type: its name, and for a generic type <c>Of</c> and its type parameters.</summary>
        public static string FileName(MemberDeclarationSyntax type)
        {
            var parameters = TypeParameters(type);
            return Identifier(type) + (parameters == null ? string.Empty : "Of" + string.Concat(parameters.Parameters.Select(parameter => parameter.Identifier.Text)));
        }

        private static IEnumerable<MemberDeclarationSyntax> TopLevelTypes(SyntaxNode node)
        {
            foreach (var member in node.ChildNodes().OfType<MemberDeclarationSyntax>())
            {
                if (member is BaseNamespaceDeclarationSyntax)
                {
                    foreach (var type in TopLevelTypes(member))
                    {
                        yield return type;
                    }
                }
                else if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                {
                    yield return member;
                }
            }
        }

        private static bool IsNamedAsFile(MemberDeclarationSyntax type, string path)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var expected = FileName(type);
            var isPartial = type is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword);
            return name == expected
                || name == expected + ".g"
                || (isPartial && name.StartsWith(expected + ".", StringComparison.Ordinal));
        }

        private static string Display(MemberDeclarationSyntax type) => Identifier(type) + (TypeParameters(type)?.ToString() ?? string.Empty);

        private static string Identifier(MemberDeclarationSyntax type) => type switch
        {
            BaseTypeDeclarationSyntax declaration => declaration.Identifier.Text,
            DelegateDeclarationSyntax declaration => declaration.Identifier.Text,
            _ => throw new ArgumentException("Not a type declaration: " + type.Kind(), nameof(type)),
        };

        private static TypeParameterListSyntax? TypeParameters(MemberDeclarationSyntax type) => type switch
        {
            TypeDeclarationSyntax declaration => declaration.TypeParameterList,
            DelegateDeclarationSyntax declaration => declaration.TypeParameterList,
            _ => null,
        };
    }
}
