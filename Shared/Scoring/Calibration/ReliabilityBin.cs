namespace LeadAlign.Scoring.Calibration
{
    /// <summary>One row of the reliability table: a score decile, how many leads, their mean score and how many reached the outcome.</summary>
    internal sealed class ReliabilityBin
    {
        public ReliabilityBin(int decile, int count, int lowestScore, int highestScore, double meanScore, double observedRate)
        {
            Decile = decile;
            Count = count;
            LowestScore = lowestScore;
            HighestScore = highestScore;
            MeanScore = meanScore;
            ObservedRate = observedRate;
        }

        /// <summary>The first decile the bin covers: 1 for the lowest scores, up to 10; the deciles a tie carried it across are not listed.</summary>
        public int Decile { get; }

        public int Count { get; }

        public int LowestScore { get; }

        public int HighestScore { get; }

        public double MeanScore { get; }

        /// <summary>The share of the bin's leads that reached the outcome, 0..1.</summary>
        public double ObservedRate { get; }
    }
}
