using LeadAlign.Scoring.Fitting;
using Xunit;

namespace LeadAlign.Tests.Scoring.Fitting
{
    /// <summary>Moving a threshold to proposed scores so no more leads clear it than cleared the old one.</summary>
    public sealed class MatchedThresholdTests
    {
        [Fact]
        public void Ties_at_the_cut_stay_out_so_no_more_leads_clear_it()
        {
            // Old scores 10, 20, 30, 40, 50 against 35: two clear. New scores 12, 40, 40, 40, 60: the third best is 40, tied with
            // the second, so the threshold goes to 41 and only one lead clears (two would need 40, which lets three in).
            Assert.Equal(41, FitScores.MatchedThreshold(new[] { 10, 20, 30, 40, 50 }, 35, new[] { 12, 40, 40, 40, 60 }));
        }

        [Fact]
        public void When_every_lead_cleared_the_lowest_new_score_is_the_threshold_and_when_none_did_one_above_the_highest()
        {
            Assert.Equal(7, FitScores.MatchedThreshold(new[] { 50, 60 }, 10, new[] { 9, 7 }));
            Assert.Equal(10, FitScores.MatchedThreshold(new[] { 50, 60 }, 70, new[] { 9, 7 }));
            Assert.Null(FitScores.MatchedThreshold(new int[0], 70, new int[0]));
        }
    }
}
