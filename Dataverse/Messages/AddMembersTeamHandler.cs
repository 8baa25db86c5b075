using System;
using System.Linq;
using LeadAlign.Dataverse.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>AddMembersTeam: the users become members of the team, through <c>teammembership_association</c>.</summary>
    internal sealed class AddMembersTeamHandler : MessageHandler
    {
        public AddMembersTeamHandler()
            : base("AddMembersTeam")
        {
        }

        public override (string Table, Guid Id)? PrimaryRow(OrganizationRequest request) =>
            request.Parameters.TryGetValue("TeamId", out var team) && team is Guid teamId ? ("team", teamId) : null;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var teamId = Parameter<Guid>(request, "TeamId");
            var members = Parameter<Guid[]>(request, "MemberIds").Select(member => new EntityReference("systemuser", member)).ToList();
            context.Associations.Associate(new EntityReference("team", teamId), new Relationship("teammembership_association"), new EntityReferenceCollection(members));
            return new AddMembersTeamResponse();
        }
    }
}
