using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Security
{
    /// <summary>
    /// A Custom API with an execute privilege (customapi.xml executeprivilegename) runs only for callers who hold it: the
    /// sweeps that rewrite many rows as SYSTEM are refused to a rep before their plug-in runs.
    /// </summary>
    public sealed class CustomApiAccessTests
    {
        private readonly SecurityScenario _scenario = new();

        [Fact]
        public void A_rep_cannot_run_the_sla_sweep_and_the_fault_names_its_execute_privilege()
        {
            var rep = _scenario.User("Rita Rep", _scenario.North, "LeadAlign Sales Rep");

            var fault = TestOrganization.Fault(() => _scenario.Org.As(rep).Execute(new OrganizationRequest("la_EvaluateLeadSlas")));

            Assert.Contains("is missing prvWritela_agreement privilege", fault.Message);
            Assert.Empty(_scenario.Org.Log.Of(typeof(LeadAlign.Plugins.Sla.EvaluateLeadSlasPlugin)));
        }

        [Fact]
        public void A_leadalign_administrator_runs_the_sla_sweep_and_a_marketer_the_score_recalculation()
        {
            var admin = _scenario.User("Ada Admin", _scenario.North, "LeadAlign Administrator");
            var marketer = _scenario.User("Mia Marketing", _scenario.North, "LeadAlign Marketing User");

            var sweep = _scenario.Org.As(admin).Execute(new OrganizationRequest("la_EvaluateLeadSlas"));
            var recalculation = _scenario.Org.As(marketer).Execute(new OrganizationRequest("la_RecalculateLeadScores"));

            Assert.Equal(false, sweep.Results["MoreRecords"]);
            Assert.True(recalculation.Results.ContainsKey("Scored"));
        }
    }
}
