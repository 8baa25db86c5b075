using System;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>Work queued for after commit: an asynchronous step or a background workflow.</summary>
    internal sealed class AsyncJob
    {
        public AsyncJob(string description, Action run)
        {
            Description = description;
            Run = run;
        }

        public string Description { get; }

        public Action Run { get; }
    }
}
