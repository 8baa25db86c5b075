using System.Linq;
using LeadAlign.Scoring.Calibration;
using Xunit;

namespace LeadAlign.Tests.Scoring.Calibration
{
    /// <summary>The reliability table: ten bins of equal count by rank, ties kept together, each bin's n, mean score and rate.</summary>
    public sealed class ReliabilityTests
    {
        [Fact]
        public void Twenty_distinct_scores_make_ten_bins_of_two()
        {
            // Scores 1..20; the leads scoring 15 or more reached SQL.
            // Bin k holds scores 2k − 1 and 2k: mean 2k − 0.5; bins 1..7 (scores 1..14) rate 0, bin 8 (15, 16) rate 1 ...
            var cases = Enumerable.Range(1, 20).Select(score => new ScoredOutcome(score, score >= 15)).ToList();

            var bins = Reliability.Compute(cases);

            Assert.Equal(Enumerable.Range(1, 10), bins.Select(bin => bin.Decile));
            Assert.All(bins, bin => Assert.Equal(2, bin.Count));
            Assert.Equal(new[] { 1.5, 3.5, 5.5, 7.5, 9.5, 11.5, 13.5, 15.5, 17.5, 19.5 }, bins.Select(bin => bin.MeanScore));
            Assert.Equal(new[] { 0.0, 0, 0, 0, 0, 0, 0, 1, 1, 1 }, bins.Select(bin => bin.ObservedRate));
            Assert.Equal(new[] { 13, 14 }, new[] { bins[6].LowestScore, bins[6].HighestScore });
        }

        [Fact]
        public void Twenty_five_leads_alternate_bins_of_three_and_two()
        {
            // n = 25: decile k closes once the running count c has c × 10 ≥ k × 25:
            // c = 3 (30 ≥ 25), 5 (50 ≥ 50), 8 (80 ≥ 75), 10 (100 ≥ 100), ... so 3, 2, 3, 2, ...
            var bins = Reliability.Compute(Enumerable.Range(1, 25).Select(score => new ScoredOutcome(score, false)).ToList());

            Assert.Equal(new[] { 3, 2, 3, 2, 3, 2, 3, 2, 3, 2 }, bins.Select(bin => bin.Count));
            Assert.Equal(2.0, bins[0].MeanScore, 12); // (1 + 2 + 3) / 3
        }

        [Fact]
        public void A_tie_is_kept_in_one_bin_and_the_deciles_it_spans_are_not_listed()
        {
            // Five leads at 40 (two reached), then 50, 60, 70, 80, 90 (reached from 70 up); n = 10.
            // The five 40s close decile 1 at c = 5 (50 ≥ 10): n 5, mean 40, rate 2 / 5 = 0.4; the next decile is 5 × 10 / 10 + 1 = 6.
            // Then one lead a bin: deciles 6 to 10.
            var cases = new[]
            {
                new ScoredOutcome(40, true), new ScoredOutcome(40, false), new ScoredOutcome(40, true), new ScoredOutcome(40, false), new ScoredOutcome(40, false),
                new ScoredOutcome(50, false), new ScoredOutcome(60, false), new ScoredOutcome(70, true), new ScoredOutcome(80, true), new ScoredOutcome(90, true),
            };

            var bins = Reliability.Compute(cases);

            Assert.Equal(new[] { 1, 6, 7, 8, 9, 10 }, bins.Select(bin => bin.Decile));
            Assert.Equal(new[] { 5, 1, 1, 1, 1, 1 }, bins.Select(bin => bin.Count));
            Assert.Equal(40.0, bins[0].MeanScore, 12);
            Assert.Equal(0.4, bins[0].ObservedRate, 12);
            Assert.Equal(new[] { 0.4, 0, 0, 1, 1, 1 }, bins.Select(bin => bin.ObservedRate));
        }

        [Fact]
        public void All_leads_tied_make_one_bin()
        {
            // Eight leads at 50, three reached: one bin, n 8, mean 50, rate 3 / 8 = 0.375.
            var cases = Enumerable.Range(0, 8).Select(index => new ScoredOutcome(50, index < 3)).ToList();

            var bin = Assert.Single(Reliability.Compute(cases));

            Assert.Equal(1, bin.Decile);
            Assert.Equal(8, bin.Count);
            Assert.Equal(50.0, bin.MeanScore, 12);
            Assert.Equal(0.375, bin.ObservedRate, 12);
        }

        [Fact]
        public void Fewer_than_ten_leads_make_one_bin_a_lead()
        {
            // n = 4: c = 1 closes decile 1 (10 ≥ 4), next 1 × 10 / 4 + 1 = 3; c = 2 closes 3 (20 ≥ 12), next 6; c = 3 closes 6, next 8.
            var bins = Reliability.Compute(new[] { new ScoredOutcome(40, true), new ScoredOutcome(10, false), new ScoredOutcome(30, false), new ScoredOutcome(20, true) });

            Assert.Equal(new[] { 1, 3, 6, 8 }, bins.Select(bin => bin.Decile));
            Assert.Equal(new[] { 10.0, 20, 30, 40 }, bins.Select(bin => bin.MeanScore));
            Assert.Equal(new[] { 0.0, 1, 0, 1 }, bins.Select(bin => bin.ObservedRate));
        }

        [Fact]
        public void No_leads_make_an_empty_table()
        {
            Assert.Empty(Reliability.Compute(Enumerable.Empty<ScoredOutcome>()));
        }
    }
}
