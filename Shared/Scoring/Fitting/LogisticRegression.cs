using System;
using System.Collections.Generic;

namespace LeadAlign.Scoring.Fitting
{
    /// <summary>
    /// L2-penalised (ridge) logistic regression by Newton-Raphson (iteratively reweighted least squares).
    /// <para>
    /// With the design X = [1, x] and p = 1 / (1 + e^-Xb), it maximises Σ (y·η − ln(1 + e^η)) − λ/2 · Σ_{j≥1} b_j²: the intercept
    /// is not penalised. Each step solves (Xᵀ W X + λP) Δ = Xᵀ(y − p) − λP b with W = diag(p(1 − p)) and P the identity without its
    /// intercept entry, by Cholesky; a step that lowers the objective is halved (up to 30 times). It stops when no coefficient
    /// moves by more than 1e-10. Standard errors are the square roots of the diagonal of (Xᵀ W X + λP)⁻¹ at the result.
    /// </para>
    /// <para>
    /// Separable data stays finite when λ &gt; 0 (the penalty bounds the coefficients); with λ = 0 its coefficients grow without
    /// bound and the fit ends unconverged. A constant feature is left out when λ = 0 (it cannot be told from the intercept): its
    /// coefficient is 0 and its standard error NaN. Deterministic: the same input gives the same result, bit for bit.
    /// </para>
    /// </summary>
    internal static class LogisticRegression
    {
        private const double Tolerance = 1e-10;
        private const int MaxHalvings = 30;

        /// <summary>
        /// Fits <paramref name="y"/> to <paramref name="x"/> (n rows of p features, no intercept column: it is added). Returns
        /// [intercept, b1..bp] with their standard errors, whether it converged and the iterations it took.
        /// </summary>
        public static LogisticFitResult Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double lambda, int maxIterations = 100)
        {
            if (x == null) throw new ArgumentNullException(nameof(x));
            if (y == null) throw new ArgumentNullException(nameof(y));
            if (x.Count != y.Count) throw new ArgumentException("There must be one outcome per row.", nameof(y));
            if (x.Count == 0) throw new ArgumentException("A fit needs at least one row.", nameof(x));
            if (!(lambda >= 0) || double.IsInfinity(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "The penalty must be a finite number, 0 or more.");
            if (maxIterations < 1) throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "At least one iteration is needed.");
            var features = x[0]?.Length ?? throw new ArgumentException("A row is missing.", nameof(x));
            for (var row = 0; row < x.Count; row++)
            {
                if (x[row] == null || x[row].Length != features) throw new ArgumentException("Every row must have " + features + " features.", nameof(x));
            }

            // The design's columns that are estimated: the intercept, and every feature unless it is constant without a penalty.
            var columns = new List<int> { 0 };
            for (var feature = 0; feature < features; feature++)
            {
                if (lambda > 0 || !IsConstant(x, feature)) columns.Add(feature + 1);
            }

            var n = x.Count;
            var d = columns.Count;
            var beta = new double[d];
            var design = new double[n][];
            for (var row = 0; row < n; row++)
            {
                design[row] = new double[d];
                design[row][0] = 1;
                for (var k = 1; k < d; k++) design[row][k] = x[row][columns[k] - 1];
            }

            var converged = false;
            var iterations = 0;
            var objective = Objective(design, y, beta, lambda);
            double[,]? hessian = null;
            while (iterations < maxIterations)
            {
                iterations++;
                var gradient = new double[d];
                hessian = Hessian(design, y, beta, lambda, gradient);
                var step = Solve(hessian, gradient);
                if (step == null) break;
                var scale = 1.0;
                var next = Move(beta, step, scale);
                var nextObjective = Objective(design, y, next, lambda);
                for (var halving = 0; halving < MaxHalvings && !(nextObjective >= objective); halving++)
                {
                    scale /= 2;
                    next = Move(beta, step, scale);
                    nextObjective = Objective(design, y, next, lambda);
                }
                var largest = 0.0;
                for (var k = 0; k < d; k++) largest = Math.Max(largest, Math.Abs(next[k] - beta[k]));
                beta = next;
                objective = nextObjective;
                if (largest <= Tolerance)
                {
                    converged = true;
                    break;
                }
            }

            hessian = Hessian(design, y, beta, lambda, new double[d]);
            var coefficients = new double[features + 1];
            var errors = new double[features + 1];
            for (var k = 0; k < errors.Length; k++) errors[k] = double.NaN;
            for (var k = 0; k < d; k++) coefficients[columns[k]] = beta[k];
            var inverse = Invert(hessian);
            if (inverse == null) converged = false;
            else
            {
                for (var k = 0; k < d; k++) errors[columns[k]] = Math.Sqrt(inverse[k, k]);
            }
            return new LogisticFitResult(coefficients, errors, converged, iterations);
        }

        private static bool IsConstant(IReadOnlyList<double[]> x, int feature)
        {
            for (var row = 1; row < x.Count; row++)
            {
                if (x[row][feature] != x[0][feature]) return false;
            }
            return true;
        }

        private static double[] Move(double[] beta, double[] step, double scale)
        {
            var next = new double[beta.Length];
            for (var k = 0; k < beta.Length; k++) next[k] = beta[k] + scale * step[k];
            return next;
        }

        private static double Eta(double[] row, double[] beta)
        {
            var eta = 0.0;
            for (var k = 0; k < beta.Length; k++) eta += row[k] * beta[k];
            return eta;
        }

        /// <summary>The penalised log-likelihood, with ln(1 + e^η) computed without overflow.</summary>
        private static double Objective(double[][] design, IReadOnlyList<bool> y, double[] beta, double lambda)
        {
            var total = 0.0;
            for (var row = 0; row < design.Length; row++)
            {
                var eta = Eta(design[row], beta);
                var softplus = eta > 0 ? eta + Math.Log(1 + Math.Exp(-eta)) : Math.Log(1 + Math.Exp(eta));
                total += (y[row] ? eta : 0) - softplus;
            }
            for (var k = 1; k < beta.Length; k++) total -= lambda / 2 * beta[k] * beta[k];
            return total;
        }

        /// <summary>The penalised Hessian (negated, so positive definite) at <paramref name="beta"/>; fills <paramref name="gradient"/>.</summary>
        private static double[,] Hessian(double[][] design, IReadOnlyList<bool> y, double[] beta, double lambda, double[] gradient)
        {
            var d = beta.Length;
            var hessian = new double[d, d];
            for (var row = 0; row < design.Length; row++)
            {
                var eta = Eta(design[row], beta);
                var p = eta >= 0 ? 1 / (1 + Math.Exp(-eta)) : Math.Exp(eta) / (1 + Math.Exp(eta));
                var w = p * (1 - p);
                var residual = (y[row] ? 1 : 0) - p;
                var values = design[row];
                for (var i = 0; i < d; i++)
                {
                    gradient[i] += values[i] * residual;
                    for (var j = 0; j <= i; j++) hessian[i, j] += w * values[i] * values[j];
                }
            }
            for (var i = 1; i < d; i++)
            {
                gradient[i] -= lambda * beta[i];
                hessian[i, i] += lambda;
            }
            for (var i = 0; i < d; i++)
            {
                for (var j = i + 1; j < d; j++) hessian[i, j] = hessian[j, i];
            }
            return hessian;
        }

        /// <summary>The lower Cholesky factor of <paramref name="matrix"/>; null when it is not positive definite.</summary>
        private static double[,]? Cholesky(double[,] matrix)
        {
            var d = matrix.GetLength(0);
            var lower = new double[d, d];
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    var sum = matrix[i, j];
                    for (var k = 0; k < j; k++) sum -= lower[i, k] * lower[j, k];
                    if (i == j)
                    {
                        // Relative to the diagonal, so a matrix singular up to rounding is refused rather than inverted into noise.
                        if (!(sum > 1e-13 * Math.Max(1, Math.Abs(matrix[i, i])))) return null;
                        lower[i, i] = Math.Sqrt(sum);
                    }
                    else lower[i, j] = sum / lower[j, j];
                }
            }
            return lower;
        }

        private static double[]? Solve(double[,] matrix, double[] right)
        {
            var lower = Cholesky(matrix);
            return lower == null ? null : Substitute(lower, right);
        }

        private static double[] Substitute(double[,] lower, double[] right)
        {
            var d = right.Length;
            var forward = new double[d];
            for (var i = 0; i < d; i++)
            {
                var sum = right[i];
                for (var k = 0; k < i; k++) sum -= lower[i, k] * forward[k];
                forward[i] = sum / lower[i, i];
            }
            var solution = new double[d];
            for (var i = d - 1; i >= 0; i--)
            {
                var sum = forward[i];
                for (var k = i + 1; k < d; k++) sum -= lower[k, i] * solution[k];
                solution[i] = sum / lower[i, i];
            }
            return solution;
        }

        private static double[,]? Invert(double[,] matrix)
        {
            var lower = Cholesky(matrix);
            if (lower == null) return null;
            var d = matrix.GetLength(0);
            var inverse = new double[d, d];
            for (var column = 0; column < d; column++)
            {
                var unit = new double[d];
                unit[column] = 1;
                var solution = Substitute(lower, unit);
                for (var row = 0; row < d; row++) inverse[row, column] = solution[row];
            }
            return inverse;
        }
    }
}
