using System;
using LeadAlign.Scoring.Fitting;
using Xunit;

namespace LeadAlign.Tests.Scoring.Fitting
{
    /// <summary>Back-testing a proposal on held-out leads, against a hand count.</summary>
    public sealed class ScoreBackTestTests
    {
        private static readonly Guid Title = new("b1000000-0000-0000-0000-000000000001");
        private static readonly Guid Webinar = new("b1000000-0000-0000-0000-000000000002");

        private static readonly FitRule[] Rules = { new(Title, "Title is VP", false, 10, null), new(Webinar, "Attended a webinar", true, 5, 15) };

        private static readonly FitScale OldScale = new(mqlThreshold: 10, warmThreshold: 5, hotThreshold: 15);

        /// <summary>Title 10 → 0 points, Webinar 5 → 10 points a unit (cap 15 both times); MQL 12, warm 5, hot 15.</summary>
        private static ProposedScoring Proposal() => new(null,
            new[]
            {
                new RuleProposal(Title, "Title is VP", 10, 0, -3, 3, 40, 20, 1.0, null),
                new RuleProposal(Webinar, "Attended a webinar", 5, 10, 6, 14, 40, 30, 1.5, null),
            },
            new FitScale(mqlThreshold: 12, warmThreshold: 5, hotThreshold: 15), 12.5, 200, 100, 100);

        [Fact]
        public void Old_and_proposed_points_are_compared_on_the_same_held_out_leads()
        {
            // lead (days)  title webinar  reached accepted   old score              new score
            //  1 (0)       yes   3        yes     yes        10 + min(15, 15) = 25  0 + min(30, 15) = 15
            //  2 (3)       yes   -        no      no         10                     0
            //  3 (7)       -     2        yes     yes        10                     min(20, 15) = 15
            //  4 (10)      -     -        no      no         0                      0
            //  5 (14)      -     1        yes     yes        5                      10
            //  6 (14)      yes   1        no      yes        15                     10
            // Weeks: 14 days / 7 = 2.
            // AUC old: reached {25, 10, 5} against {10, 0, 15}: 25 wins 3; 10 ties 10, beats 0 = 1.5; 5 beats 0 = 1 → 5.5 / 9
            // AUC new: reached {15, 15, 10} against {0, 0, 10}: 3 + 3 + (2 + ½) = 8.5 / 9
            // MQLs: old ≥ 10 → leads 1, 2, 3, 6 = 4 → 2 a week; new ≥ 12 → leads 1, 3 = 2 → 1 a week
            // SAL rate: old 3 of 4 accepted (lead 2 not); new 2 of 2
            // Top band: old ≥ 15 → leads 1 (reached), 6 (not) = ½; new ≥ 15 → leads 1, 3, both reached = 1
            var heldOut = new[]
            {
                FitData.Lead(true, true, 0, FitData.Units(Title, 1), FitData.Units(Webinar, 3)),
                FitData.Lead(false, false, 3, FitData.Units(Title, 1)),
                FitData.Lead(true, true, 7, FitData.Units(Webinar, 2)),
                FitData.Lead(false, false, 10),
                FitData.Lead(true, true, 14, FitData.Units(Webinar, 1)),
                FitData.Lead(false, true, 14, FitData.Units(Title, 1), FitData.Units(Webinar, 1)),
            };

            var result = ScoreBackTest.Run(Rules, Proposal(), OldScale, heldOut);

            Assert.Equal(6, result.Cases);
            Assert.Equal(2, result.Weeks, 12);
            Assert.Equal(5.5 / 9, result.AucOld!.Value, 12);
            Assert.Equal(8.5 / 9, result.AucNew!.Value, 12);
            Assert.Equal(2, result.MqlsPerWeekOld, 12);
            Assert.Equal(1, result.MqlsPerWeekNew, 12);
            Assert.Equal(0.75, result.SalRateOld!.Value, 12);
            Assert.Equal(1, result.SalRateNew!.Value, 12);
            Assert.Equal((2, 2), (result.TopBandOld, result.TopBandNew));
            Assert.Equal(0.5, result.TopBandRateOld!.Value, 12);
            Assert.Equal(1, result.TopBandRateNew!.Value, 12);
        }

        [Fact]
        public void An_engagement_rule_adds_no_more_than_its_cap_either_way()
        {
            // Webinar, cap 15: 3 units at 10 points = 30 → 15; at -10 points = -30 → -15; 1.2 units at 10 = 12, under the cap.
            // Title (no cap) adds its 10 on top: 25, -5 and 22.
            var lead = FitData.Lead(true, true, 0, FitData.Units(Title, 1), FitData.Units(Webinar, 3));
            var light = FitData.Lead(true, true, 0, FitData.Units(Title, 1), FitData.Units(Webinar, 1.2));

            Assert.Equal(25, FitScores.Score(Rules, lead, rule => rule.Key == Webinar ? 10 : rule.Points));
            Assert.Equal(-5, FitScores.Score(Rules, lead, rule => rule.Key == Webinar ? -10 : rule.Points));
            Assert.Equal(22, FitScores.Score(Rules, light, rule => rule.Key == Webinar ? 10 : rule.Points));
        }

        [Fact]
        public void Leads_from_a_few_days_count_as_one_week_and_an_empty_band_has_no_rate()
        {
            // Two leads three days apart: one week. Neither reaches hot (old 10 and 0 against 15; new 0 and 0), so no band rate,
            // and every lead or none reaching SQL gives no AUC.
            var heldOut = new[] { FitData.Lead(false, false, 0, FitData.Units(Title, 1)), FitData.Lead(false, false, 3) };

            var result = ScoreBackTest.Run(Rules, Proposal(), OldScale, heldOut);

            Assert.Equal(1, result.Weeks, 12);
            Assert.Equal(1, result.MqlsPerWeekOld, 12);
            Assert.Equal(0, result.MqlsPerWeekNew, 12);
            Assert.Null(result.AucOld);
            Assert.Null(result.TopBandRateOld);
            Assert.Null(result.SalRateNew);
            Assert.Equal(0, result.SalRateOld!.Value, 12);
        }

        [Fact]
        public void A_refused_proposal_cannot_be_back_tested()
        {
            var refused = new ProposedScoring("12 leads reached SQL and 230 did not; a proposal needs at least 40 of each", new RuleProposal[0], OldScale, 0, 242, 12, 230);

            var error = Assert.Throws<ArgumentException>(() => ScoreBackTest.Run(Rules, refused, OldScale, new FitCase[0]));

            Assert.Contains("12 leads reached SQL", error.Message);
        }
    }
}
