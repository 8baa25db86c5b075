// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Query objects are plain descriptions; the organization service (real or in-memory) evaluates them.
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>Paging: page size (<see cref="Count"/>), 1-based <see cref="PageNumber"/>, and the cookie the previous page returned.</summary>
    public sealed class PagingInfo : IExtensibleDataObject
    {
        public int PageNumber { get; set; }

        public int Count { get; set; }

        public string PagingCookie { get; set; }

        public bool ReturnTotalRecordCount { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
