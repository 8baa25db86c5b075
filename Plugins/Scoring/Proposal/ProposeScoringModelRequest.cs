using System;
using LeadAlign.Plugins.Registration;

namespace LeadAlign.Plugins.Scoring.Proposal
{
    /// <summary>The request of la_ProposeScoringModel: the training period, the held-out period after it, and what to fit to.</summary>
    public sealed class ProposeScoringModelRequest
    {
        [CustomApiParameter("TrainingStart", CustomApiParameterType.DateTime, Description = "The first instant of the training period, UTC: leads that became MQLs (or were decided without becoming one) from then on are fitted.")]
        public DateTime? TrainingStart { get; set; }

        [CustomApiParameter("HeldOutStart", CustomApiParameterType.DateTime, Description = "The end of the training period and the first instant of the held-out period, UTC: the later leads the proposal is back-tested on and not fitted to.")]
        public DateTime? HeldOutStart { get; set; }

        [CustomApiParameter("HeldOutEnd", CustomApiParameterType.DateTime, IsOptional = true, Description = "The instant after the held-out period, UTC (exclusive); now when empty.")]
        public DateTime? HeldOutEnd { get; set; }

        [CustomApiParameter("FitToWins", CustomApiParameterType.Boolean, IsOptional = true, Description = "True to fit the points to won opportunities instead of reaching SQL.")]
        public bool? FitToWins { get; set; }

        [CustomApiParameter("ScoringModelId", CustomApiParameterType.Guid, IsOptional = true, Description = "The version whose rules to fit; the active one when empty.")]
        public Guid? ScoringModelId { get; set; }
    }
}
