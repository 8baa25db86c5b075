// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
namespace Microsoft.Xrm.Sdk
{
    public interface IPluginExecutionContext : IExecutionContext
    {
        int Stage { get; }

        IPluginExecutionContext ParentContext { get; }
    }
}
