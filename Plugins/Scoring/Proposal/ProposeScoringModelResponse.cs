using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Scoring.Proposal
{
    /// <summary>The response of la_ProposeScoringModel.</summary>
    public sealed class ProposeScoringModelResponse
    {
        [CustomApiResponseProperty("ProposedModel", CustomApiParameterType.EntityReference, Description = "The proposed version (la_scoringmodel, status Proposed): it goes live when a marketing approver and a sales approver have both approved it.")]
        public EntityReference? ProposedModel { get; set; }

        [CustomApiResponseProperty("Summary", CustomApiParameterType.String, Description = "The back-test in words: AUC, MQLs per week, SAL rate and top-band SQL rate, current against proposed, on the held-out period.")]
        public string Summary { get; set; } = string.Empty;

        [CustomApiResponseProperty("Proposal", CustomApiParameterType.String, Description = "The proposal as JSON: the periods, every rule's old and new points with its n, lift and interval, the thresholds and the back-test (see the README).")]
        public string Proposal { get; set; } = string.Empty;
    }
}
