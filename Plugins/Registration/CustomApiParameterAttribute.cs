using System;

namespace LeadAlign.Plugins.Registration
{
    /// <summary>
    /// Declares the property it decorates, on a Custom API's request class, as one of the API's request parameters:
    /// <c>leadalign customapis</c> writes customapirequestparameters/{UniqueName}/ from it, and the plug-in's
    /// <c>GetCustomApiRequest</c> fills the property from the input of that name.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class CustomApiParameterAttribute : Attribute
    {
        /// <param name="uniqueName">The parameter's name as callers give it: never change it once shipped.</param>
        /// <param name="type">Its type; the property has the matching SDK type (<see cref="CustomApiParameterType"/>).</param>
        public CustomApiParameterAttribute(string uniqueName, CustomApiParameterType type)
        {
            UniqueName = uniqueName;
            Type = type;
        }

        public string UniqueName { get; }

        public CustomApiParameterType Type { get; }

        /// <summary>The caller may leave it out; a value-type property is then nullable.</summary>
        public bool IsOptional { get; set; }

        /// <summary>The name makers see; the unique name when not given.</summary>
        public string? DisplayName { get; set; }

        /// <summary>What the parameter holds (required).</summary>
        public string? Description { get; set; }

        /// <summary>The table of an Entity, EntityCollection or EntityReference parameter.</summary>
        public string? LogicalEntityName { get; set; }
    }
}
