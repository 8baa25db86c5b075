// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    public sealed class WhoAmIResponse : OrganizationResponse
    {
        public WhoAmIResponse()
        {
            ResponseName = "WhoAmI";
        }

        public Guid UserId => Results.Contains("UserId") ? (Guid)Results["UserId"] : default;

        public Guid BusinessUnitId => Results.Contains("BusinessUnitId") ? (Guid)Results["BusinessUnitId"] : default;

        public Guid OrganizationId => Results.Contains("OrganizationId") ? (Guid)Results["OrganizationId"] : default;
    }
}
