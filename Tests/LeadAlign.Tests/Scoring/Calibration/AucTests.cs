using System.Linq;
using LeadAlign.Scoring.Calibration;
using Xunit;

namespace LeadAlign.Tests.Scoring.Calibration
{
    /// <summary>AUC of scores against reaching SQL, against the Mann-Whitney count done by hand.</summary>
    public sealed class AucTests
    {
        private static ScoredOutcome Reached(int score) => new(score, true);

        private static ScoredOutcome NotReached(int score) => new(score, false);

        [Fact]
        public void Four_reached_and_four_not_with_one_tie_give_the_pairwise_share()
        {
            // Reached: 90, 70, 60, 40. Not reached: 80, 60, 30, 20. 4 × 4 = 16 pairs.
            //   90 beats 80, 60, 30, 20            → 4
            //   70 beats 60, 30, 20 (loses to 80)  → 3
            //   60 ties 60 (½), beats 30, 20       → 2.5
            //   40 beats 30, 20                    → 2
            // 11.5 / 16 = 0.71875
            var cases = new[] { Reached(90), NotReached(80), Reached(70), Reached(60), NotReached(60), Reached(40), NotReached(30), NotReached(20) };

            Assert.Equal(0.71875, Auc.Compute(cases)!.Value, 12);
        }

        [Fact]
        public void Order_of_the_leads_does_not_matter()
        {
            var cases = new[] { NotReached(20), Reached(40), NotReached(60), Reached(90), NotReached(30), Reached(60), Reached(70), NotReached(80) };

            Assert.Equal(0.71875, Auc.Compute(cases)!.Value, 12);
        }

        [Fact]
        public void Perfect_separation_is_one_and_reversed_separation_is_zero()
        {
            // Every reached lead above every other: 2 × 2 pairs all won (4/4); the other way round none won (0/4).
            Assert.Equal(1.0, Auc.Compute(new[] { Reached(80), Reached(70), NotReached(30), NotReached(10) })!.Value, 12);
            Assert.Equal(0.0, Auc.Compute(new[] { Reached(10), Reached(30), NotReached(70), NotReached(80) })!.Value, 12);
        }

        [Fact]
        public void All_leads_tied_is_chance()
        {
            // 2 reached × 3 not reached = 6 pairs, every one a tie: 6 × ½ / 6 = 0.5
            var cases = new[] { Reached(50), Reached(50), NotReached(50), NotReached(50), NotReached(50) };

            Assert.Equal(0.5, Auc.Compute(cases)!.Value, 12);
        }

        [Fact]
        public void An_empty_class_has_no_auc()
        {
            Assert.Null(Auc.Compute(new[] { Reached(90), Reached(10) }));
            Assert.Null(Auc.Compute(new[] { NotReached(90), NotReached(10) }));
            Assert.Null(Auc.Compute(Enumerable.Empty<ScoredOutcome>()));
        }
    }
}
