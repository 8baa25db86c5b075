using LeadAlign.Dataverse.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// SetState (and its other name, SetStateDynamicEntity) is deprecated: the platform performs it as an Update of statecode and
    /// statuscode (a status of -1: the state's default), and Update steps see it so.
    /// </summary>
    internal sealed class SetStateHandler : MessageHandler
    {
        public SetStateHandler()
            : base("SetState", "SetStateDynamicEntity")
        {
        }

        public override bool RunsInPipeline => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var target = Parameter<EntityReference>(request, "EntityMoniker");
            var state = Parameter<OptionSetValue>(request, "State");
            var status = Parameter<OptionSetValue>(request, "Status");
            var row = new Entity(target.LogicalName, target.Id) { ["statecode"] = new OptionSetValue(state.Value) };
            if (status.Value != -1)
            {
                row["statuscode"] = new OptionSetValue(status.Value);
            }

            context.RunOperation(new UpdateRequest { Target = row });
            return new SetStateResponse();
        }
    }
}
