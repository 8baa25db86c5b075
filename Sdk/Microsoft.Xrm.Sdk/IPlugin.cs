// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A plug-in: the platform creates one instance per registered step and calls it from many threads.</summary>
    public interface IPlugin
    {
        void Execute(IServiceProvider serviceProvider);
    }
}
