using System;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Dataverse.Security
{
    /// <summary>
    /// On a lead's creation, sets its secured score in the Target (PreOperation), as LeadAlign's scoring does; and, when the lead's
    /// description asks for it, also tries to write the score afterwards with the calling user's service (PostOperation).
    /// </summary>
    [PluginStep("7a1f5ec0-0000-4000-8000-000000000011", "Create", "lead", PluginStage.PreOperation)]
    [PluginStep("7a1f5ec0-0000-4000-8000-000000000012", "Create", "lead", PluginStage.PostOperation)]
    public sealed class SetScoreInPreOperationPlugin : IPlugin
    {
        public const string WriteAfterwards = "write the score afterwards as the user";

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var target = (Entity)context.InputParameters["Target"];
            if (context.Stage == 20)
            {
                target[LeadTable.Score] = 42;
            }
            else if (target.GetAttributeValue<string>("description") == WriteAfterwards)
            {
                var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
                factory.CreateOrganizationService(context.UserId).Update(new Entity(LeadTable.EntityName, context.PrimaryEntityId) { [LeadTable.Score] = 43 });
            }
        }
    }
}
