// Stand-in for Microsoft.Xrm.Sdk.Workflow 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it). Only what custom workflow activities declare and read is in the
// stand-in: the argument attributes and IWorkflowContext. The platform's own workflow activities are not modelled.
using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>The default value of an input argument, in the designer's text form.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class DefaultAttribute : Attribute
    {
        public DefaultAttribute(string value)
        {
            Value = value;
        }

        public DefaultAttribute(string value, string entityName)
            : this(value)
        {
            EntityName = entityName;
        }

        public string Value { get; }

        public string EntityName { get; }
    }
}
