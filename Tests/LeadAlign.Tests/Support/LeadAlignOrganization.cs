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
