using System;
using LeadAlign.Cli.Simulation;
using Xunit;

namespace LeadAlign.Tests.Simulation
{
    /// <summary>The speed-to-lead priors the simulated world uses are the published odds ratios at the published points.</summary>
    public sealed class ResponseTimeEffectTests
    {
        [Fact]
        public void A_first_dial_at_thirty_minutes_has_a_hundredth_of_the_contact_odds_and_a_twenty_first_of_the_qualifying_odds_of_one_within_five()
        {
            Assert.Equal(0, ResponseTimeEffect.ContactLogOdds(2), 6);
            Assert.Equal(Math.Log(1.0 / 100), ResponseTimeEffect.ContactLogOdds(30), 6);
            Assert.Equal(Math.Log(1.0 / 100), ResponseTimeEffect.ContactLogOdds(600), 6);
            Assert.Equal(0, ResponseTimeEffect.QualifyLogOdds(5), 6);
            Assert.Equal(Math.Log(1.0 / 21), ResponseTimeEffect.QualifyLogOdds(30), 6);
            Assert.Equal(Math.Log(1.0 / 600), ResponseTimeEffect.QualifyLogOdds(24 * 60), 6);
            Assert.Equal(Math.Log(1.0 / 600), ResponseTimeEffect.QualifyLogOdds(72 * 60), 6);
        }

        [Fact]
        public void The_odds_fall_steadily_through_the_first_hour_and_beyond()
        {
            var previous = double.PositiveInfinity;
            foreach (var minutes in new[] { 5.0, 10, 20, 30, 45, 60, 90, 120, 240, 720, 1440 })
            {
                var odds = ResponseTimeEffect.QualifyLogOdds(minutes);
                Assert.True(odds < previous || minutes == 5, $"qualifying odds at {minutes} minutes: {odds}");
                previous = odds;
            }

            // HBR 2011: the second hour well below the first (here 1/70 against 1/30 at the hour), a day 60 times below the hour's leads.
            Assert.True(ResponseTimeEffect.QualifyLogOdds(120) < ResponseTimeEffect.QualifyLogOdds(60) - Math.Log(2));
        }
    }
}
