using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace LeadAlign.Tests.Compatibility
{
    /// <summary>
    /// Writes the public API of an assembly in the listing format of OfficialApi/*.txt (see its README):
    /// type lines, the public and protected members declared on each type, and every accessible member with the type
    /// that declares it. Reads metadata only (MetadataLoadContext), so it reads .NET Framework assemblies on any OS.
    /// </summary>
    internal sealed class ApiListing
    {
        private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        public ApiListing(IReadOnlyList<string> api, IReadOnlyList<string> inherited, AssemblyName identity)
        {
            Api = api;
            Inherited = inherited;
            Identity = identity;
        }

        public IReadOnlyList<string> Api { get; }

        public IReadOnlyList<string> Inherited { get; }

        public AssemblyName Identity { get; }

        public static ApiListing Dump(string assemblyPath, string coreAssemblyName, params string[] referenceFolders)
        {
            var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [Path.GetFileName(assemblyPath)] = assemblyPath };
            foreach (var folder in referenceFolders.Prepend(Path.GetDirectoryName(assemblyPath)!).SelectMany(f => new[] { f, Path.Combine(f, "Facades") }))
            {
                if (Directory.Exists(folder))
                {
                    foreach (var file in Directory.EnumerateFiles(folder, "*.dll"))
                    {
                        paths.TryAdd(Path.GetFileName(file), file);
                    }
                }
            }

            using var context = new MetadataLoadContext(new PathAssemblyResolver(paths.Values), coreAssemblyName);
            var assembly = context.LoadFromAssemblyPath(assemblyPath);
            var api = new List<string>();
            var inherited = new List<string>();
            foreach (var type in assembly.GetTypes().Where(IsVisible))
            {
                var name = TypeName(type);
                api.Add($"{name} [type] {TypeDeclaration(type)}");
                api.AddRange(DeclaredMembers(type).Select(line => $"{name}::{line}"));
                inherited.AddRange(InheritedMembers(type).Select(line => $"{name} <- {line}").Distinct());
            }

            api.Sort(StringComparer.Ordinal);
            inherited.Sort(StringComparer.Ordinal);
            return new ApiListing(api, inherited, assembly.GetName());
        }

        /// <summary>Reads a listing file pair (X.api.txt and X.inherited.txt), without the # header lines.</summary>
        public static ApiListing Read(string folder, string assemblyName)
        {
            var api = File.ReadAllLines(Path.Combine(folder, assemblyName + ".api.txt"));
            var header = api.Where(line => line.StartsWith("# assembly ", StringComparison.Ordinal)).Select(line => line.Substring(11)).First();
            var inheritedPath = Path.Combine(folder, assemblyName + ".inherited.txt");
            var inherited = File.Exists(inheritedPath) ? File.ReadAllLines(inheritedPath) : Array.Empty<string>();
            return new ApiListing(
                api.Where(line => line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal)).ToList(),
                inherited.Where(line => line.Length > 0).ToList(),
                new AssemblyName(header));
        }

        private static bool IsVisible(Type type)
        {
            if (type.IsPublic)
            {
                return true;
            }

            return (type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem) && IsVisible(type.DeclaringType!);
        }

        private static bool IsApi(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

        private static bool IsApi(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

        private static bool IsDelegate(Type type) => type.BaseType?.FullName == "System.MulticastDelegate";

        private static string Kind(Type type)
        {
            if (type.IsInterface)
            {
                return "interface";
            }

            if (type.IsEnum)
            {
                return "enum";
            }

            if (IsDelegate(type))
            {
                return "delegate";
            }

            if (type.IsValueType)
            {
                return "struct";
            }

            if (type.IsAbstract && type.IsSealed)
            {
                return "static class";
            }

            return type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";
        }

        private static string TypeDeclaration(Type type)
        {
            var text = new StringBuilder(type.IsPublic || type.IsNestedPublic ? "public " : "protected ").Append(Kind(type));
            if (type.IsEnum)
            {
                return text.Append(" underlying=").Append(TypeName(type.GetEnumUnderlyingType())).ToString();
            }

            var generics = type.IsGenericTypeDefinition ? type.GetGenericArguments() : Array.Empty<Type>();
            if (IsDelegate(type))
            {
                var invoke = type.GetMethod("Invoke")!;
                return text.Append($" signature=({Parameters(invoke.GetParameters())}) : {TypeName(invoke.ReturnType)}").Append(Constraints(generics)).ToString();
            }

            if (!type.IsInterface)
            {
                text.Append(" base=").Append(type.BaseType == null ? "-" : TypeName(type.BaseType));
            }

            var interfaces = type.GetInterfaces().Select(i => TypeName(i)).OrderBy(i => i, StringComparer.Ordinal);
            return text.Append(" interfaces=[").Append(string.Join(", ", interfaces)).Append(']').Append(Constraints(generics)).ToString();
        }

        private static IEnumerable<string> DeclaredMembers(Type type)
        {
            var members = type.GetMembers(Declared);
            var accessors = new HashSet<MethodInfo>(members.OfType<PropertyInfo>().SelectMany(p => p.GetAccessors(true))
                .Concat(members.OfType<EventInfo>().SelectMany(e => new[] { e.AddMethod, e.RemoveMethod, e.RaiseMethod }).Where(m => m != null).Select(m => m!)));
            foreach (var member in members)
            {
                switch (member)
                {
                    case ConstructorInfo constructor when IsApi(constructor):
                        yield return $"{Modifiers(constructor, type)}.ctor({Parameters(constructor.GetParameters())})";
                        break;
                    case MethodInfo method when IsApi(method) && !accessors.Contains(method):
                        yield return $"{Modifiers(method, type)}{method.Name}{GenericArguments(method)}({Parameters(method.GetParameters())}) : {TypeName(method.ReturnType)}{Constraints(method.IsGenericMethodDefinition ? method.GetGenericArguments() : Array.Empty<Type>())}";
                        break;
                    case PropertyInfo property when property.GetAccessors(true).Any(IsApi):
                        yield return PropertyLine(property, type);
                        break;
                    case FieldInfo field when IsApi(field) && !(type.IsEnum && field.Name == "value__"):
                        yield return FieldLine(field, type);
                        break;
                    case EventInfo @event when new[] { @event.AddMethod, @event.RemoveMethod }.Any(m => m != null && IsApi(m)):
                        yield return $"{Modifiers(@event.AddMethod ?? @event.RemoveMethod!, type)}event {@event.Name} : {TypeName(@event.EventHandlerType!)}";
                        break;
                }
            }
        }

        private static IEnumerable<string> InheritedMembers(Type type)
        {
            if (type.IsEnum || IsDelegate(type))
            {
                yield break;
            }

            var sources = type.IsInterface
                ? type.GetInterfaces().Select(i => i)
                : Bases(type);
            foreach (var declaring in sources)
            {
                foreach (var member in declaring.GetMembers(Declared))
                {
                    string? signature = member switch
                    {
                        MethodInfo method when IsApi(method) && !method.IsSpecialName => $"{method.Name}{GenericArguments(method)}({Parameters(method.GetParameters())}) : {TypeName(method.ReturnType)}",
                        PropertyInfo property when property.GetAccessors(true).Any(IsApi) => $"property {property.Name}{IndexParameters(property)} : {TypeName(property.PropertyType)}",
                        FieldInfo field when IsApi(field) => $"field {field.Name} : {TypeName(field.FieldType)}",
                        EventInfo @event when @event.AddMethod != null && IsApi(@event.AddMethod) => $"event {@event.Name}",
                        _ => null,
                    };
                    if (signature != null)
                    {
                        yield return $"{TypeName(declaring)}::{signature}";
                    }
                }
            }
        }

        private static IEnumerable<Type> Bases(Type type)
        {
            for (var current = type.BaseType; current != null && current.FullName != "System.Object"; current = current.BaseType)
            {
                yield return current;
            }
        }

        private static string Access(MethodBase method) =>
            method.IsPublic ? "public"
            : method.IsFamilyOrAssembly ? "protected internal"
            : method.IsFamily ? "protected"
            : method.IsAssembly ? "internal"
            : method.IsFamilyAndAssembly ? "private protected"
            : "private";

        private static string Modifiers(MethodBase method, Type type)
        {
            var text = new StringBuilder(Access(method)).Append(' ');
            if (method.IsStatic)
            {
                text.Append("static ");
            }

            if (!type.IsInterface && method is MethodInfo)
            {
                if (method.IsAbstract)
                {
                    text.Append("abstract ");
                }
                else if (method.IsVirtual)
                {
                    var newSlot = (method.Attributes & MethodAttributes.NewSlot) != 0;
                    if (method.IsFinal)
                    {
                        if (!newSlot)
                        {
                            text.Append("sealed override ");
                        }
                    }
                    else
                    {
                        text.Append(newSlot ? "virtual " : "override ");
                    }
                }
            }
            else if (type.IsInterface && method.IsStatic && method.IsAbstract)
            {
                text.Append("abstract ");
            }

            return text.ToString();
        }

        private static string GenericArguments(MethodInfo method) =>
            method.IsGenericMethodDefinition ? "<" + string.Join(",", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

        private static string Parameters(ParameterInfo[] parameters) => string.Join(", ", parameters.Select(Parameter));

        private static string Parameter(ParameterInfo parameter)
        {
            var text = new StringBuilder();
            var type = parameter.ParameterType;
            if (type.IsByRef)
            {
                text.Append(parameter.IsOut && !parameter.IsIn ? "out " : parameter.IsIn && !parameter.IsOut ? "in " : "ref ");
                type = type.GetElementType()!;
            }

            if (parameter.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "System.ParamArrayAttribute"))
            {
                text.Append("params ");
            }

            text.Append(TypeName(type)).Append(' ').Append(parameter.Name);
            if (parameter.HasDefaultValue)
            {
                text.Append(" = ").Append(Literal(parameter.RawDefaultValue));
            }
            else if (parameter.IsOptional)
            {
                text.Append(" [optional]");
            }

            return text.ToString();
        }

        private static string Literal(object? value) => value switch
        {
            null => "null",
            string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
            char c => "'" + c + "'",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "null",
        };

        private static string IndexParameters(PropertyInfo property)
        {
            var parameters = property.GetIndexParameters();
            return parameters.Length == 0 ? string.Empty : "[" + Parameters(parameters) + "]";
        }

        private static string PropertyLine(PropertyInfo property, Type type)
        {
            var getter = property.GetMethod;
            var setter = property.SetMethod;
            var primary = new[] { getter, setter }.Where(m => m != null && IsApi(m)).OrderBy(m => m!.IsPublic ? 0 : 1).First()!;
            var text = new StringBuilder(Modifiers(primary, type))
                .Append("property ").Append(property.Name).Append(IndexParameters(property)).Append(" : ").Append(TypeName(property.PropertyType)).Append(" {");
            string AccessorPrefix(MethodInfo accessor) => Access(accessor) == Access(primary) ? string.Empty : Access(accessor) + " ";
            if (getter != null && IsApi(getter))
            {
                text.Append(' ').Append(AccessorPrefix(getter)).Append("get;");
            }

            if (setter != null && IsApi(setter))
            {
                text.Append(' ').Append(AccessorPrefix(setter)).Append("set;");
            }

            return text.Append(" }").ToString();
        }

        private static string FieldLine(FieldInfo field, Type type)
        {
            if (type.IsEnum && field.IsLiteral)
            {
                return $"enumvalue {field.Name} = {Literal(field.GetRawConstantValue())}";
            }

            var text = new StringBuilder(field.IsPublic ? "public " : field.IsFamilyOrAssembly ? "protected internal " : "protected ");
            if (field.IsLiteral)
            {
                text.Append("const ");
            }
            else
            {
                if (field.IsStatic)
                {
                    text.Append("static ");
                }

                if (field.IsInitOnly)
                {
                    text.Append("readonly ");
                }
            }

            text.Append("field ").Append(field.Name).Append(" : ").Append(TypeName(field.FieldType));
            if (field.IsLiteral)
            {
                text.Append(" = ").Append(Literal(field.GetRawConstantValue()));
            }

            return text.ToString();
        }

        private static string Constraints(Type[] parameters)
        {
            var text = new StringBuilder();
            foreach (var parameter in parameters.Where(p => p.IsGenericParameter))
            {
                var parts = new List<string>();
                var attributes = parameter.GenericParameterAttributes;
                if ((attributes & GenericParameterAttributes.ReferenceTypeConstraint) != 0)
                {
                    parts.Add("class");
                }

                if ((attributes & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0)
                {
                    parts.Add("struct");
                }

                foreach (var constraint in parameter.GetGenericParameterConstraints())
                {
                    var name = TypeName(constraint);
                    if (!(name == "System.ValueType" && parts.Contains("struct")))
                    {
                        parts.Add(name);
                    }
                }

                if ((attributes & GenericParameterAttributes.DefaultConstructorConstraint) != 0 && !parts.Contains("struct"))
                {
                    parts.Add("new()");
                }

                if ((attributes & GenericParameterAttributes.Covariant) != 0)
                {
                    parts.Insert(0, "out-variance");
                }

                if ((attributes & GenericParameterAttributes.Contravariant) != 0)
                {
                    parts.Insert(0, "in-variance");
                }

                if (parts.Count > 0)
                {
                    text.Append($" where {parameter.Name} : {string.Join(", ", parts)}");
                }
            }

            return text.ToString();
        }

        /// <summary>Namespace-qualified, generic arguments in angle brackets, nested types joined with '+'.</summary>
        internal static string TypeName(Type type)
        {
            if (type.IsGenericParameter)
            {
                return type.Name;
            }

            if (type.IsArray)
            {
                return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
            }

            if (type.IsByRef)
            {
                return TypeName(type.GetElementType()!) + "&";
            }

            if (type.IsPointer)
            {
                return TypeName(type.GetElementType()!) + "*";
            }

            var arguments = type.IsGenericType ? type.GetGenericArguments() : Array.Empty<Type>();
            var index = 0;
            return Named(type.IsGenericType && !type.IsGenericTypeDefinition ? type.GetGenericTypeDefinition() : type, arguments, ref index);
        }

        private static string Named(Type definition, Type[] arguments, ref int index)
        {
            var prefix = definition.IsNested
                ? Named(definition.DeclaringType!, arguments, ref index) + "+"
                : string.IsNullOrEmpty(definition.Namespace) ? string.Empty : definition.Namespace + ".";
            var name = definition.Name;
            var tick = name.IndexOf('`');
            if (tick < 0)
            {
                return prefix + name;
            }

            var arity = int.Parse(name.Substring(tick + 1), System.Globalization.CultureInfo.InvariantCulture);
            var own = arguments.Skip(index).Take(arity).Select(TypeName).ToList();
            index += arity;
            return prefix + name.Substring(0, tick) + "<" + string.Join(",", own) + ">";
        }
    }
}
