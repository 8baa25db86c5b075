using System;

namespace LeadAlign.Reporting
{
    /// <summary>One row of the waterfall: the stage's name, how many of the cohort reached it, and a lead's hours to reach it from the stage before.</summary>
    internal sealed class WaterfallRow
    {
        public WaterfallRow(string stage, int count, Func<LeadJourney, decimal?> hours)
        {
            Stage = stage;
            Count = count;
            Hours = hours;
        }

        public string Stage { get; }

        public int Count { get; }

        public Func<LeadJourney, decimal?> Hours { get; }
    }
}
