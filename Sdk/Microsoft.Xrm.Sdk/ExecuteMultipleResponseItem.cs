// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public sealed class ExecuteMultipleResponseItem : IExtensibleDataObject
    {
        public int RequestIndex { get; set; }

        public OrganizationResponse Response { get; set; }

        public OrganizationServiceFault Fault { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
