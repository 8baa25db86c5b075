using System.Linq;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Scoring.Versions
{
    /// <summary>What a team signed does not change under it: a signed version's scoring columns and rules are frozen.</summary>
    public sealed class SignedContentTests
    {
        private readonly ModelVersionsFixture _given = new();

        private Entity RuleOf(System.Guid model) =>
            _given.Org.All(ScoringRuleTable.EntityName).Single(rule => rule.GetAttributeValue<EntityReference>(ScoringRuleTable.ScoringModelId)?.Id == model);

        [Fact]
        public void The_rules_of_an_approved_version_cannot_be_added_changed_or_deleted()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);
            _given.ApproveByBoth(proposal);
            var rule = RuleOf(proposal);
            var marketer = _given.Org.As(_given.Marketer);

            var change = TestOrganization.Fault(() => marketer.Update(new Entity(ScoringRuleTable.EntityName, rule.Id) { [ScoringRuleTable.Points] = 80 }));
            var add = TestOrganization.Fault(() => marketer.Create(ModelVersionsFixture.Rule(proposal, "Another rule", 5)));
            var delete = TestOrganization.Fault(() => marketer.Delete(ScoringRuleTable.EntityName, rule.Id));

            Assert.Equal(
                "Scoring rule 'Company has 100 or more employees': cannot change a rule of scoring model 'Scoring 2026 Q4' (version 2): it is active, so its content is what both teams signed. "
                + "Propose a new version with the rule changed instead (la_ProposeScoringModel, or a new scoring model row with Version status Proposed and its rules).",
                change.Message);
            Assert.StartsWith("Scoring rule 'Another rule': cannot add a rule of scoring model", add.Message);
            Assert.StartsWith("Scoring rule 'Company has 100 or more employees': cannot delete a rule", delete.Message);
            Assert.Equal(40, RuleOf(proposal).GetAttributeValue<int>(ScoringRuleTable.Points));
        }

        [Fact]
        public void Once_one_team_approved_the_rules_and_thresholds_are_what_it_signed()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);
            _given.DecideForMarketing(_given.Marketer, proposal, ApprovalDecision.Approved, "Fits.");

            var rule = TestOrganization.Fault(() => _given.Org.As(_given.Marketer).Update(new Entity(ScoringRuleTable.EntityName, RuleOf(proposal).Id) { [ScoringRuleTable.Points] = 80 }));
            var threshold = TestOrganization.Fault(() => _given.Org.As(_given.Marketer).Update(new Entity(ScoringModelTable.EntityName, proposal) { [ScoringModelTable.MqlThreshold] = 10 }));

            Assert.Contains("marketing has already approved it, so its content is what was signed", rule.Message);
            Assert.Equal(
                "Scoring model 'Scoring 2026 Q4' (version 2) cannot change its thresholds, half-life, required columns or nurture reset: marketing has already approved it, so its content is what was signed. "
                + "Propose a new version with the change instead (la_ProposeScoringModel, or a new scoring model row with Version status Proposed).",
                threshold.Message);
            Assert.Equal(50, _given.Model(proposal).GetAttributeValue<int>(ScoringModelTable.MqlThreshold));
        }

        [Fact]
        public void An_undecided_proposal_and_the_unversioned_default_can_still_be_edited()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);
            var defaultRule = _given.Org.All(ScoringRuleTable.EntityName).First(rule => rule.GetAttributeValue<EntityReference>(ScoringRuleTable.ScoringModelId)?.Id == ModelVersionsFixture.DefaultModel);

            _given.Org.As(_given.Marketer).Update(new Entity(ScoringRuleTable.EntityName, RuleOf(proposal).Id) { [ScoringRuleTable.Points] = 45 });
            _given.Org.As(_given.Marketer).Update(new Entity(ScoringModelTable.EntityName, proposal) { [ScoringModelTable.MqlThreshold] = 55 });
            _given.Org.As(_given.Marketer).Update(new Entity(ScoringRuleTable.EntityName, defaultRule.Id) { [ScoringRuleTable.Points] = 12 });

            Assert.Equal(45, RuleOf(proposal).GetAttributeValue<int>(ScoringRuleTable.Points));
            Assert.Equal(55, _given.Model(proposal).GetAttributeValue<int>(ScoringModelTable.MqlThreshold));
            Assert.Equal(12, _given.Org.Get(ScoringRuleTable.EntityName, defaultRule.Id)!.GetAttributeValue<int>(ScoringRuleTable.Points));
        }
    }
}
