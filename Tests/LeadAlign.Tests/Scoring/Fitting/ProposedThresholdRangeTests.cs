using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Scoring.Fitting;
using Xunit;

namespace LeadAlign.Tests.Scoring.Fitting
{
    /// <summary>Proposed thresholds stay inside the threshold columns' range (0 to 100,000) whatever the fitted points.</summary>
    public sealed class ProposedThresholdRangeTests
    {
        [Fact]
        public void A_rule_fitted_to_negative_points_never_makes_a_threshold_below_zero()
        {
            // 160 leads fire the rule (old points +50) and 32 of them reach SQL (20 %); 40 do not and 32 reach SQL (80 %): the fit
            // turns the rule negative. Old scores: 50 for 80 % of the leads, 0 for the rest, so the warm threshold 35 lets 80 % in;
            // the proposed scores are negative for those 80 %, and matching that share would put the warm threshold below 0.
            var rule = new FitRule(Guid.NewGuid(), "Downloaded the student guide", engagement: false, points: 50, cap: null);
            var cases = Enumerable.Range(0, 200).Select(index =>
            {
                var fired = index < 160;
                var reached = fired ? index % 5 == 0 : index % 5 != 0;
                var hits = fired ? new Dictionary<Guid, double> { [rule.Key] = 1 } : new Dictionary<Guid, double>();
                return new FitCase(hits, reached, accepted: true, on: new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc).AddHours(index));
            }).ToList();

            var proposal = PointsProposal.Propose(new[] { rule }, cases, new FitScale(60, 35, 70));

            Assert.Null(proposal.Refusal);
            Assert.True(proposal.Rules.Single().NewPoints < 0, "the rule's proposed points: " + proposal.Rules.Single().NewPoints);
            Assert.Equal(PointsProposal.MinimumThreshold, proposal.Scale.WarmThreshold);
            Assert.InRange(proposal.Scale.MqlThreshold, PointsProposal.MinimumThreshold, PointsProposal.MaximumThreshold);
            Assert.InRange(proposal.Scale.HotThreshold, PointsProposal.MinimumThreshold, PointsProposal.MaximumThreshold);
        }
    }
}
