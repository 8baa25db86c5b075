// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
namespace Microsoft.Xrm.Sdk.Organization
{
    /// <summary>The endpoints of an organization: its Organization service, its OData service and its web application.</summary>
    public enum EndpointType
    {
        OrganizationService = 0,
        OrganizationDataService = 1,
        WebApplication = 2,
    }
}
