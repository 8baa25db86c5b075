using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Scoring.Versions
{
    /// <summary>The response of la_RollBackScoringModel.</summary>
    public sealed class RollBackScoringModelResponse
    {
        [CustomApiResponseProperty("ActiveModel", CustomApiParameterType.EntityReference, Description = "The scoring model version active now: the one the rolled-back version had replaced.")]
        public EntityReference? ActiveModel { get; set; }

        [CustomApiResponseProperty("Summary", CustomApiParameterType.String, Description = "Which version was rolled back, which is active again, and from when.")]
        public string Summary { get; set; } = string.Empty;
    }
}
