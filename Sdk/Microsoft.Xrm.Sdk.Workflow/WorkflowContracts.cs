// Stand-in for Microsoft.Xrm.Sdk.Workflow 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it). Only what custom workflow activities declare and read is here:
// the argument attributes and IWorkflowContext. The platform's own workflow activities are not modelled.
using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>The execution context of a workflow, read by a custom activity through <c>context.GetExtension&lt;IWorkflowContext&gt;()</c>.</summary>
    public interface IWorkflowContext : IExecutionContext
    {
        string StageName { get; }

        int WorkflowCategory { get; }

        int WorkflowMode { get; }

        IWorkflowContext ParentContext { get; }
    }

    /// <summary>Base of <see cref="InputAttribute"/> and <see cref="OutputAttribute"/>: the argument's display name in the process designer.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public abstract class ParameterAttribute : Attribute
    {
        protected ParameterAttribute(string name)
        {
            Name = name;
        }

        public string Name { get; }
    }

    /// <summary>Marks an InArgument property as an input parameter of a custom workflow activity.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class InputAttribute : ParameterAttribute
    {
        public InputAttribute(string name)
            : base(name)
        {
        }
    }

    /// <summary>Marks an OutArgument property as an output parameter of a custom workflow activity.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class OutputAttribute : ParameterAttribute
    {
        public OutputAttribute(string name)
            : base(name)
        {
        }
    }

    /// <summary>The table an EntityReference argument refers to.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ReferenceTargetAttribute : Attribute
    {
        public ReferenceTargetAttribute(string entityName)
        {
            EntityName = entityName;
        }

        public string EntityName { get; }
    }

    /// <summary>The table and column whose option set an OptionSetValue argument uses.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class AttributeTargetAttribute : Attribute
    {
        public AttributeTargetAttribute(string entityName, string attributeName)
        {
            EntityName = entityName;
            AttributeName = attributeName;
        }

        public string EntityName { get; }

        public string AttributeName { get; }
    }

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
