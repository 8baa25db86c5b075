using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using LeadAlign.Dataverse.Registration;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>The classes of the registered plug-in assemblies, by full name: the plug-in types steps name, the custom workflow activities workflows call.</summary>
    internal sealed class PluginTypes
    {
        private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);

        public PluginTypes(IEnumerable<Assembly> assemblies)
        {
            foreach (var type in assemblies.SelectMany(assembly => assembly.GetTypes()))
            {
                if (type.FullName != null && !type.IsAbstract && type.IsClass)
                {
                    _types[type.FullName] = type;
                }
            }
        }

        /// <summary>The class of that full name, or null.</summary>
        public Type? Find(string fullName) => _types.TryGetValue(fullName, out var type) ? type : null;

        /// <summary>The class a Custom API names as its main operation, by plug-in type id (derived from the full name), or null.</summary>
        public Type? WithPluginTypeId(Guid? pluginTypeId) =>
            _types.Values.FirstOrDefault(type => pluginTypeId == CustomApiDefinition.PluginTypeId(type.FullName!));
    }
}
