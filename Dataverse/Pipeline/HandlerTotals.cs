namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>What one handler's executions added up to: how many, their service calls, and how many made no call.</summary>
    public sealed record HandlerTotals(long Executions, long Calls, long WithoutCall)
    {
        public static HandlerTotals None { get; } = new(0, 0, 0);

        internal HandlerTotals With(ExecutionRecord record) =>
            new(Executions + 1, Calls + record.TotalCalls, WithoutCall + (record.TotalCalls == 0 ? 1 : 0));
    }
}
