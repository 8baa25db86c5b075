using System;
using LeadAlign.Plugins;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Scoring.Versions
{
    /// <summary>
    /// Another vendor's step (or a user's synchronous workflow) that, when a lead named "Forge" is created, writes a back-test figure
    /// onto the shipped scoring model as the user who created the lead: depth 2, but the user's own write, not LeadAlign's.
    /// </summary>
    [PluginStep("1ead5c0e-7e57-4000-8000-000000000018", "Create", "lead", PluginStage.PostOperation)]
    public sealed class ForgeBackTestPlugin : PluginBase
    {
        public ForgeBackTestPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ForgeBackTestPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            if (localPluginContext.PluginExecutionContext.GetTargetEntity()?.GetAttributeValue<string>("lastname") == "Forge")
            {
                localPluginContext.InitiatingUserService.Update(new Entity(ScoringModelTable.EntityName, ModelVersionsFixture.DefaultModel) { [ScoringModelTable.HeldOutAucAfter] = 0.99m });
            }
        }
    }
}
