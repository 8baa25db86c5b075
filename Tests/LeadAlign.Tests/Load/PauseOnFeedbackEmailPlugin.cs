using System;
using LeadAlign.Plugins.Registration;
using LeadAlign.Tests.Dataverse.Concurrency;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Load
{
    /// <summary>
    /// Stops the operation that creates a rejection e-mail, inside its open transaction, when the e-mail's body carries a pause
    /// marker (the lead's rejection notes are in the body): how a test holds one feedback send half-way while another starts.
    /// </summary>
    [PluginStep("c0c00010-0000-4000-8000-000000000001", "Create", "email", PluginStage.PostOperation)]
    public sealed class PauseOnFeedbackEmailPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var body = ((Entity)context.InputParameters["Target"]).GetAttributeValue<string>("description") ?? string.Empty;
            var at = body.IndexOf("pause:", StringComparison.Ordinal);
            if (at >= 0)
            {
                Pause.HoldIfMarked(body.Substring(at, "pause:".Length + 32));
            }
        }
    }
}
