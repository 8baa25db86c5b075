using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace LeadAlign.Tests.Compatibility
{
    /// <summary>
    /// Reads what a compiled assembly binds to in the SDK: every type it references in the SDK assemblies and every
    /// member it references on them (the compiler writes the member's declaring type into the reference, so a member
    /// the stand-ins declare on the wrong type shows up here). Reports each one the official listings do not declare on
    /// that type: the MissingMethodException or TypeLoadException the assembly would meet in a real Dataverse.
    /// </summary>
    internal sealed class MemberReferenceCheck
    {
        private static readonly Regex GenericParameterList = new Regex(@"<([^<>]+)>$", RegexOptions.Compiled);

        private readonly Dictionary<string, OfficialType> _types = new Dictionary<string, OfficialType>(StringComparer.Ordinal);
        private readonly Dictionary<string, AssemblyIdentity> _assemblies = new Dictionary<string, AssemblyIdentity>(StringComparer.Ordinal);

        public MemberReferenceCheck(IEnumerable<ApiListing> officialListings)
        {
            foreach (var listing in officialListings)
            {
                _assemblies[listing.Identity.Name!] = new AssemblyIdentity(listing.Identity.Version!, Convert.ToHexString(listing.Identity.GetPublicKeyToken()!).ToLowerInvariant());
                foreach (var line in listing.Api)
                {
                    var typeMarker = line.IndexOf(" [type] ", StringComparison.Ordinal);
                    if (typeMarker >= 0)
                    {
                        var type = new OfficialType(line.Substring(0, typeMarker));
                        _types[type.MetadataName] = type;
                    }
                }

                foreach (var line in listing.Api.Where(l => !l.Contains(" [type] ", StringComparison.Ordinal)))
                {
                    var separator = line.IndexOf("::", StringComparison.Ordinal);
                    var type = _types[OfficialType.ToMetadataName(line.Substring(0, separator))];
                    foreach (var key in type.KeysOf(line.Substring(separator + 2)))
                    {
                        type.Members.Add(key);
                    }
                }
            }
        }

        public IReadOnlyList<string> Findings(string assemblyPath)
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var findings = new List<string>();
            var provider = new SignatureNames(reader);

            foreach (var handle in reader.AssemblyReferences)
            {
                var reference = reader.GetAssemblyReference(handle).GetAssemblyName();
                if (_assemblies.TryGetValue(reference.Name!, out var official))
                {
                    var token = Convert.ToHexString(reference.GetPublicKeyToken() ?? Array.Empty<byte>()).ToLowerInvariant();
                    if (reference.Version != official.Version || token != official.Token)
                    {
                        findings.Add($"{reference.FullName}   <- the official assembly is {reference.Name}, Version={official.Version}, PublicKeyToken={official.Token}");
                    }
                }
            }

            foreach (var handle in reader.TypeReferences)
            {
                var name = SdkTypeName(reader, handle);
                if (name != null && !_types.ContainsKey(name))
                {
                    findings.Add($"type {name}   <- not in the official API");
                }
            }

            foreach (var handle in reader.MemberReferences)
            {
                var member = reader.GetMemberReference(handle);
                var typeName = ParentTypeName(reader, member.Parent);
                if (typeName == null || !_types.TryGetValue(typeName, out var type))
                {
                    continue;
                }

                var name = reader.GetString(member.Name);
                string key;
                if (member.GetKind() == MemberReferenceKind.Field)
                {
                    key = $"field {name}:{member.DecodeFieldSignature(provider, null)}";
                }
                else
                {
                    var signature = member.DecodeMethodSignature(provider, null);
                    var arity = signature.Header.IsGeneric ? "`" + signature.GenericParameterCount : string.Empty;
                    key = $"{name}{arity}({string.Join(",", signature.ParameterTypes)}):{signature.ReturnType}";
                }

                if (!type.Members.Contains(key))
                {
                    findings.Add($"{type.ListingName}::{key}   <- not declared on this type in the official API");
                }
            }

            return findings;
        }

        private string? ParentTypeName(MetadataReader reader, EntityHandle parent)
        {
            switch (parent.Kind)
            {
                case HandleKind.TypeReference:
                    return SdkTypeName(reader, (TypeReferenceHandle)parent);
                case HandleKind.TypeSpecification:
                    var blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
                    if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
                    {
                        return null;
                    }

                    blob.ReadSignatureTypeCode();
                    var definition = blob.ReadTypeHandle();
                    return definition.Kind == HandleKind.TypeReference ? SdkTypeName(reader, (TypeReferenceHandle)definition) : null;
                default:
                    return null;
            }
        }

        /// <summary>The metadata name (Namespace.Name`N, nested with '+') of a type referenced in an SDK assembly, else null.</summary>
        private string? SdkTypeName(MetadataReader reader, TypeReferenceHandle handle)
        {
            var reference = reader.GetTypeReference(handle);
            var scope = reference.ResolutionScope;
            if (scope.Kind == HandleKind.TypeReference)
            {
                var outer = SdkTypeName(reader, (TypeReferenceHandle)scope);
                return outer == null ? null : outer + "+" + reader.GetString(reference.Name);
            }

            if (scope.Kind != HandleKind.AssemblyReference)
            {
                return null;
            }

            var assembly = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
            if (!_assemblies.ContainsKey(assembly))
            {
                return null;
            }

            var ns = reader.GetString(reference.Namespace);
            return (ns.Length == 0 ? string.Empty : ns + ".") + reader.GetString(reference.Name);
        }

        private sealed record AssemblyIdentity(Version Version, string Token);

        /// <summary>An official type and the keys of its members: name`arity(parameter types):return type, generic parameters as !n / !!n.</summary>
        private sealed class OfficialType
        {
            public OfficialType(string listingName)
            {
                ListingName = listingName;
                MetadataName = ToMetadataName(listingName);
                var match = GenericParameterList.Match(listingName);
                TypeParameters = match.Success ? match.Groups[1].Value.Split(',') : Array.Empty<string>();
            }

            public string ListingName { get; }

            public string MetadataName { get; }

            public string[] TypeParameters { get; }

            public HashSet<string> Members { get; } = new HashSet<string>(StringComparer.Ordinal);

            public static string ToMetadataName(string listingName)
            {
                return string.Join("+", listingName.Split('+').Select(part =>
                {
                    var open = part.IndexOf('<');
                    return open < 0 ? part : part.Substring(0, open) + "`" + (part.Substring(open).Count(c => c == ',') + 1);
                }));
            }

            public IEnumerable<string> KeysOf(string member)
            {
                var words = member.Split(' ');
                var index = 0;
                while (index < words.Length && words[index] is "public" or "protected" or "internal" or "static" or "virtual" or "override" or "abstract" or "sealed" or "const" or "readonly")
                {
                    index++;
                }

                var rest = string.Join(" ", words.Skip(index));
                if (rest.StartsWith("property ", StringComparison.Ordinal))
                {
                    var body = rest.Substring(9);
                    var colon = body.LastIndexOf(" : ", body.IndexOf(" {", StringComparison.Ordinal), StringComparison.Ordinal);
                    var head = body.Substring(0, colon);
                    var type = Substitute(body.Substring(colon + 3, body.IndexOf(" {", StringComparison.Ordinal) - colon - 3), Array.Empty<string>());
                    var bracket = head.IndexOf('[');
                    var name = bracket < 0 ? head : head.Substring(0, bracket);
                    var indexParameters = bracket < 0 ? new List<string>() : ParameterTypes(head.Substring(bracket + 1, head.Length - bracket - 2), Array.Empty<string>());
                    var accessors = body.Substring(body.IndexOf(" {", StringComparison.Ordinal));
                    if (accessors.Contains("get;", StringComparison.Ordinal))
                    {
                        yield return $"get_{name}({string.Join(",", indexParameters)}):{type}";
                    }

                    if (accessors.Contains("set;", StringComparison.Ordinal))
                    {
                        yield return $"set_{name}({string.Join(",", indexParameters.Append(type))}):System.Void";
                    }

                    yield break;
                }

                if (rest.StartsWith("field ", StringComparison.Ordinal) || rest.StartsWith("enumvalue ", StringComparison.Ordinal))
                {
                    var body = rest.Substring(rest.IndexOf(' ') + 1);
                    var name = body.Substring(0, body.IndexOf(' '));
                    var type = rest.StartsWith("enumvalue ", StringComparison.Ordinal) ? MetadataName : Substitute(body.Substring(body.IndexOf(" : ", StringComparison.Ordinal) + 3).Split(" = ")[0], Array.Empty<string>());
                    yield return $"field {name}:{type}";
                    yield break;
                }

                if (rest.StartsWith("event ", StringComparison.Ordinal))
                {
                    var body = rest.Substring(6);
                    var name = body.Substring(0, body.IndexOf(' '));
                    var type = Substitute(body.Substring(body.IndexOf(" : ", StringComparison.Ordinal) + 3), Array.Empty<string>());
                    yield return $"add_{name}({type}):System.Void";
                    yield return $"remove_{name}({type}):System.Void";
                    yield break;
                }

                // A constructor or method: Name<T,U>(parameters) : Return [where ...]
                var open = rest.IndexOf('(');
                var close = MatchingParenthesis(rest, open);
                var nameWithGenerics = rest.Substring(0, open);
                var angle = nameWithGenerics.IndexOf('<');
                var methodParameters = angle < 0 ? Array.Empty<string>() : nameWithGenerics.Substring(angle + 1, nameWithGenerics.Length - angle - 2).Split(',');
                var methodName = angle < 0 ? nameWithGenerics : nameWithGenerics.Substring(0, angle);
                var parameters = ParameterTypes(rest.Substring(open + 1, close - open - 1), methodParameters);
                var returnType = methodName == ".ctor"
                    ? "System.Void"
                    : Substitute(rest.Substring(close + 4).Split(" where ")[0], methodParameters);
                var arity = methodParameters.Length == 0 ? string.Empty : "`" + methodParameters.Length;
                yield return $"{methodName}{arity}({string.Join(",", parameters)}):{returnType}";
            }

            private static int MatchingParenthesis(string text, int open)
            {
                var depth = 0;
                for (var i = open; i < text.Length; i++)
                {
                    depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
                    if (depth == 0)
                    {
                        return i;
                    }
                }

                return text.Length - 1;
            }

            private List<string> ParameterTypes(string parameters, string[] methodParameters)
            {
                return parameters.Length == 0
                    ? new List<string>()
                    : parameters.Split(new[] { ", " }, StringSplitOptions.None).Select(parameter =>
                    {
                        var parts = parameter.Split(' ').ToList();
                        var byRef = false;
                        while (parts[0] is "out" or "ref" or "in" or "params")
                        {
                            byRef |= parts[0] != "params";
                            parts.RemoveAt(0);
                        }

                        return Substitute(parts[0], methodParameters) + (byRef ? "&" : string.Empty);
                    }).ToList();
            }

            private string Substitute(string type, string[] methodParameters)
            {
                for (var i = 0; i < methodParameters.Length; i++)
                {
                    type = Regex.Replace(type, $@"(?<![\w.!]){Regex.Escape(methodParameters[i])}(?![\w])", "!!" + i);
                }

                for (var i = 0; i < TypeParameters.Length; i++)
                {
                    type = Regex.Replace(type, $@"(?<![\w.!]){Regex.Escape(TypeParameters[i])}(?![\w])", "!" + i);
                }

                return type;
            }
        }

        /// <summary>Decodes signatures into listing-style type names, with generic parameters as !n (type) and !!n (method).</summary>
        private sealed class SignatureNames : ISignatureTypeProvider<string, object?>
        {
            private readonly MetadataReader _reader;

            public SignatureNames(MetadataReader reader)
            {
                _reader = reader;
            }

            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;

            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            {
                var definition = reader.GetTypeDefinition(handle);
                var ns = reader.GetString(definition.Namespace);
                return (ns.Length == 0 ? string.Empty : ns + ".") + reader.GetString(definition.Name);
            }

            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            {
                var reference = reader.GetTypeReference(handle);
                if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
                {
                    return GetTypeFromReference(reader, (TypeReferenceHandle)reference.ResolutionScope, rawTypeKind) + "+" + reader.GetString(reference.Name);
                }

                var ns = reader.GetString(reference.Namespace);
                return (ns.Length == 0 ? string.Empty : ns + ".") + reader.GetString(reference.Name);
            }

            public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
            {
                return reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
            }

            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
            {
                var tick = genericType.LastIndexOf('`');
                return (tick < 0 ? genericType : genericType.Substring(0, tick)) + "<" + string.Join(",", typeArguments) + ">";
            }

            public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

            public string GetSZArrayType(string elementType) => elementType + "[]";

            public string GetByReferenceType(string elementType) => elementType + "&";

            public string GetPointerType(string elementType) => elementType + "*";

            public string GetPinnedType(string elementType) => elementType;

            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

            public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

            public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

            public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        }
    }
}
