using System;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// An aggregate fetch over more rows than the AggregateQueryRecordLimit: the service answers it with the platform's fault
    /// AggregateQueryRecordLimitExceeded (0x8004E023), not the generic invalid-argument fault other malformed queries get.
    /// </summary>
    public sealed class AggregateLimitExceededException : InvalidOperationException
    {
        public AggregateLimitExceededException(string message)
            : base(message)
        {
        }
    }
}
