using System;
using LeadAlign.Plugins.Scoring;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Plugins
{
    /// <summary>The configuration caches ask for a service only when they must load: a warm lookup creates none.</summary>
    public sealed class ConfigurationCacheTests
    {
        [Fact]
        public void Scoring_a_lead_with_a_warm_model_cache_creates_no_organization_service()
        {
            var org = LeadAlignOrganization.Start();
            var rep = org.AddUser("Rita Rep");
            var lead = org.As(rep).Create(new Entity("lead") { ["lastname"] = "Novak" });
            var context = new StubPluginExecutionContext
            {
                OrganizationId = org.OrganizationId,
                PrimaryEntityId = lead,
                OperationCreatedOn = org.UtcNow,
            };
            var target = new Entity("lead", lead) { ["jobtitle"] = "Chief Revenue Officer" };
            context.InputParameters["Target"] = target;
            var factory = new CountingServiceFactory();

            new ScoreLeadPlugin(string.Empty, string.Empty).Execute(new StubServiceProvider()
                .With<IPluginExecutionContext>(context)
                .With<ITracingService>(new RecordingTracingService())
                .With<IOrganizationServiceFactory>(factory));

            Assert.Empty(factory.CreatedFor);
            Assert.True(target.GetAttributeValue<int>(LeadTable.Score) > 0);
            Assert.Equal(org.UtcNow, target.GetAttributeValue<DateTime>(LeadTable.ScoredOn));
        }
    }
}
