using System;
using System.Activities;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LeadAlign.Dataverse.Workflows
{
    /// <summary>
    /// The first check of the workflow loader: every element and every type name of the XAML must be one the platform's workflow
    /// host resolves, in the designer's namespaces, each bound to its exact assembly (<see cref="XamlVocabulary"/>); the root is an
    /// Activity whose x:Class is XrmWorkflow + the workflow's id. A custom workflow activity used as a XAML element is refused, naming
    /// how the platform calls one (an ActivityReference inside a Composite step).
    /// </summary>
    internal static class WorkflowXamlCheck
    {
        private static readonly Regex TypeToken = new(@"(?:(?<prefix>[A-Za-z][A-Za-z0-9]*):)?(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);
        private static readonly XName TypeArguments = XName.Get("TypeArguments", XamlVocabulary.XamlXmlns);

        /// <summary>Every element and every type name of the XAML must be one the platform's workflow host resolves.</summary>
        public static void Check(XElement root, WorkflowDefinition definition, Func<string, Type?> typeOf, WorkflowRefusals refuse)
        {
            var workflowClass = (string?)root.Attribute(XName.Get("Class", XamlVocabulary.XamlXmlns)) ?? string.Empty;
            var expectedClass = "XrmWorkflow" + definition.Id.ToString("N");
            if (root.Name != XName.Get("Activity", XamlVocabulary.ActivitiesXmlns) || workflowClass != expectedClass)
            {
                throw refuse.Unloadable(root, $"the root must be an Activity whose x:Class is {expectedClass} (the workflow's id), not {root.Name.LocalName} '{workflowClass}'");
            }

            foreach (var element in root.DescendantsAndSelf())
            {
                var ns = element.Name.NamespaceName;
                var typeName = element.Name.LocalName.Split('.')[0];
                if (ns == "clr-namespace:")
                {
                    if (typeName != workflowClass)
                    {
                        throw refuse.Unloadable(element, $"the element {element.Name.LocalName} of the workflow's own namespace");
                    }

                    continue;
                }

                if (!XamlVocabulary.IsKnownNamespace(ns))
                {
                    var clr = ns.StartsWith("clr-namespace:", StringComparison.Ordinal) ? ns["clr-namespace:".Length..].Split(';')[0] + "." + typeName : null;
                    var custom = clr == null ? null : typeOf(clr);
                    throw refuse.Unloadable(element, custom != null && typeof(Activity).IsAssignableFrom(custom)
                        ? $"the custom workflow activity {clr} used as a XAML element; the platform calls a custom activity only through mxswa:ActivityReference AssemblyQualifiedName=\"{clr}, {custom.Assembly.FullName}\" inside a Composite step"
                        : $"the XML namespace {ns}, which no workflow host resolves");
                }

                if (XamlVocabulary.ClrTypeName(ns, typeName) == null)
                {
                    throw refuse.Unloadable(element, $"{element.GetPrefixOfNamespace(ns) ?? string.Empty}:{typeName}, a type that does not exist in {AssemblyOf(ns)}");
                }

                foreach (var attribute in element.Attributes())
                {
                    var isTypeName = attribute.Name == TypeArguments
                        || (element.Name.LocalName == "ReferenceLiteral" && attribute.Name.LocalName == "Value")
                        || (element.Name.LocalName == "Property" && ns == XamlVocabulary.XamlXmlns && attribute.Name.LocalName == "Type");
                    if (!isTypeName)
                    {
                        continue;
                    }

                    foreach (Match token in TypeToken.Matches(attribute.Value))
                    {
                        var prefix = token.Groups["prefix"].Success ? token.Groups["prefix"].Value : string.Empty;
                        var tokenNamespace = prefix.Length == 0 ? element.GetDefaultNamespace() : element.GetNamespaceOfPrefix(prefix);
                        if (tokenNamespace == null || XamlVocabulary.ClrTypeName(tokenNamespace.NamespaceName, token.Groups["name"].Value) == null)
                        {
                            throw refuse.Unloadable(element, $"the type {token.Value} in {attribute.Name.LocalName}=\"{attribute.Value}\", which does not exist");
                        }
                    }
                }
            }
        }

        private static string AssemblyOf(string xmlNamespace) =>
            xmlNamespace.Contains(";assembly=", StringComparison.Ordinal) ? xmlNamespace.Split(";assembly=")[1] : xmlNamespace;
    }
}
