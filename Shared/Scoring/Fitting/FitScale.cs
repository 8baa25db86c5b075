namespace LeadAlign.Scoring.Fitting
{
    /// <summary>A model's scale: the score at which a lead becomes MQL, and the lower bounds of the warm and hot bands.</summary>
    internal sealed class FitScale
    {
        public FitScale(int mqlThreshold, int warmThreshold, int hotThreshold)
        {
            MqlThreshold = mqlThreshold;
            WarmThreshold = warmThreshold;
            HotThreshold = hotThreshold;
        }

        public int MqlThreshold { get; }

        public int WarmThreshold { get; }

        public int HotThreshold { get; }
    }
}
