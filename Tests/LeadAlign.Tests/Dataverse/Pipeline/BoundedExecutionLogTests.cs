using System.Linq;
using LeadAlign.Plugins.Scoring;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Pipeline
{
    /// <summary>A long run keeps only its latest executions with their traces, and still counts every one in its totals.</summary>
    public sealed class BoundedExecutionLogTests
    {
        [Fact]
        public void With_a_capacity_the_log_keeps_the_latest_executions_and_totals_count_them_all()
        {
            var org = LeadAlignOrganization.Start(options => options with { ExecutionLogCapacity = 5 });
            var marketer = org.AddUser("Mia Marketing");
            org.Log.Clear();

            for (var index = 0; index < 20; index++)
            {
                org.As(marketer).Create(new Entity("lead") { ["lastname"] = "Lead " + index, ["jobtitle"] = "Analyst" });
            }

            Assert.InRange(org.Log.Records.Count, 5, 9);
            var scoring = org.Log.Totals()[typeof(ScoreLeadPlugin).FullName!];
            Assert.Equal(20, scoring.Executions);
            Assert.InRange(scoring.WithoutCall, 19, 20); // the first may load the scoring model
            Assert.True(org.Log.Totals().Values.Sum(total => total.Executions) > 20, "every step of every save is counted");

            org.Log.Clear();
            Assert.Empty(org.Log.Totals());
        }

        [Fact]
        public void Without_a_capacity_the_log_keeps_every_execution()
        {
            var org = LeadAlignOrganization.Start();
            var marketer = org.AddUser("Mia Marketing");
            org.Log.Clear();

            for (var index = 0; index < 20; index++)
            {
                org.As(marketer).Create(new Entity("lead") { ["lastname"] = "Lead " + index });
            }

            Assert.Equal(20, org.Log.Of(typeof(ScoreLeadPlugin)).Count);
            Assert.Equal(org.Log.Records.Count, org.Log.Totals().Values.Sum(total => total.Executions));
        }
    }
}
