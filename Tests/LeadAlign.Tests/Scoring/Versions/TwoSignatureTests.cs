using System;
using System.Linq;
using LeadAlign.Plugins.Scoring;
using LeadAlign.Plugins.Scoring.Versions;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Scoring.Versions
{
    /// <summary>
    /// A scoring model version goes live only when marketing and sales, two different users, both approve it: Mia proposes,
    /// Mia approves for marketing, Sam for sales, and the version is live in that same save, replacing the shipped default.
    /// </summary>
    public sealed class TwoSignatureTests
    {
        private readonly ModelVersionsFixture _given = new();

        [Fact]
        public void Marketing_approves_then_sales_approves_and_the_proposal_goes_live_replacing_the_default()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);
            var marketingOn = _given.Org.UtcNow;
            _given.DecideForMarketing(_given.Marketer, proposal, ApprovalDecision.Approved, "Fits what converted this quarter.");
            Assert.Equal(ModelVersionStatus.Proposed, _given.StatusOf(proposal));
            Assert.Equal(new[] { ModelVersionsFixture.DefaultModel }, _given.ActiveModels());

            _given.Org.Advance(TimeSpan.FromHours(3));
            var salesOn = _given.Org.UtcNow;
            _given.DecideForSales(_given.SalesApprover, proposal, ApprovalDecision.Approved, "Agreed; the reps see the same leads as hot.");
            _given.Org.DrainAsync();

            var live = _given.Model(proposal);
            Assert.Equal(ModelVersionStatus.Active, _given.StatusOf(proposal));
            Assert.True(live.GetAttributeValue<bool>(ScoringModelTable.IsActive));
            Assert.Equal(salesOn, live.GetAttributeValue<DateTime>(ScoringModelTable.EffectiveFrom));
            Assert.Equal(ModelVersionsFixture.DefaultModel, live.GetAttributeValue<EntityReference>(ScoringModelTable.ReplacedModelId).Id);
            Assert.Equal(_given.Marketer, live.GetAttributeValue<EntityReference>(ScoringModelTable.MarketingDecisionBy).Id);
            Assert.Equal(marketingOn, live.GetAttributeValue<DateTime>(ScoringModelTable.MarketingDecisionOn));
            Assert.Equal(_given.SalesApprover, live.GetAttributeValue<EntityReference>(ScoringModelTable.SalesDecisionBy).Id);
            Assert.Equal(salesOn, live.GetAttributeValue<DateTime>(ScoringModelTable.SalesDecisionOn));
            Assert.Equal(
                new[]
                {
                    marketingOn.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC | Marketing | Mia Marketing | Approved | Fits what converted this quarter.",
                    salesOn.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC | Sales | Sam Sales | Approved | Agreed; the reps see the same leads as hot.",
                },
                live.GetAttributeValue<string>(ScoringModelTable.ApprovalHistory).Split('\n'));
            var previous = _given.Model(ModelVersionsFixture.DefaultModel);
            Assert.Equal(ModelVersionStatus.Superseded, _given.StatusOf(ModelVersionsFixture.DefaultModel));
            Assert.False(previous.GetAttributeValue<bool>(ScoringModelTable.IsActive));
            Assert.Equal(salesOn, previous.GetAttributeValue<DateTime>(ScoringModelTable.EffectiveTo));
            Assert.Equal(new[] { proposal }, _given.ActiveModels());
            Assert.Empty(_given.Org.FailedAsyncJobs);
        }

        [Fact]
        public void After_the_approval_a_saved_lead_and_a_recalculated_lead_name_the_new_version_and_score_with_its_rules()
        {
            var before = _given.Org.As(_given.Marketer).Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Novak", ["numberofemployees"] = 150 });
            _given.Org.DrainAsync();
            Assert.Equal(ModelVersionsFixture.DefaultModel, _given.Org.Get(LeadTable.EntityName, before)!.GetAttributeValue<EntityReference>(LeadTable.ScoringModelId).Id);
            var proposal = _given.Propose("Scoring 2026 Q4", 2);

            _given.ApproveByBoth(proposal);
            var created = _given.Org.As(_given.Marketer).Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Horvat", ["numberofemployees"] = 150 });
            _given.Org.As(_given.Marketer).Execute(new OrganizationRequest("la_RecalculateLeadScores") { ["LeadIds"] = new[] { before.ToString() } });

            foreach (var lead in new[] { created, before })
            {
                var stored = _given.Org.Get(LeadTable.EntityName, lead)!;
                Assert.Equal(proposal, stored.GetAttributeValue<EntityReference>(LeadTable.ScoringModelId).Id);
                Assert.Equal(40, stored.GetAttributeValue<int>(LeadTable.FitScore));
            }
        }

        [Fact]
        public void A_rejection_by_either_side_ends_the_version_and_the_history_holds_the_comment()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);
            _given.DecideForMarketing(_given.Marketer, proposal, ApprovalDecision.Approved);

            _given.DecideForSales(_given.SalesApprover, proposal, ApprovalDecision.Rejected, "Too many small companies would become MQLs.");
            _given.Org.DrainAsync();

            var rejected = _given.Model(proposal);
            Assert.Equal(ModelVersionStatus.Rejected, _given.StatusOf(proposal));
            Assert.False(rejected.GetAttributeValue<bool>(ScoringModelTable.IsActive));
            Assert.EndsWith("| Sales | Sam Sales | Rejected | Too many small companies would become MQLs.", rejected.GetAttributeValue<string>(ScoringModelTable.ApprovalHistory));
            Assert.Equal(new[] { ModelVersionsFixture.DefaultModel }, _given.ActiveModels());
            Assert.Null(_given.StatusOf(ModelVersionsFixture.DefaultModel));
        }

        [Fact]
        public void A_comment_before_the_decision_is_kept_in_the_history_without_a_signature()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);

            _given.Org.As(_given.SalesApprover).Update(new Entity(ScoringModelTable.EntityName, proposal) { [ScoringModelTable.SalesComment] = "Reviewing with the team on Monday." });

            var stored = _given.Model(proposal);
            Assert.EndsWith("| Sales | Sam Sales | Commented | Reviewing with the team on Monday.", stored.GetAttributeValue<string>(ScoringModelTable.ApprovalHistory));
            Assert.Null(stored.GetAttributeValue<EntityReference>(ScoringModelTable.SalesDecisionBy));
            Assert.Equal(ModelVersionStatus.Proposed, _given.StatusOf(proposal));
        }

        // A first decision reads only the approver's name. The second approval: the version plug-in reads the approver's name and the version live until now; the model-changed
        // step finds the one model to supersede and updates it. No Retrieve of the model itself: its images carry it.
        [Fact]
        public void A_decision_and_the_approval_that_makes_a_version_live_make_a_fixed_number_of_service_calls()
        {
            var proposal = _given.Propose("Scoring 2026 Q4", 2);
            _given.Org.DrainAsync();
            _given.Org.Log.Clear();
            _given.DecideForMarketing(_given.Marketer, proposal, ApprovalDecision.Approved, "Fits.");
            var first = Assert.Single(_given.Org.Log.Of(typeof(ScoringModelVersionPlugin)));
            Assert.Equal(1, first.Calls("Retrieve"));
            Assert.Equal(1, first.TotalCalls);
            Assert.Equal(0, _given.Org.Log.Of(typeof(ScoringModelChangedPlugin)).Single(run => run.Mode == 0).TotalCalls);
            _given.Org.DrainAsync();
            _given.Org.Log.Clear();

            _given.DecideForSales(_given.SalesApprover, proposal, ApprovalDecision.Approved, "Agreed.");

            var version = _given.Org.Log.Of(typeof(ScoringModelVersionPlugin)).Where(run => run.Depth == 1).ToList();
            var approval = Assert.Single(version);
            Assert.Equal(1, approval.Calls("Retrieve"));
            Assert.Equal(1, approval.Calls("RetrieveMultiple"));
            Assert.Equal(2, approval.TotalCalls);
            var changed = _given.Org.Log.Of(typeof(ScoringModelChangedPlugin)).Single(run => run.Depth == 1 && run.Mode == 0);
            Assert.Equal(1, changed.Calls("RetrieveMultiple"));
            Assert.Equal(1, changed.Calls("Update"));
            Assert.Equal(2, changed.TotalCalls);
            Assert.All(version.Concat(_given.Org.Log.Of(typeof(ScoringModelVersionPlugin))), run => Assert.True(run.Succeeded, run.Failure));
        }

        [Fact]
        public void A_hand_made_draft_without_a_version_status_is_still_activated_by_hand()
        {
            var draft = _given.Org.As(_given.Marketer).Create(new Entity(ScoringModelTable.EntityName) { [ScoringModelTable.Name] = "Draft", [ScoringModelTable.MqlThreshold] = 40 });

            _given.Org.As(_given.Marketer).Update(new Entity(ScoringModelTable.EntityName, draft) { [ScoringModelTable.IsActive] = true, [ScoringModelTable.MqlThreshold] = 45 });
            _given.Org.DrainAsync();

            Assert.Equal(new[] { draft }, _given.ActiveModels());
            Assert.Null(_given.StatusOf(draft));
            Assert.Null(_given.StatusOf(ModelVersionsFixture.DefaultModel));
            Assert.Equal(45, _given.Model(draft).GetAttributeValue<int>(ScoringModelTable.MqlThreshold));
        }
    }
}
