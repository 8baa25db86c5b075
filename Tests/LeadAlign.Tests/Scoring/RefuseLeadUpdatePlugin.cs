using System;
using LeadAlign.Plugins;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Scoring
{
    /// <summary>Another vendor's step on lead that refuses any re-scoring of a lead whose last name is "Refuse me".</summary>
    [PluginStep("1ead5c0e-7e57-4000-8000-000000000001", "Update", "lead", PluginStage.PreOperation, FilteringAttributes = LeadTable.ScoredOn, PreImageAttributes = "lastname")]
    public sealed class RefuseLeadUpdatePlugin : PluginBase
    {
        public RefuseLeadUpdatePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RefuseLeadUpdatePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var preImage = localPluginContext.PluginExecutionContext.PreEntityImages.TryGetValue("PreImage", out var image) ? image : null;
            if (string.Equals(preImage?.GetAttributeValue<string>("lastname"), "Refuse me", StringComparison.Ordinal))
            {
                throw new InvalidPluginExecutionException("Contoso's data-quality step refuses changes to this lead.");
            }
        }
    }
}
