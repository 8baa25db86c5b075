using System;

namespace LeadAlign.Plugins.Registration
{
    /// <summary>
    /// Marks the EntityReference property, on the request class of a Custom API bound to a row
    /// (<see cref="CustomApiBindingType.Entity"/>), that receives the row the API was called on: the platform's Target input.
    /// It is not a request parameter of its own, so no file is written for it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class CustomApiTargetAttribute : Attribute
    {
    }
}
