using System;
using System.Linq;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Scoring.Versions
{
    /// <summary>What LeadAlign computes on a version is refused from any write made as a user, not only from the user's own save.</summary>
    public sealed class ForgeryBelowTheUserTests
    {
        [Fact]
        public void A_step_writing_a_back_test_figure_as_the_user_is_refused_and_the_lead_it_ran_for_is_not_saved()
        {
            var org = LeadAlignOrganization.Start(options => options with
            {
                Steps = options.Steps.Concat(StepRegistration.FromTypes(new[] { typeof(ForgeBackTestPlugin) })).ToList(),
                PluginAssemblies = options.PluginAssemblies.Append(typeof(ForgeBackTestPlugin).Assembly).ToList(),
            });
            var marketer = org.AddUser("Mia Marketing");

            var fault = TestOrganization.Fault(() => org.As(marketer).Create(new Entity("lead") { ["lastname"] = "Forge" }));

            Assert.Contains(ScoringModelTable.HeldOutAucAfter, fault.Message, StringComparison.Ordinal);
            Assert.Empty(org.All("lead"));
            Assert.Null(org.Get(ScoringModelTable.EntityName, ModelVersionsFixture.DefaultModel)!.GetAttributeValue<decimal?>(ScoringModelTable.HeldOutAucAfter));
        }
    }
}
