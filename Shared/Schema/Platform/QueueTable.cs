namespace LeadAlign.Schema
{
    /// <summary>The platform's queue: the agreement's marketing and sales queues.</summary>
    internal static class QueueTable
    {
        public const string EntityName = "queue";
    }
}
