using System;
using System.Linq;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Scoring.Versions
{
    /// <summary>Every way around the two signatures is refused, with a message the user can act on, and nothing changes.</summary>
    public sealed class SignatureRefusalTests
    {
        private readonly ModelVersionsFixture _given = new();

        [Fact]
        public void One_user_cannot_sign_for_both_teams()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);
            _given.DecideForMarketing(_given.BothSides, proposal, ApprovalDecision.Approved);

            var fault = TestOrganization.Fault(() => _given.DecideForSales(_given.BothSides, proposal, ApprovalDecision.Approved));

            Assert.Equal("Scoring model 'Scoring 2026 Q4' (version 2): you approved it for marketing; the sales decision must come from another user, so that both teams sign. Ask a member of the LeadAlign scoring approvers (sales) profile.", fault.Message);
            Assert.Null(_given.Model(proposal).GetAttributeValue<OptionSetValue>(ScoringModelTable.SalesDecision));
            Assert.Equal(ModelVersionStatus.Proposed, _given.StatusOf(proposal));
        }

        [Fact]
        public void One_user_cannot_sign_for_both_teams_in_one_save()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);

            var fault = TestOrganization.Fault(() => _given.Org.As(_given.BothSides).Update(new Entity(ScoringModelTable.EntityName, proposal)
            {
                [ScoringModelTable.MarketingDecision] = new OptionSetValue((int)ApprovalDecision.Approved),
                [ScoringModelTable.SalesDecision] = new OptionSetValue((int)ApprovalDecision.Approved),
            }));

            Assert.Contains("must come from another user", fault.Message);
            Assert.Equal(ModelVersionStatus.Proposed, _given.StatusOf(proposal));
            Assert.Equal(new[] { ModelVersionsFixture.DefaultModel }, _given.ActiveModels());
        }

        // The platform's column security refusal (PowerApps-Samples ColumnLevelSecurity): -2147158777, before any step runs.
        [Fact]
        public void A_user_outside_the_approvers_profile_is_refused_the_decision_by_column_security()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);

            var marketing = TestOrganization.Fault(() => _given.DecideForMarketing(_given.Outsider, proposal, ApprovalDecision.Approved));
            var sales = TestOrganization.Fault(() => _given.DecideForSales(_given.Marketer, proposal, ApprovalDecision.Approved));

            Assert.Equal(-2147158777, marketing.ErrorCode);
            Assert.Contains($"Caller user with Id {_given.Outsider} does not have update permissions to a", marketing.Message);
            Assert.Equal(-2147158777, sales.ErrorCode);
            var stored = _given.Model(proposal);
            Assert.Null(stored.GetAttributeValue<OptionSetValue>(ScoringModelTable.MarketingDecision));
            Assert.Null(stored.GetAttributeValue<OptionSetValue>(ScoringModelTable.SalesDecision));
        }

        [Fact]
        public void A_proposal_left_pending_when_another_version_went_live_is_superseded_and_takes_no_decision()
        {
            var first = _given.Propose("Scoring 2026 Q4", 2);
            var second = _given.Propose("Scoring 2026 Q4 (alternative)", 3);
            _given.ApproveByBoth(first);
            Assert.Equal(ModelVersionStatus.Superseded, _given.StatusOf(second));

            var fault = TestOrganization.Fault(() => _given.DecideForMarketing(_given.Marketer, second, ApprovalDecision.Approved));

            Assert.Equal("Scoring model 'Scoring 2026 Q4 (alternative)' (version 3) was superseded by 'Scoring 2026 Q4' (version 2), now active; decide on the current proposal.", fault.Message);
            Assert.Null(_given.Model(second).GetAttributeValue<OptionSetValue>(ScoringModelTable.MarketingDecision));
        }

        [Fact]
        public void A_decision_once_made_does_not_change()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);
            _given.DecideForMarketing(_given.Marketer, proposal, ApprovalDecision.Approved, "Fits.");

            var changed = TestOrganization.Fault(() => _given.DecideForMarketing(_given.Marketer, proposal, ApprovalDecision.Rejected, "On second thought, no."));

            Assert.Equal("Scoring model 'Scoring 2026 Q4' (version 2): marketing has already approved it, and a decision and its comment do not change once made. Propose a new version if the scoring should change.", changed.Message);
            Assert.Equal((int)ApprovalDecision.Approved, _given.Model(proposal).GetAttributeValue<OptionSetValue>(ScoringModelTable.MarketingDecision).Value);
            Assert.Equal(ModelVersionStatus.Proposed, _given.StatusOf(proposal));
        }

        [Fact]
        public void A_rejection_without_a_reason_is_refused()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);

            var fault = TestOrganization.Fault(() => _given.DecideForSales(_given.SalesApprover, proposal, ApprovalDecision.Rejected));

            Assert.Equal("Scoring model 'Scoring 2026 Q4' (version 2): say why sales rejects it in the sales comment, so that whoever proposes the next version knows what to change.", fault.Message);
            Assert.Equal(ModelVersionStatus.Proposed, _given.StatusOf(proposal));
        }

        [Fact]
        public void A_rejected_version_takes_no_further_decision()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);
            _given.DecideForSales(_given.SalesApprover, proposal, ApprovalDecision.Rejected, "Too many small companies.");

            var fault = TestOrganization.Fault(() => _given.DecideForMarketing(_given.Marketer, proposal, ApprovalDecision.Approved));

            Assert.Contains("was rejected, which ended it", fault.Message);
            Assert.Equal(ModelVersionStatus.Rejected, _given.StatusOf(proposal));
        }

        [Fact]
        public void A_proposal_cannot_be_activated_by_hand_nor_the_live_version_switched_off()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);

            var activate = TestOrganization.Fault(() => _given.Org.As(_given.Marketer).Update(new Entity(ScoringModelTable.EntityName, proposal) { [ScoringModelTable.IsActive] = true }));

            Assert.Equal("Scoring model 'Scoring 2026 Q4' (version 2) is Proposed: a version goes live only when marketing and sales both approve it, or when la_RollBackScoringModel returns to it. Clear Active and save again.", activate.Message);
            Assert.Equal(new[] { ModelVersionsFixture.DefaultModel }, _given.ActiveModels());
            _given.ApproveByBoth(proposal);
            var deactivate = TestOrganization.Fault(() => _given.Org.As(_given.Marketer).Update(new Entity(ScoringModelTable.EntityName, proposal) { [ScoringModelTable.IsActive] = false }));
            Assert.Contains("is the live version both teams signed: it is not switched off by hand", deactivate.Message);
            var reactivate = TestOrganization.Fault(() => _given.Org.As(_given.Marketer).Update(new Entity(ScoringModelTable.EntityName, ModelVersionsFixture.DefaultModel) { [ScoringModelTable.IsActive] = true }));
            Assert.Contains("'LeadAlign default' is Superseded: a version goes live only when", reactivate.Message);
            Assert.Equal(new[] { proposal }, _given.ActiveModels());
        }

        [Fact]
        public void A_draft_outside_the_versions_cannot_replace_a_signed_version_by_hand()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);
            _given.ApproveByBoth(proposal);
            var draft = _given.Org.As(_given.Marketer).Create(new Entity(ScoringModelTable.EntityName) { [ScoringModelTable.Name] = "Draft", [ScoringModelTable.MqlThreshold] = 10 });

            var fault = TestOrganization.Fault(() => _given.Org.As(_given.Marketer).Update(new Entity(ScoringModelTable.EntityName, draft) { [ScoringModelTable.IsActive] = true }));

            Assert.Equal(
                "Scoring model 'Draft' has no version status, and the live model 'Scoring 2026 Q4' (version 2) is a version both teams signed: a draft cannot replace it by hand. "
                + "Propose it as a new version (Version status Proposed on a new row) and have marketing and sales approve it.",
                fault.Message);
            Assert.Equal(new[] { proposal }, _given.ActiveModels());
            Assert.Equal(ModelVersionStatus.Active, _given.StatusOf(proposal));
        }

        [Fact]
        public void A_version_cannot_be_created_active_decided_or_with_what_LeadAlign_writes()
        {
            Entity Version(string column, object value) => new(ScoringModelTable.EntityName)
            {
                [ScoringModelTable.Name] = "Forged",
                [ScoringModelTable.MqlThreshold] = 50,
                [ScoringModelTable.VersionStatus] = new OptionSetValue((int)ModelVersionStatus.Proposed),
                [column] = value,
            };

            var active = TestOrganization.Fault(() => _given.Org.As(_given.Marketer).Create(Version(ScoringModelTable.VersionStatus, new OptionSetValue((int)ModelVersionStatus.Active))));
            var activeFlag = TestOrganization.Fault(() => _given.Org.As(_given.Marketer).Create(Version(ScoringModelTable.IsActive, true)));
            var stamped = TestOrganization.Fault(() => _given.Org.As(_given.Marketer).Create(Version(ScoringModelTable.MarketingDecisionBy, new EntityReference(SystemUserTable.EntityName, _given.Marketer))));
            var dated = TestOrganization.Fault(() => _given.Org.As(_given.Marketer).Create(Version(ScoringModelTable.SalesDecisionOn, _given.Org.UtcNow)));
            var decided = TestOrganization.Fault(() => _given.Org.As(_given.BothSides).Create(Version(ScoringModelTable.MarketingDecision, new OptionSetValue((int)ApprovalDecision.Approved))));
            var figures = TestOrganization.Fault(() => _given.Org.As(_given.Marketer).Create(Version(ScoringModelTable.HeldOutAucAfter, 0.99m)));

            Assert.Equal("Scoring model 'Forged': a new version starts as Proposed, not Active. It becomes Active only when marketing and sales both approve it; save it with Version status Proposed (or none, for a draft outside the versions).", active.Message);
            Assert.Contains("is a proposal: it cannot be created active", activeFlag.Message);
            Assert.Contains($"{ScoringModelTable.MarketingDecisionBy} is written by LeadAlign", stamped.Message);
            Assert.Contains($"{ScoringModelTable.SalesDecisionOn} is written by LeadAlign", dated.Message);
            Assert.Contains("a version is created undecided; marketing decides on the saved proposal", decided.Message);
            Assert.Contains($"{ScoringModelTable.HeldOutAucAfter} is written by LeadAlign", figures.Message);
            Assert.DoesNotContain(_given.Org.All(ScoringModelTable.EntityName), model => model.GetAttributeValue<string>(ScoringModelTable.Name) == "Forged");
        }

        [Fact]
        public void A_user_cannot_write_the_status_stamps_or_history_of_a_version()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);
            _given.DecideForMarketing(_given.Marketer, proposal, ApprovalDecision.Approved, "Fits.");
            var history = _given.Model(proposal).GetAttributeValue<string>(ScoringModelTable.ApprovalHistory);

            var status = TestOrganization.Fault(() => _given.Org.As(_given.Marketer).Update(new Entity(ScoringModelTable.EntityName, proposal) { [ScoringModelTable.VersionStatus] = new OptionSetValue((int)ModelVersionStatus.Active) }));
            var stamps = TestOrganization.Fault(() => _given.Org.As(_given.SalesApprover).Update(new Entity(ScoringModelTable.EntityName, proposal)
            {
                [ScoringModelTable.SalesDecision] = new OptionSetValue((int)ApprovalDecision.Approved),
                [ScoringModelTable.SalesDecisionBy] = new EntityReference(SystemUserTable.EntityName, _given.Marketer),
                [ScoringModelTable.ApprovalHistory] = "nothing happened",
            }));

            Assert.StartsWith($"Scoring model 'Scoring 2026 Q4' (version 2): {ScoringModelTable.VersionStatus} is written by LeadAlign", status.Message);
            Assert.Contains($"{ScoringModelTable.SalesDecisionBy}, {ScoringModelTable.ApprovalHistory} are written by LeadAlign", stamps.Message);
            var stored = _given.Model(proposal);
            Assert.Equal(ModelVersionStatus.Proposed, _given.StatusOf(proposal));
            Assert.Equal(history, stored.GetAttributeValue<string>(ScoringModelTable.ApprovalHistory));
            Assert.Null(stored.GetAttributeValue<OptionSetValue>(ScoringModelTable.SalesDecision));
        }
    }
}
