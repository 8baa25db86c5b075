// Stand-in for Microsoft.Xrm.Sdk.Workflow 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it). Only what custom workflow activities declare and read is in the
// stand-in: the argument attributes and IWorkflowContext. The platform's own workflow activities are not modelled.
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
}
