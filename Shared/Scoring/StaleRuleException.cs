using System;

namespace LeadAlign.Scoring
{
    /// <summary>A rule that cannot be evaluated any more: skipped and traced, never failing a lead save.</summary>
    internal sealed class StaleRuleException : Exception
    {
        public StaleRuleException(string message)
            : base(message)
        {
        }
    }
}
