using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Scoring.Fitting;
using Xunit;

namespace LeadAlign.Tests.Scoring.Fitting
{
    /// <summary>Proposing points and thresholds from training leads: the bar of outcomes, rules kept for want of data, the points scale.</summary>
    public sealed class PointsProposalTests
    {
        private static readonly Guid Title = new("a1000000-0000-0000-0000-000000000001");
        private static readonly Guid Size = new("a1000000-0000-0000-0000-000000000002");
        private static readonly Guid Webinar = new("a1000000-0000-0000-0000-000000000003");
        private static readonly Guid Fax = new("a1000000-0000-0000-0000-000000000004");
        private static readonly Guid Demo = new("a1000000-0000-0000-0000-000000000005");

        private static readonly FitScale Scale = new(mqlThreshold: 60, warmThreshold: 35, hotThreshold: 70);

        [Fact]
        public void Thirty_nine_leads_that_reached_SQL_are_too_few_and_nothing_is_proposed()
        {
            var rules = new[] { new FitRule(Title, "Title is VP", false, 20, null) };
            var training = FitData.Leads(30, true, Title).Concat(FitData.Leads(9, true)).Concat(FitData.Leads(10, false, Title)).Concat(FitData.Leads(30, false)).ToList();

            var proposal = PointsProposal.Propose(rules, training, Scale);

            Assert.Equal("39 leads reached SQL and 40 did not; a proposal needs at least 40 of each", proposal.Refusal);
            Assert.Empty(proposal.Rules);
            Assert.Same(Scale, proposal.Scale);
            Assert.Equal((79, 39, 40), (proposal.TrainingCases, proposal.Reached, proposal.NotReached));
        }

        [Fact]
        public void Forty_of_each_is_enough_and_every_rule_gets_a_proposal()
        {
            var rules = new[] { new FitRule(Title, "Title is VP", false, 20, null), new FitRule(Fax, "Has a fax number", false, 5, null) };
            var training = FitData.Leads(30, true, Title).Concat(FitData.Leads(10, true)).Concat(FitData.Leads(10, false, Title)).Concat(FitData.Leads(30, false)).ToList();

            var proposal = PointsProposal.Propose(rules, training, Scale);

            Assert.Null(proposal.Refusal);
            Assert.Equal(new[] { Title, Fax }, proposal.Rules.Select(rule => rule.Key));
            Assert.Equal((80, 40, 40), (proposal.TrainingCases, proposal.Reached, proposal.NotReached));
        }

        [Fact]
        public void A_rule_that_never_fired_or_fired_for_seven_leads_keeps_its_points_and_says_why()
        {
            // 40 reached, 40 not. Title fires for 30 + 10; Webinar for 5 reached and 2 not; Fax never; Size for exactly 10 (6 + 4).
            var rules = new[]
            {
                new FitRule(Title, "Title is VP", false, 20, null),
                new FitRule(Webinar, "Attended a webinar", true, 8, 24),
                new FitRule(Fax, "Has a fax number", false, 5, null),
                new FitRule(Size, "Company over 500", false, 10, null),
            };
            var training = FitData.Leads(5, true, Title, Webinar).Concat(FitData.Leads(6, true, Title, Size)).Concat(FitData.Leads(19, true, Title))
                .Concat(FitData.Leads(10, true))
                .Concat(FitData.Leads(2, false, Title, Webinar)).Concat(FitData.Leads(4, false, Size)).Concat(FitData.Leads(8, false, Title))
                .Concat(FitData.Leads(26, false)).ToList();

            var proposal = PointsProposal.Propose(rules, training, Scale);

            var webinar = proposal.Rules.Single(rule => rule.Key == Webinar);
            Assert.Equal("Fired for 7 leads; 10 are needed to fit its points", webinar.Note);
            Assert.Equal((8, 8, 8, 8), (webinar.OldPoints, webinar.NewPoints, webinar.PointsLow, webinar.PointsHigh));
            Assert.Equal((7, 5), (webinar.Hits, webinar.ReachedWithHit));
            // Lift: (5/7) / (40/80) = 1.428571
            Assert.Equal(5.0 / 7 / 0.5, webinar.Lift!.Value, 9);
            Assert.False(webinar.NeverFired);

            var fax = proposal.Rules.Single(rule => rule.Key == Fax);
            Assert.Equal("Never fired in the training period", fax.Note);
            Assert.True(fax.NeverFired);
            Assert.Equal((5, 5, 5), (fax.NewPoints, fax.PointsLow, fax.PointsHigh));
            Assert.Null(fax.Lift);

            var size = proposal.Rules.Single(rule => rule.Key == Size);
            Assert.Null(size.Note);
            Assert.True(size.Fitted);
            Assert.True(size.PointsLow < size.PointsHigh);
            Assert.True(proposal.Rules.Single(rule => rule.Key == Title).Fitted);
        }

        [Fact]
        public void One_rule_keeps_its_points_and_its_interval_comes_from_the_two_by_two_table()
        {
            // Title (100 points) fired for 30 reached and 10 not; 10 reached and 30 not without it. Without penalty:
            //   b = ln(30·30 / (10·10)) = ln 9 = 2.197225, SE = √(1/30 + 1/10 + 1/10 + 1/30) = 0.516398
            //   old scores are 100 × units, the linear predictor b × units: s = sd(old) / sd(predictor) = 100 / b = 45.511961
            //   points = round(45.511961 × 2.197225) = 100; 1.96 × SE / b = 1.012140 / 2.197225 = 0.460642, so the interval is
            //   round(100 × (1 ∓ 0.460642)) = round(53.936) = 54 to round(146.064) = 146
            var rules = new[] { new FitRule(Title, "Title is VP", false, 100, null) };
            var training = FitData.Leads(30, true, Title).Concat(FitData.Leads(10, false, Title)).Concat(FitData.Leads(10, true)).Concat(FitData.Leads(30, false)).ToList();

            var proposal = PointsProposal.Propose(rules, training, Scale, lambda: 0);

            Assert.Equal(100 / Math.Log(9), proposal.PointsPerLogit, 6);
            var title = proposal.Rules.Single();
            Assert.Equal((100, 100, 54, 146), (title.OldPoints, title.NewPoints, title.PointsLow, title.PointsHigh));
            Assert.Equal((40, 30), (title.Hits, title.ReachedWithHit));
            // Lift: (30/40) / (40/80) = 1.5
            Assert.Equal(1.5, title.Lift!.Value, 9);
        }

        [Fact]
        public void Two_rules_swap_their_weight_and_the_thresholds_follow_by_quantile()
        {
            // 40 leads in each cell of Title × Size, reached / not reached, so the odds multiply exactly (no interaction):
            //   neither 10/30 (odds 1/3), Title only 30/10 (3, ×9), Size only 20/20 (1, ×3), both 36/4 (9 = 1/3 × 9 × 3).
            // Without penalty the fit reproduces them: b(Title) = ln 9, b(Size) = ln 3.
            // Old points Title 10, Size 20; Title and Size independent, each on half the leads:
            //   sd(old) = √(10² × ¼ + 20² × ¼) = √125; sd(predictor) = ln 3 × √(2² × ¼ + 1² × ¼) = ln 3 × √1.25
            //   s = √125 / (ln 3 × √1.25) = 10 / ln 3; points: Title = 10 / ln 3 × 2 ln 3 = 20, Size = 10 / ln 3 × ln 3 = 10.
            // Scores (40 leads each) old → new: neither 0 → 0, Title 10 → 20, Size 20 → 10, both 30 → 30.
            //   warm 10: 120 leads at or above → lowest t with (new ≥ t) ≤ 120 is 1 (t = 0 lets all 160 in)
            //   MQL 20:  80 → t = 11 (20 and 30; t = 10 would let 120 in)
            //   hot 30:  40 → t = 21
            var rules = new[] { new FitRule(Title, "Title is VP", false, 10, null), new FitRule(Size, "Company over 500", false, 20, null) };
            var training = FitData.Leads(10, true).Concat(FitData.Leads(30, false))
                .Concat(FitData.Leads(30, true, Title)).Concat(FitData.Leads(10, false, Title))
                .Concat(FitData.Leads(20, true, Size)).Concat(FitData.Leads(20, false, Size))
                .Concat(FitData.Leads(36, true, Title, Size)).Concat(FitData.Leads(4, false, Title, Size)).ToList();

            var proposal = PointsProposal.Propose(rules, training, new FitScale(mqlThreshold: 20, warmThreshold: 10, hotThreshold: 30), lambda: 0);

            Assert.Null(proposal.Refusal);
            Assert.Equal(10 / Math.Log(3), proposal.PointsPerLogit, 6);
            Assert.Equal(new[] { 20, 10 }, proposal.Rules.Select(rule => rule.NewPoints));
            Assert.Equal((11, 1, 21), (proposal.Scale.MqlThreshold, proposal.Scale.WarmThreshold, proposal.Scale.HotThreshold));
        }

        [Fact]
        public void A_rule_the_outcomes_reward_but_the_model_ignores_gains_points_and_one_the_model_rewards_for_nothing_loses_them()
        {
            // The simulator's situation. Truth: logit = -1.5 + 0.8 per demo request (0 to 3) + 1.0 for a large company; the title
            // does nothing. The model gives demo requests 0 points, the title 20 and size 15. 4,000 leads from new Random(3).
            var rules = new[]
            {
                new FitRule(Demo, "Requested a demo", true, 0, 30),
                new FitRule(Title, "Title is VP", false, 20, null),
                new FitRule(Size, "Company over 500", false, 15, null),
            };
            var random = new Random(3);
            var training = new List<FitCase>();
            for (var i = 0; i < 4000; i++)
            {
                var demos = random.Next(4);
                var title = random.NextDouble() < 0.5;
                var large = random.NextDouble() < 0.4;
                var reached = random.NextDouble() < FitData.Sigmoid(-1.5 + 0.8 * demos + (large ? 1.0 : 0));
                var units = new List<KeyValuePair<Guid, double>>();
                if (demos > 0) units.Add(FitData.Units(Demo, demos));
                if (title) units.Add(FitData.Units(Title, 1));
                if (large) units.Add(FitData.Units(Size, 1));
                training.Add(FitData.Lead(reached, reached, i % 28, units.ToArray()));
            }

            var proposal = PointsProposal.Propose(rules, training, Scale);

            var demo = proposal.Rules.Single(rule => rule.Key == Demo);
            var vp = proposal.Rules.Single(rule => rule.Key == Title);
            var size = proposal.Rules.Single(rule => rule.Key == Size);
            Assert.InRange(demo.NewPoints, 5, 20);
            Assert.True(demo.PointsLow > 0, $"demo interval {demo.PointsLow}..{demo.PointsHigh}");
            Assert.InRange(vp.NewPoints, -2, 2);
            Assert.InRange(0, vp.PointsLow, vp.PointsHigh);
            Assert.True(size.NewPoints > 5, $"size {size.NewPoints}");
        }
    }
}
