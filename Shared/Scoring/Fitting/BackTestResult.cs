namespace LeadAlign.Scoring.Fitting
{
    /// <summary>The held-out leads scored under the old points and the proposed ones, side by side.</summary>
    internal sealed class BackTestResult
    {
        public BackTestResult(int cases, double weeks, double? aucOld, double? aucNew, double mqlsPerWeekOld, double mqlsPerWeekNew, double? salRateOld, double? salRateNew,
            double? topBandRateOld, double? topBandRateNew, int topBandOld, int topBandNew)
        {
            Cases = cases;
            Weeks = weeks;
            AucOld = aucOld;
            AucNew = aucNew;
            MqlsPerWeekOld = mqlsPerWeekOld;
            MqlsPerWeekNew = mqlsPerWeekNew;
            SalRateOld = salRateOld;
            SalRateNew = salRateNew;
            TopBandRateOld = topBandRateOld;
            TopBandRateNew = topBandRateNew;
            TopBandOld = topBandOld;
            TopBandNew = topBandNew;
        }

        public int Cases { get; }

        /// <summary>The weeks the held-out leads span (from the first <see cref="FitCase.On"/> to the last), at least 1.</summary>
        public double Weeks { get; }

        /// <summary>AUC of the score against reaching SQL; null when every held-out lead or none reached it.</summary>
        public double? AucOld { get; }

        public double? AucNew { get; }

        /// <summary>Held-out leads at or above the version's MQL threshold, per week.</summary>
        public double MqlsPerWeekOld { get; }

        public double MqlsPerWeekNew { get; }

        /// <summary>The share of leads at or above the MQL threshold that sales accepted; null when none is at or above it.</summary>
        public double? SalRateOld { get; }

        public double? SalRateNew { get; }

        /// <summary>The share of top-band leads (score at or above the hot threshold) that reached SQL; null when the band is empty.</summary>
        public double? TopBandRateOld { get; }

        public double? TopBandRateNew { get; }

        /// <summary>The held-out leads in the top band.</summary>
        public int TopBandOld { get; }

        public int TopBandNew { get; }
    }
}
