using LeadAlign.Dataverse.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>Assign is deprecated: the platform performs it as an Update of ownerid, and Update steps see it so.</summary>
    internal sealed class AssignHandler : MessageHandler
    {
        public AssignHandler()
            : base("Assign")
        {
        }

        public override bool RunsInPipeline => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var target = Parameter<EntityReference>(request, "Target");
            context.RunOperation(new UpdateRequest { Target = new Entity(target.LogicalName, target.Id) { ["ownerid"] = Parameter<EntityReference>(request, "Assignee") } });
            return new AssignResponse();
        }
    }
}
