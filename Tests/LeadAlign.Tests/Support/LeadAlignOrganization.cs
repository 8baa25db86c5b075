using LeadAlign.Dataverse;
using LeadAlign.Plugins;
using LeadAlign.WorkflowActivities;

namespace LeadAlign.Tests.Support
{
    /// <summary>An in-memory organization with LeadAlign's solution imported: its tables, steps, Custom APIs, workflows and data.</summary>
    internal static class LeadAlignOrganization
    {
        public static InMemoryDataverse Start() =>
            new(DataverseOptions.ForSolution(RepositoryLayout.PathInRepo("Solution"), typeof(PluginBase).Assembly, typeof(WorkflowActivityBase).Assembly));
    }
}

namespace LeadAlign.Tests.Support
{
    /// <summary>A service factory over an in-memory organization, for running one plug-in by hand (a replay).</summary>
    internal sealed class DataverseServiceFactory : Microsoft.Xrm.Sdk.IOrganizationServiceFactory
    {
        private readonly InMemoryDataverse _org;

        public DataverseServiceFactory(InMemoryDataverse org) => _org = org;

        public Microsoft.Xrm.Sdk.IOrganizationService CreateOrganizationService(System.Guid? userId) => _org.ServiceFor(userId ?? _org.SystemUserId);
    }
}
