using LeadAlign.Plugins.Registration;

namespace LeadAlign.Plugins.Sla
{
    /// <summary>The request of la_EvaluateLeadSlas.</summary>
    public sealed class EvaluateLeadSlasRequest
    {
        [CustomApiParameter("PageSize", CustomApiParameterType.Integer, IsOptional = true, Description = "How many due clocks one call evaluates (1 to 5000, 250 by default).")]
        public int? PageSize { get; set; }
    }
}
