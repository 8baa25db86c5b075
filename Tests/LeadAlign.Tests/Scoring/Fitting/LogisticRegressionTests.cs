using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Scoring.Fitting;
using Xunit;

namespace LeadAlign.Tests.Scoring.Fitting
{
    /// <summary>The ridge logistic fit against closed forms, a seeded synthetic truth, and the cases that break plain Newton.</summary>
    public sealed class LogisticRegressionTests
    {
        private static (List<double[]> X, List<bool> Y) Table(int hitReached, int hitNot, int missReached, int missNot)
        {
            var x = new List<double[]>();
            var y = new List<bool>();
            void Add(int count, double feature, bool reached)
            {
                for (var i = 0; i < count; i++)
                {
                    x.Add(new[] { feature });
                    y.Add(reached);
                }
            }
            Add(hitReached, 1, true);
            Add(hitNot, 1, false);
            Add(missReached, 0, true);
            Add(missNot, 0, false);
            return (x, y);
        }

        [Fact]
        public void One_binary_feature_without_penalty_gives_the_log_odds_ratio_and_the_two_by_two_standard_errors()
        {
            // Fired: 30 reached, 10 not (a = 30, b = 10). Not fired: 12 reached, 48 not (c = 12, d = 48).
            //   coefficient = ln((30/10) / (12/48)) = ln 12 = 2.484907; intercept = ln(12/48) = -1.386294
            //   SE(coefficient) = √(1/30 + 1/10 + 1/12 + 1/48) = √0.2375 = 0.487340; SE(intercept) = √(1/12 + 1/48) = 0.322749
            var (x, y) = Table(30, 10, 12, 48);

            var fit = LogisticRegression.Fit(x, y, lambda: 0);

            Assert.True(fit.Converged);
            Assert.Equal(Math.Log(12.0 / 48), fit.Coefficients[0], 6);
            Assert.Equal(Math.Log(30.0 / 10 / (12.0 / 48)), fit.Coefficients[1], 6);
            Assert.Equal(Math.Sqrt(1.0 / 12 + 1.0 / 48), fit.StandardErrors[0], 6);
            Assert.Equal(Math.Sqrt(1.0 / 30 + 1.0 / 10 + 1.0 / 12 + 1.0 / 48), fit.StandardErrors[1], 6);
        }

        [Fact]
        public void With_no_features_the_intercept_is_the_logit_of_the_rate()
        {
            // 3 of 4 reached: ln(3/1) = 1.098612; SE = √(1/3 + 1/1) = 1.154701.
            var x = Enumerable.Range(0, 4).Select(_ => new double[0]).ToList();

            var fit = LogisticRegression.Fit(x, new[] { true, true, true, false }, lambda: 5);

            Assert.True(fit.Converged);
            Assert.Single(fit.Coefficients);
            Assert.Equal(Math.Log(3), fit.Coefficients[0], 6);
            Assert.Equal(Math.Sqrt(1.0 / 3 + 1), fit.StandardErrors[0], 6);
        }

        [Fact]
        public void A_seeded_synthetic_truth_is_recovered_within_a_tenth()
        {
            // 20,000 leads drawn from logit = -1 + 1.2 x1 - 0.8 x2 + 0.5 x3; the standard errors are about 0.03 to 0.04.
            var truth = new[] { -1.0, 1.2, -0.8, 0.5 };
            FitData.Synthetic(7, 20000, truth, out var x, out var y);

            var fit = LogisticRegression.Fit(x, y, lambda: 0.01);

            Assert.True(fit.Converged);
            for (var k = 0; k < truth.Length; k++) Assert.InRange(fit.Coefficients[k], truth[k] - 0.1, truth[k] + 0.1);
            Assert.All(fit.StandardErrors, se => Assert.InRange(se, 0.005, 0.06));
        }

        [Fact]
        public void A_heavier_penalty_shrinks_every_coefficient_toward_zero()
        {
            var truth = new[] { -1.0, 1.2, -0.8, 0.5 };
            FitData.Synthetic(11, 500, truth, out var x, out var y);

            var light = LogisticRegression.Fit(x, y, lambda: 0.01);
            var heavy = LogisticRegression.Fit(x, y, lambda: 100);

            Assert.True(light.Converged && heavy.Converged);
            for (var k = 1; k < truth.Length; k++)
            {
                Assert.True(Math.Abs(heavy.Coefficients[k]) < Math.Abs(light.Coefficients[k]) / 2, $"coefficient {k}: {heavy.Coefficients[k]} against {light.Coefficients[k]}");
                Assert.Equal(Math.Sign(light.Coefficients[k]), Math.Sign(heavy.Coefficients[k]));
            }
        }

        [Fact]
        public void Separable_data_stays_finite_with_a_penalty_and_does_not_converge_without_one()
        {
            // Every lead with the feature reached SQL and none without it did: the unpenalised coefficient runs off to infinity.
            var (x, y) = Table(5, 0, 0, 5);

            var penalised = LogisticRegression.Fit(x, y, lambda: 1);
            var plain = LogisticRegression.Fit(x, y, lambda: 0, maxIterations: 50);

            Assert.True(penalised.Converged);
            Assert.All(penalised.Coefficients, b => Assert.False(double.IsNaN(b) || double.IsInfinity(b)));
            Assert.InRange(penalised.Coefficients[1], 1, 10);
            // Symmetric data: the intercept sits half the coefficient below zero.
            Assert.Equal(-penalised.Coefficients[1] / 2, penalised.Coefficients[0], 6);
            Assert.False(plain.Converged);
        }

        [Fact]
        public void A_constant_feature_is_left_out_without_a_penalty_and_held_at_zero_with_one()
        {
            // The second feature is 1 for every lead: it cannot be told from the intercept.
            var (x, y) = Table(30, 10, 12, 48);
            var withConstant = x.Select(row => new[] { row[0], 1.0 }).ToList();
            var withZeros = x.Select(row => new[] { row[0], 0.0 }).ToList();

            var plain = LogisticRegression.Fit(withConstant, y, lambda: 0);
            var penalised = LogisticRegression.Fit(withZeros, y, lambda: 2);

            Assert.True(plain.Converged);
            Assert.Equal(Math.Log(12.0), plain.Coefficients[1], 6);
            Assert.Equal(0, plain.Coefficients[2]);
            Assert.True(double.IsNaN(plain.StandardErrors[2]));
            Assert.True(penalised.Converged);
            Assert.Equal(0, penalised.Coefficients[2]);
            // Its only curvature is the penalty: SE = 1/√2.
            Assert.Equal(1 / Math.Sqrt(2), penalised.StandardErrors[2], 9);
        }

        [Fact]
        public void Rows_and_outcomes_that_do_not_match_are_refused()
        {
            Assert.Throws<ArgumentException>(() => LogisticRegression.Fit(new[] { new[] { 1.0 } }, new[] { true, false }, 1));
            Assert.Throws<ArgumentException>(() => LogisticRegression.Fit(new[] { new[] { 1.0 }, new[] { 1.0, 2.0 } }, new[] { true, false }, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => LogisticRegression.Fit(new[] { new[] { 1.0 } }, new[] { true }, -1));
        }
    }
}
