using System;

namespace LeadAlign.Plugins.Registration
{
    /// <summary>
    /// Declares the property it decorates, on a Custom API's response class, as one of the API's response properties:
    /// <c>leadalign customapis</c> writes customapiresponseproperties/{UniqueName}/ from it, and the plug-in's
    /// <c>SetCustomApiResponse</c> writes the property's value as the output of that name.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class CustomApiResponsePropertyAttribute : Attribute
    {
        /// <param name="uniqueName">The property's name as callers read it: never change it once shipped.</param>
        /// <param name="type">Its type; the property has the matching SDK type (<see cref="CustomApiParameterType"/>).</param>
        public CustomApiResponsePropertyAttribute(string uniqueName, CustomApiParameterType type)
        {
            UniqueName = uniqueName;
            Type = type;
        }

        public string UniqueName { get; }

        public CustomApiParameterType Type { get; }

        /// <summary>The name makers see; the unique name when not given.</summary>
        public string? DisplayName { get; set; }

        /// <summary>What the property holds (required).</summary>
        public string? Description { get; set; }

        /// <summary>The table of an Entity, EntityCollection or EntityReference property.</summary>
        public string? LogicalEntityName { get; set; }
    }
}
