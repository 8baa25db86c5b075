// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
namespace Microsoft.Xrm.Sdk.Organization
{
    /// <summary>An organization's endpoint addresses by type (the web application's is the address users open the app at).</summary>
    public sealed class EndpointCollection : DataCollection<EndpointType, string>
    {
        public EndpointCollection()
        {
        }
    }
}
