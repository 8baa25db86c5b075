using LeadAlign.Dataverse;
using LeadAlign.Plugins;
using LeadAlign.WorkflowActivities;

namespace LeadAlign.Tests.Support
{
    /// <summary>
    /// An in-memory organization with LeadAlign's solution imported: its tables, steps, Custom APIs, workflows and data, and the
    /// asynchronous work the data queued already run, as the platform's asynchronous service runs it within seconds of an
    /// import (the configuration caches keep what they read only once the configuration's changes are known committed).
    /// </summary>
    internal static class LeadAlignOrganization
    {
        /// <param name="organization">Changes the organization's options, for example <c>options => options with { SlaEnabledTables = ... }</c>.</param>
        public static InMemoryDataverse Start(System.Func<DataverseOptions, DataverseOptions>? organization = null)
        {
            var options = DataverseOptions.ForSolution(RepositoryLayout.PathInRepo("Solution"), typeof(PluginBase).Assembly, typeof(WorkflowActivityBase).Assembly);
            var org = new InMemoryDataverse(organization == null ? options : organization(options));
            org.DrainAsync();
            return org;
        }
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
