using System;
using System.Linq;
using LeadAlign.Scoring.Calibration;
using Xunit;

namespace LeadAlign.Tests.Scoring.Calibration
{
    /// <summary>The population stability index between two score samples, against a hand computation.</summary>
    public sealed class PopulationStabilityTests
    {
        // Four bins: below 25, 25–49, 50–74, 75 and above.
        private static readonly int[] FourBins = { 25, 50, 75 };

        [Fact]
        public void Two_four_bin_distributions_give_the_standard_formula()
        {
            // Expected (last period), 10 leads: shares 0.1, 0.2, 0.3, 0.4.
            // Actual (this period), 10 leads:  shares 0.2, 0.2, 0.3, 0.3.
            //   bin 1: (0.2 − 0.1) × ln(0.2 / 0.1) = 0.1 × ln 2
            //   bins 2, 3: a = e, 0
            //   bin 4: (0.3 − 0.4) × ln(0.3 / 0.4) = −0.1 × ln 0.75
            // PSI = 0.1 × (ln 2 − ln 0.75) = 0.1 × ln(8 / 3) ≈ 0.0980829
            var expected = new[] { 10, 30, 30, 60, 60, 60, 80, 80, 80, 80 };
            var actual = new[] { 10, 10, 30, 30, 60, 60, 60, 80, 80, 80 };

            var psi = PopulationStability.Compute(expected, actual, FourBins)!.Value;

            Assert.Equal(0.1 * Math.Log(8.0 / 3.0), psi, 12);
            Assert.Equal(0.0980829, psi, 7);
        }

        [Fact]
        public void An_empty_bin_counts_as_epsilon()
        {
            // Expected: one lead a bin, 0.25 each. Actual: 0, 0.25, 0.25, 0.5.
            //   bin 1: a is empty, taken as 0.0001: (0.0001 − 0.25) × ln(0.0001 / 0.25) = −0.2499 × ln 0.0004 ≈ 1.9552291
            //   bin 4: (0.5 − 0.25) × ln 2 ≈ 0.1732868
            // PSI ≈ 2.1285159
            var psi = PopulationStability.Compute(new[] { 10, 30, 60, 80 }, new[] { 30, 60, 80, 80 }, FourBins)!.Value;

            Assert.Equal(-0.2499 * Math.Log(0.0004) + 0.25 * Math.Log(2), psi, 12);
            Assert.Equal(2.1285159, psi, 7);
        }

        [Fact]
        public void The_same_distribution_is_stable()
        {
            // Same shares in every bin (even with different counts and an empty bin in both): every term is 0.
            Assert.Equal(0.0, PopulationStability.Compute(new[] { 10, 60 }, new[] { 10, 10, 60, 60 }, FourBins)!.Value, 12);
        }

        [Fact]
        public void The_default_bins_are_ten_points_wide_with_open_ends()
        {
            // −5 and 9 fall below 10; 10 in 10–19; 95 and 150 in 90 and above: shares 0.4, 0.2, 0 × 7, 0.4.
            var shares = PopulationStability.Shares(new[] { -5, 9, 10, 95, 150 }, PopulationStability.DefaultCutPoints)!;

            Assert.Equal(10, shares.Length);
            Assert.Equal(new[] { 0.4, 0.2, 0, 0, 0, 0, 0, 0, 0, 0.4 }, shares);
        }

        [Fact]
        public void The_default_bins_are_used_without_cut_points()
        {
            // Expected: all in 0–9. Actual: all in 90+. Two bins differ, each (1 − 0.0001) × ln(1 / 0.0001) with its sign:
            // bin 1 (0.0001 − 1) × ln(0.0001) and bin 10 (1 − 0.0001) × ln(10000): 2 × 0.9999 × ln 10000.
            var psi = PopulationStability.Compute(new[] { 5, 5 }, new[] { 95 })!.Value;

            Assert.Equal(2 * 0.9999 * Math.Log(10000), psi, 9);
        }

        [Fact]
        public void An_empty_sample_has_no_psi()
        {
            Assert.Null(PopulationStability.Compute(Enumerable.Empty<int>(), new[] { 10 }, FourBins));
            Assert.Null(PopulationStability.Compute(new[] { 10 }, Enumerable.Empty<int>()));
        }

        [Fact]
        public void Cut_points_out_of_order_are_refused()
        {
            Assert.Throws<ArgumentException>(() => PopulationStability.Compute(new[] { 10 }, new[] { 10 }, new[] { 50, 50 }));
        }
    }
}
