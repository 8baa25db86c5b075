using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Registration
{
    /// <summary>
    /// How a Custom API plug-in reads its inputs and writes its outputs: through its request and response classes, whose
    /// <see cref="CustomApiParameterAttribute"/>, <see cref="CustomApiTargetAttribute"/> and
    /// <see cref="CustomApiResponsePropertyAttribute"/> properties name each parameter once, for the plug-in and for the
    /// generated customapis/ files alike. The properties of each class are looked up once per process.
    /// </summary>
    internal static class CustomApiContextExtensions
    {
        private static readonly ConcurrentDictionary<Type, IReadOnlyList<Binding>> RequestBindings = new ConcurrentDictionary<Type, IReadOnlyList<Binding>>();
        private static readonly ConcurrentDictionary<Type, IReadOnlyList<Binding>> ResponseBindings = new ConcurrentDictionary<Type, IReadOnlyList<Binding>>();

        /// <summary>
        /// The request, each property filled from the input of its parameter's name (the Target for the
        /// <see cref="CustomApiTargetAttribute"/> property). An input that is absent, null or not of the property's type leaves
        /// the property at its default (the platform refuses a wrongly typed parameter before the plug-in runs).
        /// </summary>
        public static TRequest GetCustomApiRequest<TRequest>(this IExecutionContext context)
            where TRequest : new()
        {
            var request = new TRequest();
            foreach (var binding in RequestBindings.GetOrAdd(typeof(TRequest), RequestBindingsOf))
            {
                if (context.InputParameters.TryGetValue(binding.Name, out var value) && binding.ValueType.IsInstanceOfType(value))
                {
                    binding.Property.SetValue(request, value);
                }
            }

            return request;
        }

        /// <summary>Writes every response property of <paramref name="response"/> as the output of its name, nulls included.</summary>
        public static void SetCustomApiResponse<TResponse>(this IExecutionContext context, TResponse response)
            where TResponse : class
        {
            if (response == null)
            {
                throw new ArgumentNullException(nameof(response));
            }

            foreach (var binding in ResponseBindings.GetOrAdd(typeof(TResponse), ResponseBindingsOf))
            {
                context.OutputParameters[binding.Name] = binding.Property.GetValue(response);
            }
        }

        private static IReadOnlyList<Binding> RequestBindingsOf(Type request) =>
            PropertiesOf(request)
                .Select(property => property.GetCustomAttribute<CustomApiParameterAttribute>() is { } parameter
                    ? new Binding(property, parameter.UniqueName)
                    : property.GetCustomAttribute<CustomApiTargetAttribute>() != null ? new Binding(property, PluginContextExtensions.TargetParameter) : null)
                .OfType<Binding>()
                .ToList();

        private static IReadOnlyList<Binding> ResponseBindingsOf(Type response) =>
            PropertiesOf(response)
                .Select(property => property.GetCustomAttribute<CustomApiResponsePropertyAttribute>() is { } declared ? new Binding(property, declared.UniqueName) : null)
                .OfType<Binding>()
                .ToList();

        private static IEnumerable<PropertyInfo> PropertiesOf(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(property => property.MetadataToken);

        /// <summary>A property and the name of the input or output it carries.</summary>
        private sealed class Binding
        {
            public Binding(PropertyInfo property, string name)
            {
                Property = property;
                Name = name;
                ValueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            }

            public PropertyInfo Property { get; }

            public string Name { get; }

            /// <summary>The type an input must have to fill the property (a nullable property's underlying type).</summary>
            public Type ValueType { get; }
        }
    }
}
