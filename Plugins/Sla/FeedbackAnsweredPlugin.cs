using System;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using LeadAlign.Sla;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Sla
{
    /// <summary>
    /// Ends marketing's "Feedback answered by" clock (PostOperation of a feedback's update): when the feedback is answered (its
    /// status becomes Responded, or la_respondedon is set, whichever way marketing answers: the RespondToFeedback step or the form),
    /// the clock ends Succeeded when on time and Noncompliant when late, with succeededon the answer's time; when the lead is
    /// recycled to Nurture before marketing answers (status Recycled), the question is moot and a clock still running is
    /// canceled. Written as SYSTEM: marketers need no privilege on clocks. A clock that already ended is left as it is, so a
    /// replay changes nothing. Calls: at most 2 (read, update).
    /// </summary>
    [PluginStep("1ead5c0e-0020-4000-8000-000000000011", "Update", LeadFeedbackTable.EntityName, PluginStage.PostOperation,
        FilteringAttributes = $"{LeadFeedbackTable.Status},{LeadFeedbackTable.RespondedOn}",
        PostImageAttributes = $"{LeadFeedbackTable.Status},{LeadFeedbackTable.RespondedOn},{LeadFeedbackTable.AnswerByKpiId}")]
    public sealed class FeedbackAnsweredPlugin : PluginBase
    {
        public FeedbackAnsweredPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(FeedbackAnsweredPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var feedback = context.GetPostImage("PostImage");
            var clock = feedback?.GetAttributeValue<EntityReference>(LeadFeedbackTable.AnswerByKpiId);
            if (feedback == null || clock == null)
            {
                return;
            }

            var status = (FeedbackStatus?)feedback.GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Status)?.Value;
            var respondedOn = feedback.GetAttributeValue<DateTime?>(LeadFeedbackTable.RespondedOn);
            var service = localPluginContext.SystemUserService;
            if (status == FeedbackStatus.Responded || respondedOn != null)
            {
                var closed = SlaClocks.Close(service, clock.Id, respondedOn ?? context.OperationCreatedOn);
                localPluginContext.Trace($"Feedback answered: clock {clock.Id} {closed?.ToString() ?? "already ended"}.");
            }
            else if (status == FeedbackStatus.Recycled)
            {
                localPluginContext.Trace($"Lead recycled before marketing answered: {SlaClocks.Cancel(service, new[] { clock.Id })} running answer clock canceled.");
            }
        }
    }
}
