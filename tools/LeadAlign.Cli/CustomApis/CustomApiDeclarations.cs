using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Cli.CustomApis
{
    /// <summary>
    /// The Custom APIs declared by <see cref="CustomApiAttribute"/> on plug-in classes, with their request parameters and
    /// response properties read from the <see cref="CustomApiParameterAttribute"/> and <see cref="CustomApiResponsePropertyAttribute"/>
    /// properties of the declared request and response classes. A declaration the platform would refuse, or that the plug-in could
    /// not read or write through its classes, is refused with the fix.
    /// </summary>
    public static class CustomApiDeclarations
    {
        /// <summary>The publisher's customization prefix every unique name starts with.</summary>
        public const string Prefix = "la_";

        private static readonly Regex UniqueNameShape = new("^[A-Za-z0-9_]+$", RegexOptions.CultureInvariant);

        /// <summary>The Custom APIs declared on the types of <paramref name="assembly"/>, in unique-name order.</summary>
        public static IReadOnlyList<CustomApiDefinition> FromAssembly(Assembly assembly) => FromTypes(assembly.GetTypes());

        /// <summary>The Custom APIs declared on <paramref name="types"/>, in unique-name order.</summary>
        public static IReadOnlyList<CustomApiDefinition> FromTypes(IEnumerable<Type> types)
        {
            var apis = types
                .Where(type => type.IsClass && !type.IsAbstract)
                .Select(type => (Type: type, Declaration: type.GetCustomAttribute<CustomApiAttribute>(inherit: false)))
                .Where(declared => declared.Declaration != null)
                .Select(declared => FromDeclaration(declared.Type, declared.Declaration!))
                .OrderBy(api => api.UniqueName, StringComparer.Ordinal)
                .ToList();
            var twice = apis.GroupBy(api => api.UniqueName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(same => same.Count() > 1);
            if (twice != null)
            {
                throw new InvalidOperationException($"The Custom API {twice.Key} is declared on {string.Join(" and ", twice.Select(api => api.PluginTypeName))}: declare it on one plug-in class.");
            }

            return apis;
        }

        private static CustomApiDefinition FromDeclaration(Type pluginType, CustomApiAttribute declaration)
        {
            var where = $"{pluginType.FullName} [CustomApi(\"{declaration.UniqueName}\")]";
            if (!typeof(IPlugin).IsAssignableFrom(pluginType))
            {
                throw new InvalidOperationException($"{where}: a Custom API's main operation is a plug-in; declare it on a class that implements IPlugin (a PluginBase).");
            }

            if (!declaration.UniqueName.StartsWith(Prefix, StringComparison.Ordinal) || declaration.UniqueName.Length == Prefix.Length || !UniqueNameShape.IsMatch(declaration.UniqueName))
            {
                throw new InvalidOperationException($"{where}: the unique name must start with the publisher prefix {Prefix} and hold only letters, digits and underscores.");
            }

            var displayName = Required(declaration.DisplayName, where, "DisplayName");
            var description = Required(declaration.Description, where, "Description");
            var bound = declaration.BindingType != CustomApiBindingType.Global;
            if (bound && string.IsNullOrWhiteSpace(declaration.BoundEntity))
            {
                throw new InvalidOperationException($"{where}: a Custom API bound to {declaration.BindingType} names its table: set BoundEntity.");
            }

            if (!bound && declaration.BoundEntity != null)
            {
                throw new InvalidOperationException($"{where}: a global Custom API is bound to no table: remove BoundEntity, or set BindingType.");
            }

            if (declaration.ExecutePrivilegeName != null && string.IsNullOrWhiteSpace(declaration.ExecutePrivilegeName))
            {
                throw new InvalidOperationException($"{where}: ExecutePrivilegeName is blank: name the privilege, or leave it out so every user may execute the API.");
            }

            var target = declaration.Request?.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.GetCustomAttribute<CustomApiTargetAttribute>() != null).ToList();
            if (target is { Count: > 0 })
            {
                if (declaration.BindingType != CustomApiBindingType.Entity || target.Count > 1 || target[0].PropertyType != typeof(EntityReference) || target[0].SetMethod is not { IsPublic: true })
                {
                    throw new InvalidOperationException($"{where}: [CustomApiTarget] marks one public settable EntityReference property, of the request of a Custom API bound to a row (BindingType = Entity).");
                }
            }

            return new CustomApiDefinition(declaration.UniqueName, CustomApiDefinition.PluginTypeId(pluginType.FullName!))
            {
                PluginTypeName = pluginType.FullName,
                DisplayName = displayName,
                Description = description,
                BindingType = (int)declaration.BindingType,
                BoundEntity = declaration.BoundEntity?.Trim(),
                IsFunction = declaration.IsFunction,
                IsPrivate = declaration.IsPrivate,
                AllowedCustomProcessingStepType = (int)declaration.AllowedProcessingStepType,
                ExecutePrivilegeName = declaration.ExecutePrivilegeName?.Trim(),
                WorkflowSdkStepEnabled = declaration.WorkflowSdkStepEnabled,
                RequestParameters = Fields<CustomApiParameterAttribute>(declaration.Request, where, isRequest: true, parameter => (parameter.UniqueName, parameter.Type, parameter.IsOptional, parameter.DisplayName, parameter.Description, parameter.LogicalEntityName)),
                ResponseProperties = Fields<CustomApiResponsePropertyAttribute>(declaration.Response, where, isRequest: false, property => (property.UniqueName, property.Type, false, property.DisplayName, property.Description, property.LogicalEntityName)),
            };
        }

        /// <summary>The declared properties of a request or response class as fields, in unique-name order.</summary>
        private static IReadOnlyList<CustomApiField> Fields<TAttribute>(
            Type? type,
            string where,
            bool isRequest,
            Func<TAttribute, (string UniqueName, CustomApiParameterType Type, bool IsOptional, string? DisplayName, string? Description, string? Table)> read)
            where TAttribute : Attribute
        {
            if (type == null)
            {
                return Array.Empty<CustomApiField>();
            }

            var role = isRequest ? "Request" : "Response";
            if (!type.IsClass || type.IsAbstract || (isRequest && type.GetConstructor(Type.EmptyTypes) == null))
            {
                throw new InvalidOperationException($"{where}: {role} = typeof({type.Name}) must be a class{(isRequest ? " with a public parameterless constructor, which the plug-in fills from its inputs" : string.Empty)}.");
            }

            var fields = new List<CustomApiField>();
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<TAttribute>() is not { } attribute)
                {
                    continue;
                }

                var (uniqueName, fieldType, isOptional, displayName, description, table) = read(attribute);
                var at = $"{where}: {type.Name}.{property.Name}";
                if (!UniqueNameShape.IsMatch(uniqueName ?? string.Empty))
                {
                    throw new InvalidOperationException($"{at}: the unique name '{uniqueName}' must hold only letters, digits and underscores.");
                }

                var field = new CustomApiField(uniqueName!, (CustomApiFieldType)(int)fieldType, isOptional, string.IsNullOrWhiteSpace(table) ? null : table!.Trim())
                {
                    DisplayName = string.IsNullOrWhiteSpace(displayName) ? uniqueName : displayName,
                    Description = Required(description, at, "Description"),
                };
                var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (valueType != field.ClrType)
                {
                    throw new InvalidOperationException($"{at} is of type {TypeName(property.PropertyType)}: a {fieldType} {(isRequest ? "parameter" : "property")} is carried by a {field.ClrType.Name} property.");
                }

                if (isRequest && isOptional && property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) == null)
                {
                    throw new InvalidOperationException($"{at}: an optional parameter of a value type is carried by a nullable property ({field.ClrType.Name}?), so the plug-in can tell it was left out.");
                }

                if (isRequest ? property.SetMethod is not { IsPublic: true } : property.GetMethod is not { IsPublic: true })
                {
                    throw new InvalidOperationException($"{at} needs a public {(isRequest ? "setter: the plug-in fills it from its input" : "getter: the plug-in writes it as its output")}.");
                }

                if (field.BoundEntity != null && field.Type is not (CustomApiFieldType.Entity or CustomApiFieldType.EntityCollection or CustomApiFieldType.EntityReference))
                {
                    throw new InvalidOperationException($"{at}: only an Entity, EntityCollection or EntityReference names a table (LogicalEntityName).");
                }

                fields.Add(field);
            }

            var twice = fields.GroupBy(field => field.UniqueName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(same => same.Count() > 1);
            if (twice != null)
            {
                throw new InvalidOperationException($"{where}: {type.Name} declares '{twice.Key}' twice.");
            }

            return fields.OrderBy(field => field.UniqueName, StringComparer.Ordinal).ToList();
        }

        private static string TypeName(Type type) => Nullable.GetUnderlyingType(type) is { } underlying ? underlying.Name + "?" : type.Name;

        private static string Required(string? text, string where, string name) =>
            string.IsNullOrWhiteSpace(text)
                ? throw new InvalidOperationException($"{where}: set {name}: a real export always writes it, and makers and flows show it.")
                : text!;
    }
}
