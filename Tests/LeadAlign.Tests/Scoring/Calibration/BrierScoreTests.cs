using System.Linq;
using LeadAlign.Scoring.Calibration;
using Xunit;

namespace LeadAlign.Tests.Scoring.Calibration
{
    /// <summary>The Brier score of scores read as probabilities (score / 100, clamped), against a hand computation.</summary>
    public sealed class BrierScoreTests
    {
        [Fact]
        public void Five_leads_give_the_mean_squared_error()
        {
            //   score  80, reached:     p 0.8, (0.8 − 1)² = 0.04
            //   score  30, not reached: p 0.3, (0.3 − 0)² = 0.09
            //   score 120, reached:     p 1 (clamped), (1 − 1)² = 0
            //   score −20, not reached: p 0 (clamped), (0 − 0)² = 0
            //   score  50, reached:     p 0.5, (0.5 − 1)² = 0.25
            // (0.04 + 0.09 + 0 + 0 + 0.25) / 5 = 0.38 / 5 = 0.076
            var cases = new[] { new ScoredOutcome(80, true), new ScoredOutcome(30, false), new ScoredOutcome(120, true), new ScoredOutcome(-20, false), new ScoredOutcome(50, true) };

            Assert.Equal(0.076, BrierScore.Compute(cases)!.Value, 12);
        }

        [Fact]
        public void Scores_outside_zero_to_one_hundred_are_clamped()
        {
            Assert.Equal(0.0, BrierScore.Probability(-5));
            Assert.Equal(0.42, BrierScore.Probability(42), 12);
            Assert.Equal(1.0, BrierScore.Probability(250));
            // 250 not reached: p 1, (1 − 0)² = 1; −5 reached: p 0, (0 − 1)² = 1: the worst a lead can score.
            Assert.Equal(1.0, BrierScore.Compute(new[] { new ScoredOutcome(250, false), new ScoredOutcome(-5, true) })!.Value, 12);
        }

        [Fact]
        public void All_leads_tied_at_fifty_score_a_quarter_whatever_the_outcomes()
        {
            // p 0.5 for every lead: (0.5 − 1)² = (0.5 − 0)² = 0.25
            var cases = new[] { new ScoredOutcome(50, true), new ScoredOutcome(50, false), new ScoredOutcome(50, false) };

            Assert.Equal(0.25, BrierScore.Compute(cases)!.Value, 12);
        }

        [Fact]
        public void No_leads_have_no_brier_score()
        {
            Assert.Null(BrierScore.Compute(Enumerable.Empty<ScoredOutcome>()));
        }
    }
}
