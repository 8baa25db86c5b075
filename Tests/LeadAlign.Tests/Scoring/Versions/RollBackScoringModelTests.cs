using System;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Scoring.Versions
{
    /// <summary>la_RollBackScoringModel: the live version is rolled back and the version it replaced is live again, unsigned anew.</summary>
    public sealed class RollBackScoringModelTests
    {
        private readonly ModelVersionsFixture _given = new();

        private OrganizationResponse RollBack(Guid user) => _given.Org.As(user).Execute(new OrganizationRequest("la_RollBackScoringModel"));

        [Fact]
        public void Rolling_back_returns_to_the_version_the_live_one_replaced_and_leads_are_scored_with_it_again()
        {
            var second = _given.Propose("Scoring 2026 Q4", 2);
            _given.ApproveByBoth(second);
            _given.Org.Advance(TimeSpan.FromDays(2));
            var third = _given.Propose("Scoring 2027 Q1", 3);
            _given.ApproveByBoth(third);
            _given.Org.Advance(TimeSpan.FromDays(1));
            var rolledBackOn = _given.Org.UtcNow;

            var response = RollBack(_given.SalesApprover);
            _given.Org.DrainAsync();

            Assert.Equal(second, ((EntityReference)response.Results["ActiveModel"]).Id);
            Assert.StartsWith("Rolled back scoring model 'Scoring 2027 Q1' (version 3); 'Scoring 2026 Q4' (version 2) is active again from", (string)response.Results["Summary"]);
            Assert.Equal(new[] { second }, _given.ActiveModels());
            Assert.Equal(ModelVersionStatus.RolledBack, _given.StatusOf(third));
            Assert.Equal(rolledBackOn, _given.Model(third).GetAttributeValue<DateTime>(ScoringModelTable.EffectiveTo));
            var again = _given.Model(second);
            Assert.Equal(ModelVersionStatus.Active, _given.StatusOf(second));
            Assert.Equal(rolledBackOn, again.GetAttributeValue<DateTime>(ScoringModelTable.EffectiveFrom));
            Assert.Null(again.GetAttributeValue<DateTime?>(ScoringModelTable.EffectiveTo));
            var lead = _given.Org.As(_given.Marketer).Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Novak", ["numberofemployees"] = 150 });
            Assert.Equal(second, _given.Org.Get(LeadTable.EntityName, lead)!.GetAttributeValue<EntityReference>(LeadTable.ScoringModelId).Id);
            Assert.Empty(_given.Org.FailedAsyncJobs);
        }

        [Fact]
        public void Rolling_back_the_first_signed_version_returns_to_the_default_and_then_there_is_nothing_left_to_roll_back()
        {
            var second = _given.Propose("Scoring 2026 Q4", 2);
            _given.ApproveByBoth(second);

            RollBack(_given.Marketer);
            _given.Org.DrainAsync();
            var fault = TestOrganization.Fault(() => RollBack(_given.Marketer));

            Assert.Equal(new[] { ModelVersionsFixture.DefaultModel }, _given.ActiveModels());
            Assert.Equal(ModelVersionStatus.RolledBack, _given.StatusOf(second));
            Assert.Equal("Scoring model 'LeadAlign default' did not replace a version when it went live, so there is nothing to roll back to. To change the scoring, propose a new version and have both teams approve it.", fault.Message);
            Assert.Equal(new[] { ModelVersionsFixture.DefaultModel }, _given.ActiveModels());
        }

        [Fact]
        public void A_sales_rep_may_not_roll_back()
        {
            var second = _given.Propose("Scoring 2026 Q4", 2);
            _given.ApproveByBoth(second);

            var fault = TestOrganization.Fault(() => RollBack(_given.Lifecycle.Reps[0]));

            Assert.Contains("prvWritela_scoringmodel", fault.Message);
            Assert.Equal(new[] { second }, _given.ActiveModels());
        }
    }
}
