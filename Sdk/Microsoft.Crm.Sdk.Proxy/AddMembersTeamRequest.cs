// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>The AddMembersTeam message: adds users to a team. As in the official SDK the constructor sets TeamId to Guid.Empty and MemberIds to null.</summary>
    public sealed class AddMembersTeamRequest : OrganizationRequest
    {
        public AddMembersTeamRequest()
        {
            RequestName = "AddMembersTeam";
            TeamId = Guid.Empty;
            MemberIds = null;
        }

        public Guid TeamId
        {
            get => Parameters.Contains("TeamId") ? (Guid)Parameters["TeamId"] : default;
            set => Parameters["TeamId"] = value;
        }

        public Guid[] MemberIds
        {
            get => Parameters.Contains("MemberIds") ? (Guid[])Parameters["MemberIds"] : default;
            set => Parameters["MemberIds"] = value;
        }
    }
}
