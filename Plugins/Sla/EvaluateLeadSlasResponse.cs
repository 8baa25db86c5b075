using LeadAlign.Plugins.Registration;

namespace LeadAlign.Plugins.Sla
{
    /// <summary>The response of la_EvaluateLeadSlas.</summary>
    public sealed class EvaluateLeadSlasResponse
    {
        [CustomApiResponseProperty("Evaluated", CustomApiParameterType.Integer, Description = "How many clocks were evaluated.")]
        public int Evaluated { get; set; }

        [CustomApiResponseProperty("Warned", CustomApiParameterType.Integer, Description = "How many clocks became Nearing Noncompliance.")]
        public int Warned { get; set; }

        [CustomApiResponseProperty("Breached", CustomApiParameterType.Integer, Description = "How many clocks became Noncompliant.")]
        public int Breached { get; set; }

        [CustomApiResponseProperty("MoreRecords", CustomApiParameterType.Boolean, Description = "Whether more due clocks remain: call again.")]
        public bool MoreRecords { get; set; }
    }
}
