using System;
using System.Linq;
using LeadAlign.Scoring.Calibration;
using Xunit;

namespace LeadAlign.Tests.Scoring.Calibration
{
    /// <summary>The lowest MQL threshold whose MQLs a week sales can absorb (reps × leads per rep per week).</summary>
    public sealed class CapacityThresholdTests
    {
        // Twelve leads over two weeks.
        private static readonly int[] Scores = { 95, 90, 85, 85, 80, 70, 60, 60, 50, 40, 30, 20 };

        [Fact]
        public void The_threshold_lets_in_what_the_reps_accept()
        {
            // 2 reps × 2 leads a week = 4 a week, 8 over 2 weeks.
            // At 51: 95, 90, 85, 85, 80, 70, 60, 60 = 8 leads, 4 a week: fits. At 50 the 9th lead joins: 4.5 a week: too many.
            var threshold = CapacityThreshold.Compute(Scores, weeks: 2, reps: 2, leadsPerRepPerWeek: 2);

            Assert.Equal(51, threshold);
            Assert.Equal(4.0, CapacityThreshold.ExpectedMqlsPerWeek(Scores, 51, 2), 12);
            Assert.Equal(4.5, CapacityThreshold.ExpectedMqlsPerWeek(Scores, 50, 2), 12);
        }

        [Fact]
        public void Tied_leads_stay_together_below_the_threshold()
        {
            // 1 rep × 1 lead a week over 3 weeks = 3 leads. At 85 four leads (95, 90, 85, 85) pass: 1.33 a week, too many;
            // at 86 two pass: 0.67 a week, fits. Neither 85 can get in without the other.
            Assert.Equal(86, CapacityThreshold.Compute(Scores, weeks: 3, reps: 1, leadsPerRepPerWeek: 1));
        }

        [Fact]
        public void When_every_lead_fits_the_threshold_is_the_lowest_score()
        {
            // 5 reps × 10 a week × 2 weeks = 100 ≥ 12 leads.
            Assert.Equal(20, CapacityThreshold.Compute(Scores, weeks: 2, reps: 5, leadsPerRepPerWeek: 10));
        }

        [Fact]
        public void With_no_capacity_no_lead_passes()
        {
            Assert.Equal(96, CapacityThreshold.Compute(Scores, weeks: 2, reps: 0, leadsPerRepPerWeek: 10));
        }

        [Fact]
        public void All_leads_tied_either_all_pass_or_none()
        {
            var tied = Enumerable.Repeat(50, 6).ToList();

            Assert.Equal(50, CapacityThreshold.Compute(tied, weeks: 1, reps: 3, leadsPerRepPerWeek: 2)); // 6 ≤ 6
            Assert.Equal(51, CapacityThreshold.Compute(tied, weeks: 1, reps: 5, leadsPerRepPerWeek: 1)); // 6 > 5
        }

        [Fact]
        public void No_leads_have_no_threshold_and_a_period_needs_a_week()
        {
            Assert.Null(CapacityThreshold.Compute(Enumerable.Empty<int>(), weeks: 1, reps: 1, leadsPerRepPerWeek: 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => CapacityThreshold.Compute(Scores, weeks: 0, reps: 1, leadsPerRepPerWeek: 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => CapacityThreshold.Compute(Scores, weeks: 1, reps: -1, leadsPerRepPerWeek: 1));
        }
    }
}
