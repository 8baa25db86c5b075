// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Organization
{
    /// <summary>What RetrieveCurrentOrganization tells of the organization: its id, names, state, version and endpoints.</summary>
    public class OrganizationDetail : IExtensibleDataObject
    {
        public OrganizationDetail()
        {
            Endpoints = new EndpointCollection();
        }

        public EndpointCollection Endpoints { get; private set; }

        public string EnvironmentId { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public string FriendlyName { get; set; }

        public string Geo { get; set; }

        public Guid OrganizationId { get; set; }

        public string OrganizationVersion { get; set; }

        public OrganizationState State { get; set; }

        public string TenantId { get; set; }

        public string UniqueName { get; set; }

        public string UrlName { get; set; }
    }
}
