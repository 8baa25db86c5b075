namespace LeadAlign.Schema
{
    /// <summary>The platform's queueitem table, as LeadAlign reads it (learn.microsoft.com/power-apps/developer/data-platform/reference/entities/queueitem).</summary>
    internal static class QueueItemTable
    {
        public const string EntityName = "queueitem";
        public const string QueueId = "queueid";
        public const string ObjectId = "objectid";
        public const string WorkerId = "workerid";
        public const string WorkerIdModifiedOn = "workeridmodifiedon";
    }
}
