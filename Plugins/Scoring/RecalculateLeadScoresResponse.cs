using LeadAlign.Plugins.Registration;

namespace LeadAlign.Plugins.Scoring
{
    /// <summary>The response of la_RecalculateLeadScores: the page's counts, and how to ask for the next page.</summary>
    public sealed class RecalculateLeadScoresResponse
    {
        [CustomApiResponseProperty("Scored", CustomApiParameterType.Integer, Description = "How many leads were scored.")]
        public int Scored { get; set; }

        [CustomApiResponseProperty("Changed", CustomApiParameterType.Integer, Description = "How many leads got a different score, band or reasons.")]
        public int Changed { get; set; }

        [CustomApiResponseProperty("MoreRecords", CustomApiParameterType.Boolean, Description = "Whether more leads remain after this page.")]
        public bool MoreRecords { get; set; }

        [CustomApiResponseProperty("PagingCookie", CustomApiParameterType.String, Description = "Pass it back with the next page.")]
        public string? PagingCookie { get; set; }

        [CustomApiResponseProperty("NextPageNumber", CustomApiParameterType.Integer, Description = "The page to ask for next, or 0 when done.")]
        public int NextPageNumber { get; set; }
    }
}
