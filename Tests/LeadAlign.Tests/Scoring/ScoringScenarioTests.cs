using System;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Plugins.Handoffs;
using LeadAlign.Plugins.Scoring;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Scoring
{
    /// <summary>Lead scoring in an organization with LeadAlign imported, its default scoring model included.</summary>
    public sealed class ScoringScenarioTests
    {
        private const int WebinarAttendance = (int)InteractionType.WebinarAttendance;
        private const int FormSubmission = (int)InteractionType.FormSubmission;
        private readonly InMemoryDataverse _org = LeadAlignOrganization.Start();
        private readonly Guid _marketer;
        private readonly Guid _rep;

        public ScoringScenarioTests()
        {
            _marketer = _org.AddUser("Mia Marketing");
            _rep = _org.AddUser("Rita Rep");
        }

        private Entity Lead(Guid id) => _org.Get("lead", id)!;

        private Guid Interaction(Guid lead, int type, string subject = "Webinar: pipeline reviews") =>
            _org.As(_marketer).Create(new Entity(MarketingInteractionTable.EntityName)
            {
                ["subject"] = subject,
                [MarketingInteractionTable.InteractionType] = new OptionSetValue(type),
                ["regardingobjectid"] = new EntityReference("lead", lead),
            });

        private Entity Rule(string name) => _org.All(ScoringRuleTable.EntityName).Single(rule => rule.GetAttributeValue<string>(ScoringRuleTable.Name) == name);

        [Fact]
        public void The_solution_imports_one_active_default_model_with_its_rules_validated()
        {
            var model = Assert.Single(_org.All(ScoringModelTable.EntityName));
            var rules = _org.All(ScoringRuleTable.EntityName);

            Assert.True(model.GetAttributeValue<bool>(ScoringModelTable.IsActive));
            Assert.InRange(rules.Count, 10, 20);
            Assert.All(rules.Where(rule => rule.GetAttributeValue<OptionSetValue>(ScoringRuleTable.Category).Value == (int)ScoreCategory.Fit), rule => Assert.NotNull(rule.GetAttributeValue<string>(ScoringRuleTable.ColumnType)));
            Assert.Equal("7;16;20;6;21", Rule("Industry is a target industry").GetAttributeValue<string>(ScoringRuleTable.NormalizedValue));
        }

        [Fact]
        public void A_new_lead_is_scored_with_band_reasons_time_and_model()
        {
            var id = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak", ["jobtitle"] = "Sales Director", ["numberofemployees"] = 500, ["emailaddress1"] = "ann@gmail.com" });

            var lead = Lead(id);
            Assert.Equal(20, lead.GetAttributeValue<int>(LeadTable.FitScore));
            Assert.Equal(0m, lead.GetAttributeValue<decimal>(LeadTable.EngagementScore));
            Assert.Equal(20, lead.GetAttributeValue<int>(LeadTable.Score));
            Assert.Equal((int)ScoreBand.Cold, lead.GetAttributeValue<OptionSetValue>(LeadTable.ScoreBand).Value);
            Assert.Equal("+20 Job title contains Director or VP\n+15 Company has 200 or more employees\n\u221215 Email domain is a free mail provider", lead.GetAttributeValue<string>(LeadTable.ScoreReasons));
            Assert.Equal(_org.UtcNow, lead.GetAttributeValue<DateTime>(LeadTable.ScoredOn));
            Assert.Equal(new Guid("1ead5c0e-a000-4000-8000-000000000001"), lead.GetAttributeValue<EntityReference>(LeadTable.ScoringModelId).Id);
        }

        [Fact]
        public void Changing_a_column_a_fit_rule_reads_rescores_the_lead_and_changing_another_does_not_run_the_step()
        {
            var id = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak", ["jobtitle"] = "Analyst" });
            _org.Log.Clear();

            _org.As(_rep).Update(new Entity("lead", id) { ["description"] = "Met at the fair" });
            Assert.Empty(_org.Log.Of(typeof(ScoreLeadPlugin)));

            _org.As(_rep).Update(new Entity("lead", id) { ["jobtitle"] = "Chief Revenue Officer", ["industrycode"] = new OptionSetValue(16) });
            Assert.Single(_org.Log.Of(typeof(ScoreLeadPlugin)));
            Assert.Equal(35, Lead(id).GetAttributeValue<int>(LeadTable.Score));
            Assert.Equal((int)ScoreBand.Warm, Lead(id).GetAttributeValue<OptionSetValue>(LeadTable.ScoreBand).Value);
        }

        [Fact]
        public void A_webinar_attended_adds_engagement_that_decays_with_the_half_life()
        {
            var id = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak", ["companyname"] = "Contoso" });

            Interaction(id, WebinarAttendance);
            Assert.Equal(20m, Lead(id).GetAttributeValue<decimal>(LeadTable.EngagementScore));
            Assert.Equal("+20 Webinar attended today", Lead(id).GetAttributeValue<string>(LeadTable.ScoreReasons));

            _org.Advance(TimeSpan.FromDays(14));
            _org.As(_rep).Update(new Entity("lead", id) { ["jobtitle"] = "Buyer" });

            var lead = Lead(id);
            Assert.Equal(10m, lead.GetAttributeValue<decimal>(LeadTable.EngagementScore));
            Assert.Equal(10, lead.GetAttributeValue<int>(LeadTable.Score));
            Assert.Equal("+10 Webinar attended 14 days ago (20, decayed)", lead.GetAttributeValue<string>(LeadTable.ScoreReasons));
        }

        [Fact]
        public void Engagement_stops_at_the_rule_cap()
        {
            var id = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak" });

            for (var webinar = 0; webinar < 4; webinar++)
            {
                Interaction(id, WebinarAttendance, "Webinar " + webinar);
            }

            Assert.Equal(40m, Lead(id).GetAttributeValue<decimal>(LeadTable.EngagementScore));
            Assert.Equal("+40 Webinar attended today", Lead(id).GetAttributeValue<string>(LeadTable.ScoreReasons));
        }

        [Fact]
        public void An_activity_records_what_it_applied_and_an_update_that_changes_nothing_scores_nothing()
        {
            var id = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak" });
            var form = Interaction(id, FormSubmission, "Contact us form");
            var applied = _org.Get(MarketingInteractionTable.EntityName, form)!.GetAttributeValue<string>(MarketingInteractionTable.EngagementApplied);
            _org.Log.Clear();

            _org.As(_marketer).Update(new Entity(MarketingInteractionTable.EntityName, form) { ["regardingobjectid"] = new EntityReference("lead", id) });

            Assert.Contains(Rule("Form submitted").Id.ToString("D") + ":15", applied);
            Assert.Equal(15m, Lead(id).GetAttributeValue<decimal>(LeadTable.EngagementScore));
            Assert.Equal(0, _org.Log.Of(typeof(ApplyEngagementPlugin)).Single().TotalCalls);
            Assert.Empty(_org.Log.Of(typeof(ScoreLeadPlugin)));
        }

        [Fact]
        public void Emails_count_by_direction()
        {
            var id = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak" });

            _org.As(_rep).Create(new Entity("email") { ["subject"] = "Intro", ["directioncode"] = true, ["regardingobjectid"] = new EntityReference("lead", id) });
            Assert.Equal(0m, Lead(id).GetAttributeValue<decimal>(LeadTable.EngagementScore));

            _org.As(_rep).Create(new Entity("email") { ["subject"] = "RE: Intro", ["directioncode"] = false, ["regardingobjectid"] = new EntityReference("lead", id) });
            Assert.Equal(10m, Lead(id).GetAttributeValue<decimal>(LeadTable.EngagementScore));
            Assert.Equal("+10 Replied by email today", Lead(id).GetAttributeValue<string>(LeadTable.ScoreReasons));
        }

        [Fact]
        public void Saving_a_lead_costs_two_calls_with_a_cold_model_cache_and_none_when_warm()
        {
            var cold = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Cold" });
            var warm = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Warm" });

            var runs = _org.Log.Of(typeof(ScoreLeadPlugin));
            Assert.Equal(1, runs[0].Calls("RetrieveMultiple"));
            Assert.Equal(1, runs[0].Calls("RetrieveEntity"));
            Assert.Equal(2, runs[0].TotalCalls);
            Assert.Equal(0, runs[1].TotalCalls);
            Assert.NotEqual(cold, warm);
        }

        [Fact]
        public void A_model_reload_within_the_hour_reads_the_model_but_not_leads_columns_again()
        {
            _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Cold" });
            _org.Advance(ScoringModelCache.MaxAge + TimeSpan.FromSeconds(1));
            _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Reloaded" });
            _org.Advance(TimeSpan.FromMinutes(60) - ScoringModelCache.MaxAge);
            _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Past the hour" });

            var runs = _org.Log.Of(typeof(ScoreLeadPlugin));
            Assert.Equal(new[] { 1, 1 }, new[] { runs[0].Calls("RetrieveMultiple"), runs[0].Calls("RetrieveEntity") });
            Assert.Equal(new[] { 1, 0 }, new[] { runs[1].Calls("RetrieveMultiple"), runs[1].Calls("RetrieveEntity") });
            Assert.Equal(new[] { 1, 1 }, new[] { runs[2].Calls("RetrieveMultiple"), runs[2].Calls("RetrieveEntity") });
        }

        [Fact]
        public void An_activity_costs_two_calls_and_none_when_it_regards_no_lead()
        {
            var id = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak" });
            var account = _org.As(_rep).Create(new Entity("account") { ["name"] = "Contoso" });
            _org.Log.Clear();

            Interaction(id, WebinarAttendance);
            _org.As(_rep).Create(new Entity("phonecall") { ["subject"] = "Call Contoso", ["regardingobjectid"] = new EntityReference("account", account) });

            // Two updates of the lead: one that changes nothing takes its row lock, then the one whose scoring step counts the rules
            // on the ledger of its pre-image, read while this transaction holds the lock (Load/ConcurrentProcessTests checks the
            // points are exact when activities on one lead are saved at once).
            var apply = _org.Log.Of(typeof(ApplyEngagementPlugin));
            Assert.Equal(2, apply[0].TotalCalls);
            Assert.Equal(2, apply[0].Calls("Update"));
            Assert.Equal(0, apply[1].TotalCalls);
            Assert.All(_org.Log.Of(typeof(EngagementPointsPlugin)), run => Assert.Equal(0, run.TotalCalls));
            var scoring = _org.Log.Of(typeof(ScoreLeadPlugin)).Single();
            Assert.Equal(0, scoring.TotalCalls);
            Assert.Equal(2, scoring.Depth);
            Assert.Contains(Rule("Webinar attended").Id.ToString("N"), Lead(id).GetAttributeValue<string>(LeadTable.EngagementLedger));
            Assert.DoesNotContain(EngagementToApply.Pending, Lead(id).GetAttributeValue<string>(LeadTable.EngagementLedger));
        }

        [Fact]
        public void Changing_a_rule_takes_effect_on_the_next_save_without_waiting_for_the_cache()
        {
            _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Warm-up" });
            _org.As(_marketer).Update(new Entity(ScoringRuleTable.EntityName, Rule("Company has 200 or more employees").Id) { [ScoringRuleTable.Points] = 30 });

            var id = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak", ["numberofemployees"] = 300 });

            Assert.Equal(30, Lead(id).GetAttributeValue<int>(LeadTable.Score));
        }

        [Fact]
        public void A_change_the_cache_was_not_told_about_shows_within_the_cache_maximum_age()
        {
            _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Warm-up" });
            var rule = Rule("Company has 200 or more employees");
            rule[ScoringRuleTable.Points] = 30;
            _org.Store.Put(rule);

            var early = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Early", ["numberofemployees"] = 300 });
            _org.Advance(ScoringModelCache.MaxAge + TimeSpan.FromSeconds(1));
            var late = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Late", ["numberofemployees"] = 300 });

            Assert.Equal(15, Lead(early).GetAttributeValue<int>(LeadTable.Score));
            Assert.Equal(30, Lead(late).GetAttributeValue<int>(LeadTable.Score));
        }

        [Fact]
        public void Activating_another_model_deactivates_the_old_one_and_leads_score_with_the_new()
        {
            var strict = _org.As(_marketer).Create(new Entity(ScoringModelTable.EntityName) { [ScoringModelTable.Name] = "Strict", [ScoringModelTable.MqlThreshold] = 80, [ScoringModelTable.WarmThreshold] = 10, [ScoringModelTable.HotThreshold] = 50, [ScoringModelTable.HalfLifeDays] = 7m });
            _org.As(_marketer).Create(new Entity(ScoringRuleTable.EntityName)
            {
                [ScoringRuleTable.Name] = "Works in consulting",
                [ScoringRuleTable.ScoringModelId] = new EntityReference(ScoringModelTable.EntityName, strict),
                [ScoringRuleTable.Category] = new OptionSetValue((int)ScoreCategory.Fit),
                [ScoringRuleTable.Points] = 12,
                [ScoringRuleTable.IsActive] = true,
                [ScoringRuleTable.Column] = "industrycode",
                [ScoringRuleTable.Operator] = new OptionSetValue((int)FitOperator.Equals),
                [ScoringRuleTable.Value] = "consulting",
            });

            _org.As(_marketer).Update(new Entity(ScoringModelTable.EntityName, strict) { [ScoringModelTable.IsActive] = true });
            var id = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak", ["industrycode"] = new OptionSetValue(7), ["numberofemployees"] = 500 });

            Assert.Equal(new[] { strict }, _org.All(ScoringModelTable.EntityName).Where(model => model.GetAttributeValue<bool>(ScoringModelTable.IsActive)).Select(model => model.Id));
            Assert.Equal(12, Lead(id).GetAttributeValue<int>(LeadTable.Score));
            Assert.Equal("+12 Works in consulting", Lead(id).GetAttributeValue<string>(LeadTable.ScoreReasons));
        }

        [Fact]
        public void A_rule_a_column_change_made_stale_is_skipped_and_the_lead_still_saves()
        {
            var rule = Rule("Company has 200 or more employees");
            rule[ScoringRuleTable.ColumnType] = "String";
            rule[ScoringRuleTable.Operator] = new OptionSetValue((int)FitOperator.GreaterThan);
            _org.Store.Put(rule);

            var id = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak", ["numberofemployees"] = 500, ["jobtitle"] = "VP Sales" });

            Assert.Equal(20, Lead(id).GetAttributeValue<int>(LeadTable.Score));
            Assert.Contains("'Company has 200 or more employees'", _org.Log.Of(typeof(ScoreLeadPlugin)).Last().Trace);
        }
    }
}
