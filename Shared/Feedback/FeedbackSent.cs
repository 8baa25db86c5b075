using Microsoft.Xrm.Sdk;

namespace LeadAlign.Feedback
{
    /// <summary>What sending feedback produced: the feedback row and who it went to (a marketer or a queue).</summary>
    internal sealed class FeedbackSent
    {
        public FeedbackSent(EntityReference feedback, EntityReference recipient, bool created)
        {
            Feedback = feedback;
            Recipient = recipient;
            Created = created;
        }

        public EntityReference Feedback { get; }

        public EntityReference Recipient { get; }

        /// <summary>False when this rejection already had its feedback (a re-run): nothing new was written.</summary>
        public bool Created { get; }
    }
}
