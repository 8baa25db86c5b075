using System.Linq;
using LeadAlign.Cli.Simulation;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Cli
{
    /// <summary>The month's service-call figures (issue 19's ≥ 90 % of lead scorings without a call), read from the execution log.</summary>
    public sealed class SimulationStatsTests
    {
        [Fact]
        public void Leads_saved_while_the_scoring_model_is_cached_count_as_scorings_without_a_call()
        {
            var org = LeadAlignOrganization.Start();
            var marketer = org.AddUser("Mia Marketing");
            org.DrainAsync();
            org.Log.Clear();

            for (var index = 0; index < 4; index++)
            {
                org.As(marketer).Create(new Entity("lead") { ["lastname"] = "Lead " + index, ["jobtitle"] = "Analyst" });
            }

            var stats = SimulationStats.Of(org.Log, 4);

            Assert.Equal(4, stats.Scored);
            Assert.InRange(stats.ScoredWithoutCall, 3, 4); // the first may load the model; the cache serves the others
            Assert.Equal(org.Log.Records.Sum(record => (long)record.TotalCalls), stats.Calls);
            Assert.Equal(stats.Calls / 4.0, stats.CallsPerLead);
            Assert.Contains($"of 4 lead scorings made no call", stats.ToString(), System.StringComparison.Ordinal);
        }
    }
}
