using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Scoring
{
    /// <summary>The arithmetic of a score: caps, negative points, decay with a half-life, bands and the text of the reasons.</summary>
    public sealed class LeadScorerTests
    {
        private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        private static readonly ScoringRule Director = new(new Guid("00000000-0000-4000-8000-0000000000d1"), "Job title contains Director", ScoreCategory.Fit, 20, null) { Column = "jobtitle", ColumnType = "String", Operator = FitOperator.Contains, NormalizedValue = "Director" };
        private static readonly ScoringRule FreeMail = new(new Guid("00000000-0000-4000-8000-0000000000d2"), "Email domain is a free mail provider", ScoreCategory.Fit, -15, null) { Column = "emailaddress1", ColumnType = "String", Operator = FitOperator.Contains, NormalizedValue = "@gmail." };
        private static readonly ScoringRule BigCompany = new(new Guid("00000000-0000-4000-8000-0000000000d3"), "Company has 200 or more employees", ScoreCategory.Fit, 40, 25) { Column = "numberofemployees", ColumnType = "Integer", Operator = FitOperator.GreaterThan, NormalizedValue = "199" };
        private static readonly ScoringRule Webinar = new(new Guid("00000000-0000-4000-8000-0000000000e1"), "Webinar attended", ScoreCategory.Engagement, 20, 40) { ActivityKind = ActivityKind.MarketingInteraction, InteractionType = InteractionType.WebinarAttendance };

        private static ScoringModel Model(params ScoringRule[] rules) => new(Guid.NewGuid(), "Test", 60, 30, 60, 14m, new List<IReadOnlyList<string>>(), rules);

        private static Entity Lead => new("lead") { ["jobtitle"] = "Sales Director", ["emailaddress1"] = "ann@gmail.com", ["numberofemployees"] = 500 };

        [Fact]
        public void Fit_points_add_up_with_caps_and_negative_points_and_the_reasons_list_the_largest_first()
        {
            var score = LeadScorer.Score(Model(Director, FreeMail, BigCompany), Lead, new EngagementLedger(), Now, _ => { });

            Assert.Equal(30, score.Fit);
            Assert.Equal(30, score.Score);
            Assert.Equal("+25 Company has 200 or more employees\n+20 Job title contains Director\n\u221215 Email domain is a free mail provider", score.Reasons);
        }

        [Fact]
        public void Engagement_halves_after_one_half_life_and_the_reason_shows_what_was_earned()
        {
            var ledger = new EngagementLedger();
            ledger.Count(Webinar, Now.AddDays(-14), Now.AddDays(-14), 14m);

            var score = LeadScorer.Score(Model(Webinar), new Entity("lead"), ledger, Now, _ => { });

            Assert.Equal(10m, score.Engagement);
            Assert.Equal("+10 Webinar attended 14 days ago (20, decayed)", score.Reasons);
        }

        [Fact]
        public void Fresh_engagement_is_shown_undecayed_as_earned_today()
        {
            var ledger = new EngagementLedger();
            ledger.Count(Webinar, Now, Now, 14m);

            var score = LeadScorer.Score(Model(Webinar), new Entity("lead"), ledger, Now, _ => { });

            Assert.Equal("+20 Webinar attended today", score.Reasons);
        }

        [Fact]
        public void Decay_compounds_over_a_long_gap_until_the_points_no_longer_show()
        {
            var ledger = new EngagementLedger();
            ledger.Count(Webinar, Now, Now, 14m);

            var afterThreeHalfLives = LeadScorer.Score(Model(Webinar), new Entity("lead"), ledger, Now.AddDays(42), _ => { });
            var afterAYear = LeadScorer.Score(Model(Webinar), new Entity("lead"), EngagementLedger.Parse(afterThreeHalfLives.Ledger.ToString()), Now.AddDays(365), _ => { });

            Assert.Equal(2.5m, afterThreeHalfLives.Engagement);
            Assert.Equal(0m, afterAYear.Engagement);
            Assert.Equal(string.Empty, afterAYear.Reasons);
        }

        [Fact]
        public void A_clock_moved_backwards_decays_nothing_and_adds_nothing()
        {
            var ledger = new EngagementLedger();
            ledger.Count(Webinar, Now, Now, 14m);

            var score = LeadScorer.Score(Model(Webinar), new Entity("lead"), ledger, Now.AddDays(-3), _ => { });

            Assert.Equal(20m, score.Engagement);
        }

        [Fact]
        public void An_engagement_rule_stops_at_its_cap()
        {
            var ledger = new EngagementLedger();

            for (var webinar = 0; webinar < 3; webinar++)
            {
                ledger.Count(Webinar, Now, Now, 14m);
            }

            var score = LeadScorer.Score(Model(Webinar), new Entity("lead"), ledger, Now, _ => { });
            Assert.Equal(40m, score.Engagement);
            Assert.Equal("+40 Webinar attended today", score.Reasons);
        }

        [Fact]
        public void The_ledger_survives_its_text_form()
        {
            var ledger = new EngagementLedger();
            ledger.Count(Webinar, Now.AddDays(-1), Now, 14m);

            var read = EngagementLedger.Parse(ledger.ToString());

            Assert.Equal(ledger.ToString(), read.ToString());
            var entry = Assert.Single(read.Entries);
            Assert.Equal(Webinar.Id, entry.RuleId);
            Assert.Equal(Now.AddDays(-1), entry.LastEvent);
            Assert.Equal(Math.Round(20m * EngagementLedger.DecayFactor(Now.AddDays(-1), Now, 14m), 4), entry.Points);
        }

        [Fact]
        public void Engagement_and_the_total_stay_within_their_columns_however_much_is_earned()
        {
            var uncapped = new ScoringRule(new Guid("00000000-0000-4000-8000-0000000000e2"), "Met the sales rep", ScoreCategory.Engagement, 1000, null) { ActivityKind = ActivityKind.Appointment };
            var ledger = new EngagementLedger();
            for (var meeting = 0; meeting < 150; meeting++)
            {
                ledger.Count(uncapped, Now, Now, 14m);
            }

            var traced = new List<string>();
            var score = LeadScorer.Score(Model(uncapped, Director), Lead, ledger, Now, traced.Add);

            Assert.Equal(ScoreColumns.EngagementMax, score.Engagement);
            Assert.Equal(20, score.Fit);
            Assert.Equal(ScoreColumns.ScoreMax, score.Score);
            Assert.Contains(traced, line => line.Contains("engagement 150000 are kept as 20 and 100000", StringComparison.Ordinal));
        }

        [Fact]
        public void A_ledger_of_more_rules_than_its_column_holds_keeps_the_rules_with_the_most_points()
        {
            var rules = Enumerable.Range(1, 2000)
                .Select(index => new ScoringRule(new Guid(index, 0, 0, new byte[8]), "Rule " + index, ScoreCategory.Engagement, index % 500 + 1, null) { ActivityKind = ActivityKind.Task })
                .ToArray();
            var ledger = new EngagementLedger();
            foreach (var rule in rules)
            {
                ledger.Count(rule, Now, Now, 14m);
            }

            var traced = new List<string>();
            LeadScorer.Score(Model(rules), new Entity("lead"), ledger, Now, traced.Add);

            Assert.InRange(ledger.ToString().Length, ScoreColumns.LedgerMaxLength - 200, ScoreColumns.LedgerMaxLength);
            var smallestKept = ledger.Entries.Min(entry => entry.Points);
            Assert.All(rules.Where(rule => rule.Points > smallestKept), rule => Assert.Contains(ledger.Entries, entry => entry.RuleId == rule.Id));
            Assert.Contains(traced, line => line.Contains("rules with the fewest were dropped", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(29, (int)ScoreBand.Cold)]
        [InlineData(30, (int)ScoreBand.Warm)]
        [InlineData(59, (int)ScoreBand.Warm)]
        [InlineData(60, (int)ScoreBand.Hot)]
        public void The_band_follows_the_model_thresholds(int score, int band)
        {
            Assert.Equal((ScoreBand)band, Model().BandOf(score));
        }

        [Fact]
        public void A_stale_rule_is_skipped_and_traced_while_the_others_score()
        {
            var stale = new ScoringRule(Guid.NewGuid(), "Employees contain 5", ScoreCategory.Fit, 50, null) { Column = "numberofemployees", ColumnType = "Integer", Operator = FitOperator.Contains, NormalizedValue = "5" };
            var traced = new List<string>();

            var score = LeadScorer.Score(Model(Director, stale), Lead, new EngagementLedger(), Now, traced.Add);

            Assert.Equal(20, score.Fit);
            Assert.Contains(traced, line => line.Contains("'Employees contain 5'") && line.Contains("skipped"));
        }
    }
}
