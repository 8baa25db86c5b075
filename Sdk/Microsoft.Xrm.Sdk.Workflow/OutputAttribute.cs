// Stand-in for Microsoft.Xrm.Sdk.Workflow 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it). Only what custom workflow activities declare and read is in the
// stand-in: the argument attributes and IWorkflowContext. The platform's own workflow activities are not modelled.
using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>Marks an OutArgument property as an output parameter of a custom workflow activity.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class OutputAttribute : ParameterAttribute
    {
        public OutputAttribute(string name)
            : base(name)
        {
        }
    }
}
