using LeadAlign.Cli.Simulation;
using Xunit;

namespace LeadAlign.Tests.Simulation
{
    /// <summary>The simulated world's fit draws stay inside what the lead's columns accept, however large the company.</summary>
    public sealed class LeadPropensityTests
    {
        [Fact]
        public void A_company_of_30000_employees_has_a_revenue_of_about_2_7_billion_not_an_overflow()
        {
            // 30,000 × 90,000 passes int.MaxValue: the 50,000-lead month once drew such a company and its lead was refused
            // ("The value -984200436 of 'revenue' ... is outside the valid range").
            var revenue = LeadPropensity.Revenue(30_000, 0);

            Assert.Equal(2_700_000_000m, revenue);
        }
    }
}
