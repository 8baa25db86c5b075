using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Plugins.Scoring.Proposal;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Scoring.Proposal
{
    /// <summary>
    /// la_ProposeScoringModel on a world whose truth differs from the default model: being the decision maker makes an SQL (four
    /// in five decision makers become one, one in five of the others), and attending a webinar, worth 20 points in the default
    /// model, changes nothing. Every lead is handed off with or without a webinar behind it, and its rep accepts it and then
    /// qualifies or rejects it; three weeks of leads, the third held out.
    /// </summary>
    public sealed class ProposeScoringModelTests
    {
        private readonly LifecycleFixture _fixture = ShippedRoles.Organization();
        private readonly DateTime _start;

        public ProposeScoringModelTests()
        {
            _start = _fixture.Org.UtcNow;
        }

        private InMemoryDataverse Org => _fixture.Org;

        private Entity Rule(Guid model, string name) => Org.All(ScoringRuleTable.EntityName)
            .Single(rule => rule.GetAttributeValue<EntityReference>(ScoringRuleTable.ScoringModelId).Id == model && rule.GetAttributeValue<string>(ScoringRuleTable.Name) == name);

        /// <summary>
        /// A lead handed off: created without a company (so it cannot be an MQL yet), a webinar attended or not, then the company
        /// given by a second form fill; its rep accepts it and qualifies it (with BANT) or rejects it.
        /// </summary>
        private void Lead(int number, bool decisionMaker, bool webinar, bool becomesSql)
        {
            var lead = LifecycleFixture.QualifiedLead("Lead " + number);
            lead.Attributes.Remove("companyname");
            lead["decisionmaker"] = decisionMaker;
            var id = Org.As(_fixture.Marketer).Create(lead);
            if (webinar)
            {
                Org.As(_fixture.Marketer).Create(new Entity(MarketingInteractionTable.EntityName)
                {
                    ["subject"] = "Webinar: pipeline reviews",
                    [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.WebinarAttendance),
                    ["regardingobjectid"] = new EntityReference("lead", id),
                });
            }

            // A second form fill gives the company, written by marketing automation's application user.
            Org.SystemService.Update(new Entity("lead", id) { ["companyname"] = "Contoso " + number });
            Assert.Equal(LifecycleFixture.Mql, _fixture.StageOf(id));
            var rep = _fixture.OwnerOf(id);
            Org.As(rep).Execute(new OrganizationRequest("la_AcceptLead") { ["Target"] = new EntityReference("lead", id) });
            if (becomesSql)
            {
                _fixture.SetStage(rep, id, LifecycleFixture.Sql, LifecycleFixture.Bant);
            }
            else
            {
                _fixture.SetStage(rep, id, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NotAFit) });
            }
        }

        /// <summary>A week of <paramref name="perGroup"/> leads in each of four groups (decision maker or not, webinar or not), four in five decision makers and one in five others becoming SQLs.</summary>
        private void Week(int perGroup)
        {
            var number = 0;
            foreach (var decisionMaker in new[] { true, false })
            {
                foreach (var webinar in new[] { true, false })
                {
                    for (var index = 0; index < perGroup; index++)
                    {
                        Lead(number++, decisionMaker, webinar, decisionMaker ? index % 5 != 0 : index % 5 == 0);
                        Org.Advance(TimeSpan.FromMinutes(30));
                    }
                }
            }

            Org.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(30 * 4 * perGroup));
        }

        private OrganizationResponse Propose(Guid user, DateTime heldOutStart) => Org.As(user).Execute(new OrganizationRequest(ProposeScoringModelPlugin.ApiName)
        {
            ["TrainingStart"] = _start,
            ["HeldOutStart"] = heldOutStart,
        });

        [Fact]
        public void A_marketer_gets_a_proposed_version_that_rewards_what_made_SQLs_and_beats_the_default_on_later_leads()
        {
            // Weeks one and two: 4 groups × 13 = 52 leads a week. In a group of 13, indexes 0, 5 and 10 have index % 5 == 0, so a
            // group of decision makers makes 10 SQLs and 3 rejections, a group of others 3 SQLs and 10 rejections: 26 SQLs and 26
            // rejections a week, 52 and 52 over the training weeks (over the bar of 40 each). Week three (5 a group) is held out.
            Week(13);
            Week(13);
            var heldOutStart = Org.UtcNow;
            Week(5);
            Org.Log.Clear();

            var response = Propose(_fixture.Marketer, heldOutStart);

            var proposed = (EntityReference)response["ProposedModel"];
            var version = Org.Get(ScoringModelTable.EntityName, proposed.Id)!;
            var original = new Guid("1ead5c0e-a000-4000-8000-000000000001");
            Assert.Equal("LeadAlign default v2", version.GetAttributeValue<string>(ScoringModelTable.Name));
            Assert.Equal((int)ModelVersionStatus.Proposed, version.GetAttributeValue<OptionSetValue>(ScoringModelTable.VersionStatus).Value);
            Assert.False(version.GetAttributeValue<bool>(ScoringModelTable.IsActive));
            Assert.Equal(original, version.GetAttributeValue<EntityReference>(ScoringModelTable.BasedOnModelId).Id);
            Assert.Equal(104, version.GetAttributeValue<int>(ScoringModelTable.TrainingLeads));
            Assert.Equal(20, version.GetAttributeValue<int>(ScoringModelTable.HeldOutLeads));
            Assert.True(Org.Get(ScoringModelTable.EntityName, original)!.GetAttributeValue<bool>(ScoringModelTable.IsActive), "A proposal changes nothing live.");

            // The truth rewards the decision maker (default: 10 points) and ignores webinars (default: 20 points).
            var decisionMaker = Rule(proposed.Id, "Is the decision maker");
            var webinar = Rule(proposed.Id, "Webinar attended");
            Assert.Equal(10, decisionMaker.GetAttributeValue<int>(ScoringRuleTable.PreviousPoints));
            Assert.True(decisionMaker.GetAttributeValue<int>(ScoringRuleTable.Points) >= 15, "the decision maker's proposed points: " + decisionMaker.GetAttributeValue<int>(ScoringRuleTable.Points));
            Assert.Equal(52, decisionMaker.GetAttributeValue<int>(ScoringRuleTable.TrainingHits));
            Assert.True(decisionMaker.GetAttributeValue<int>(ScoringRuleTable.PointsLow) > 0);
            Assert.Equal(20, webinar.GetAttributeValue<int>(ScoringRuleTable.PreviousPoints));
            Assert.InRange(webinar.GetAttributeValue<int>(ScoringRuleTable.Points), -8, 8);
            Assert.Equal(Rule(original, "Is the decision maker").Id, decisionMaker.GetAttributeValue<EntityReference>(ScoringRuleTable.BasedOnRuleId).Id);

            // A rule that never fired keeps its points and says why.
            var meeting = Rule(proposed.Id, "Met the sales rep");
            Assert.Equal(15, meeting.GetAttributeValue<int>(ScoringRuleTable.Points));
            Assert.Contains("Never fired", meeting.GetAttributeValue<string>(ScoringRuleTable.FitNote), StringComparison.Ordinal);

            // Held out: the default ranks a webinar above the decision maker; the proposal ranks by what made SQLs.
            var before = version.GetAttributeValue<decimal>(ScoringModelTable.HeldOutAucBefore);
            var after = version.GetAttributeValue<decimal>(ScoringModelTable.HeldOutAucAfter);
            Assert.True(after > before + 0.1m, $"held-out AUC {before} → {after}");
            Assert.Contains("Back-test on 20 later leads", (string)response["Summary"], StringComparison.Ordinal);
            Assert.Contains("\"proposedModel\":\"LeadAlign default v2\"", (string)response["Proposal"], StringComparison.Ordinal);

            // Budget: the version and the lineage (three queries), one page of leads, the version and its 20 rules created.
            var call = Org.Log.Of(typeof(ProposeScoringModelPlugin)).Single();
            Assert.Equal(4, call.Calls("RetrieveMultiple"));
            Assert.Equal(1 + Org.All(ScoringRuleTable.EntityName).Count(rule => rule.GetAttributeValue<EntityReference>(ScoringRuleTable.ScoringModelId).Id == original), call.Calls("Create"));
        }

        [Fact]
        public void Once_both_teams_sign_the_proposal_new_leads_are_scored_with_it_and_one_rollback_restores_the_default()
        {
            Week(13);
            Week(13);
            var proposed = ((EntityReference)Propose(_fixture.Marketer, Org.UtcNow.AddDays(-3))["ProposedModel"]).Id;
            var salesManager = Org.AddUser("Sam Sales Manager");
            Org.AssignRole(salesManager, ShippedRoles.BaseRole);
            Org.AssignRole(salesManager, "LeadAlign Sales Manager");
            Org.AddFieldSecurityProfileMember("LeadAlign scoring approvers (marketing)", _fixture.Marketer);
            Org.AddFieldSecurityProfileMember("LeadAlign scoring approvers (sales)", salesManager);

            Org.As(_fixture.Marketer).Update(new Entity(ScoringModelTable.EntityName, proposed) { [ScoringModelTable.MarketingDecision] = new OptionSetValue((int)ApprovalDecision.Approved) });
            Assert.False(Org.Get(ScoringModelTable.EntityName, proposed)!.GetAttributeValue<bool>(ScoringModelTable.IsActive));
            Org.As(salesManager).Update(new Entity(ScoringModelTable.EntityName, proposed) { [ScoringModelTable.SalesDecision] = new OptionSetValue((int)ApprovalDecision.Approved) });
            Org.DrainAsync();

            Assert.True(Org.Get(ScoringModelTable.EntityName, proposed)!.GetAttributeValue<bool>(ScoringModelTable.IsActive));
            var decisionMakerPoints = Rule(proposed, "Is the decision maker").GetAttributeValue<int>(ScoringRuleTable.Points);
            var lead = Org.As(_fixture.Marketer).Create(new Entity("lead") { ["lastname"] = "Novak", ["jobtitle"] = "Analyst", ["decisionmaker"] = true });
            var scored = Org.Get("lead", lead)!;
            Assert.Equal(proposed, scored.GetAttributeValue<EntityReference>(LeadTable.ScoringModelId).Id);
            Assert.Contains("+" + decisionMakerPoints + " Is the decision maker", scored.GetAttributeValue<string>(LeadTable.ScoreReasons), StringComparison.Ordinal);

            Org.As(_fixture.Marketer).Execute(new OrganizationRequest("la_RollBackScoringModel"));
            Org.DrainAsync();
            Org.As(_fixture.Marketer).Execute(new OrganizationRequest("la_RecalculateLeadScores") { ["LeadIds"] = new[] { lead.ToString() } });

            Assert.Equal(new Guid("1ead5c0e-a000-4000-8000-000000000001"), Org.Get("lead", lead)!.GetAttributeValue<EntityReference>(LeadTable.ScoringModelId).Id);
            Assert.Contains("+10 Is the decision maker", Org.Get("lead", lead)!.GetAttributeValue<string>(LeadTable.ScoreReasons), StringComparison.Ordinal);
        }

        [Fact]
        public void Too_few_outcomes_propose_nothing_and_say_how_many_there_are()
        {
            Week(5);
            var heldOutStart = _start.AddDays(1);
            var modelsBefore = Org.All(ScoringModelTable.EntityName).Count;

            var fault = TestOrganization.Fault(() => Propose(_fixture.Marketer, heldOutStart));

            // Twenty leads, five in each group: 4 + 4 + 1 + 1 = 10 SQLs and 10 rejections.
            Assert.Contains("10 leads reached SQL and 10 did not; a proposal needs at least 40 of each. No version was proposed", fault.Message, StringComparison.Ordinal);
            Assert.Equal(modelsBefore, Org.All(ScoringModelTable.EntityName).Count);
        }

        [Fact]
        public void A_sales_rep_may_not_propose_and_periods_out_of_order_are_refused()
        {
            var refused = TestOrganization.Fault(() => Propose(_fixture.Reps[0], _start.AddDays(7)));
            Assert.Contains("prvCreatela_scoringmodel", refused.Message, StringComparison.Ordinal);

            var backwards = TestOrganization.Fault(() => Propose(_fixture.Marketer, _start.AddDays(-1)));
            Assert.Contains("out of order", backwards.Message, StringComparison.Ordinal);
        }
    }
}
