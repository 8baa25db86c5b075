using LeadAlign.Dataverse;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Sla
{
    /// <summary>
    /// Runs one plug-in by hand against an organization, as the platform would run a step it already ran once more (a retried
    /// job, a duplicate delivery): with a context the test fills as the pipeline filled the first one, and the organization's
    /// services. Returns the trace.
    /// </summary>
    internal sealed class StepReplay
    {
        private readonly InMemoryDataverse _org;

        public StepReplay(InMemoryDataverse org) => _org = org;

        public string Run(IPlugin plugin, StubPluginExecutionContext context)
        {
            var tracing = new RecordingTracingService();
            plugin.Execute(new StubServiceProvider().With<IPluginExecutionContext>(context).With<IOrganizationServiceFactory>(new DataverseServiceFactory(_org)).With<ITracingService>(tracing));
            return string.Join("\n", tracing.Lines);
        }
    }
}
