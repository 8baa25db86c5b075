namespace LeadAlign.Scoring.Fitting
{
    /// <summary>A logistic fit: coefficients [intercept, b1..bp] on the logit scale, their standard errors, and how the fit ended.</summary>
    internal sealed class LogisticFitResult
    {
        public LogisticFitResult(double[] coefficients, double[] standardErrors, bool converged, int iterations)
        {
            Coefficients = coefficients;
            StandardErrors = standardErrors;
            Converged = converged;
            Iterations = iterations;
        }

        /// <summary>The intercept at index 0, then one coefficient per feature.</summary>
        public double[] Coefficients { get; }

        /// <summary>
        /// The square roots of the diagonal of the inverse penalised Hessian at the result; NaN for a coefficient that could not be
        /// estimated (a constant feature without penalty) and for all of them when the Hessian could not be inverted.
        /// </summary>
        public double[] StandardErrors { get; }

        /// <summary>The Newton steps became negligible before the iteration limit.</summary>
        public bool Converged { get; }

        public int Iterations { get; }
    }
}
